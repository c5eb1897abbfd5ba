import { InvalidArgumentError } from '../engine/index.js';
import { ReleaseQueue } from './_internal/release-queue.js';
import type { Plant } from './plant.js';

/** Options of a {@link ConwipSource}. */
export interface ConwipSourceOptions {
  readonly id: string;
  /** Parts kept in the system, an integer ≥ 1. */
  readonly wip: number;
  /** Products released in turn (cycled), at least one. */
  readonly products: readonly string[];
  /** Due date offset from release, seconds (default: the product's). */
  readonly dueInS?: number;
}

/**
 * CONWIP release: `wip` parts at the start, then a new one each time one of its parts reaches a
 * sink, so the number of its parts in the system stays constant.
 */
export class ConwipSource {
  readonly id: string;
  readonly wip: number;
  private readonly queue: ReleaseQueue;
  private released_ = 0;

  constructor(plant: Plant, options: ConwipSourceOptions) {
    if (!(Number.isInteger(options.wip) && options.wip >= 1)) {
      throw new InvalidArgumentError(
        `ConwipSource: wip of ${options.id} must be an integer >= 1 (got ${options.wip})`,
      );
    }
    if (options.products.length === 0) {
      throw new InvalidArgumentError(`ConwipSource: ${options.id} needs at least one product`);
    }
    for (const p of options.products) plant.product(p);
    plant.registerSource(options.id);
    this.id = options.id;
    this.wip = options.wip;
    this.queue = new ReleaseQueue(plant, options.id);
    const sim = plant.sim;
    const releaseOne = (): void => {
      const product = options.products[this.released_ % options.products.length]!;
      this.released_++;
      const due = options.dueInS === undefined ? undefined : sim.now + options.dueInS;
      this.queue.add(plant.release(product, this.id, due));
    };
    sim.schedule(0, () => {
      for (let i = 0; i < this.wip; i++) releaseOne();
    });
    plant.events.on('partFinished', (part) => {
      if (part.source === this.id) releaseOne();
    });
  }

  /** Parts released so far. */
  get released(): number {
    return this.released_;
  }
}
