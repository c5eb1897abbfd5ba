import { type Distribution, InvalidArgumentError } from '../engine/index.js';
import { ReleaseQueue } from './_internal/release-queue.js';
import type { Plant } from './plant.js';

/** Options of a {@link Source}. */
export interface SourceOptions {
  /** Id, unique in the plant. */
  readonly id: string;
  /** Product of the parts it releases. */
  readonly product: string;
  /** Time between releases, seconds; drawn from the stream `${id}/interarrival`. */
  readonly interarrival: Distribution;
  /** Number of parts to release (default: no limit). */
  readonly count?: number;
  /** Time of the first release, seconds from now (default: one interarrival draw). */
  readonly firstAtS?: number;
  /** Due date offset from release, seconds (default: the product's). */
  readonly dueInS?: number;
}

/**
 * Releases parts of one product at random intervals. Releases never stop because the first station
 * is full: released parts wait at the source, in order, and count as work in process.
 */
export class Source {
  readonly id: string;
  private readonly queue: ReleaseQueue;
  private released_ = 0;

  constructor(plant: Plant, options: SourceOptions) {
    const count = options.count ?? Number.POSITIVE_INFINITY;
    if (!(count === Number.POSITIVE_INFINITY || (Number.isInteger(count) && count >= 0))) {
      throw new InvalidArgumentError(`Source: count of ${options.id} must be an integer >= 0 (got ${count})`);
    }
    plant.registerSource(options.id);
    plant.product(options.product);
    this.id = options.id;
    this.queue = new ReleaseQueue(plant, options.id);
    const sim = plant.sim;
    const stream = sim.streams.get(`${options.id}/interarrival`);
    const dueInS = options.dueInS;
    const arrive = (): void => {
      const part = plant.release(
        options.product,
        this.id,
        dueInS === undefined ? undefined : sim.now + dueInS,
      );
      this.released_++;
      if (this.released_ < count) sim.schedule(options.interarrival.sample(stream), arrive);
      this.queue.add(part);
    };
    if (count > 0) sim.schedule(options.firstAtS ?? options.interarrival.sample(stream), arrive);
  }

  /** Parts released so far. */
  get released(): number {
    return this.released_;
  }

  /** Released parts waiting at the source for room at their first station. */
  get waiting(): number {
    return this.queue.length;
  }
}
