import { InvalidArgumentError } from '../engine/index.js';
import { ReleaseQueue } from './_internal/release-queue.js';
import type { Plant } from './plant.js';

/** One line of an order list. */
export interface Order {
  /** Release time, seconds (absolute, ≥ the time the source is built). */
  readonly releaseS: number;
  readonly product: string;
  /** Number of parts, an integer ≥ 1. */
  readonly quantity: number;
  /** Due date, seconds (absolute; default: the product's offset from release). */
  readonly dueS?: number;
  /** Dispatch priority (default: the product's). */
  readonly priority?: number;
}

/** Options of an {@link OrderSource}. */
export interface OrderSourceOptions {
  readonly id: string;
  readonly orders: readonly Order[];
}

/**
 * Releases the parts of an order list at their release times (orders with equal times in list
 * order). Parts wait at the source, in order, when their first station is full.
 */
export class OrderSource {
  readonly id: string;
  /** The order list as given (index = the order's row). */
  readonly orders: readonly Order[];
  private readonly queue: ReleaseQueue;
  private released_ = 0;
  /** Part id → index of its order in `orders`. */
  private readonly orderByPart = new Map<number, number>();

  constructor(plant: Plant, options: OrderSourceOptions) {
    plant.registerSource(options.id);
    this.id = options.id;
    this.orders = options.orders;
    this.queue = new ReleaseQueue(plant, options.id);
    const sim = plant.sim;
    options.orders.forEach((o, i) => {
      plant.product(o.product);
      if (!(Number.isInteger(o.quantity) && o.quantity >= 1)) {
        throw new InvalidArgumentError(
          `OrderSource: orders[${i}].quantity of ${options.id} must be an integer >= 1 (got ${o.quantity})`,
        );
      }
      if (!(o.releaseS >= sim.now && Number.isFinite(o.releaseS))) {
        throw new InvalidArgumentError(
          `OrderSource: orders[${i}].releaseS of ${options.id} must be a finite time >= ${sim.now} s (got ${o.releaseS})`,
        );
      }
    });
    const sorted = options.orders
      .map((o, i) => ({ o, i }))
      .sort((a, b) => a.o.releaseS - b.o.releaseS || a.i - b.i);
    for (const { o, i } of sorted) {
      sim.scheduleAt(o.releaseS, () => {
        for (let k = 0; k < o.quantity; k++) {
          this.released_++;
          const part = plant.release(o.product, this.id, o.dueS, o.priority);
          this.orderByPart.set(part.id, i);
          this.queue.add(part);
        }
      });
    }
  }

  /** Index in `orders` of the order a part released here belongs to (`undefined` for another part). */
  orderOf(partId: number): number | undefined {
    return this.orderByPart.get(partId);
  }

  /** Parts released so far. */
  get released(): number {
    return this.released_;
  }

  /** Released parts waiting at the source. */
  get waiting(): number {
    return this.queue.length;
  }
}
