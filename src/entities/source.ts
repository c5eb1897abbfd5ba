import { type Distribution, InvalidArgumentError } from '../engine/index.js';
import { ReleaseQueue } from './_internal/release-queue.js';
import type { Plant } from './plant.js';
import type { ShiftCalendar } from './shift-calendar.js';

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
  /**
   * The calendar it follows (default: always working). Off shift its interarrival clock pauses: each
   * interarrival time (and `firstAtS`) is working time, so no part arrives off shift and the arrival
   * rate per working hour is that of the distribution. An arrival falls due at the earliest at the next
   * start of working time; after the calendar's last working time, none does.
   */
  readonly shift?: ShiftCalendar;
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
      if (this.released_ < count) after(options.interarrival.sample(stream));
      this.queue.add(part);
    };
    const shift = options.shift;
    /** Schedules the next arrival `gapS` seconds (of working time, with a calendar) from now. */
    const after = (gapS: number): void => {
      if (shift === undefined || shift.always) {
        sim.schedule(gapS, arrive);
        return;
      }
      const at = shift.afterWorking(sim.now, gapS);
      if (at < Number.POSITIVE_INFINITY) sim.scheduleAt(at, arrive);
    };
    if (count > 0) after(options.firstAtS ?? options.interarrival.sample(stream));
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
