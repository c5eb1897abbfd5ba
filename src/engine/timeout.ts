import type { EventId } from './calendar.js';
import { InvalidArgumentError, show } from './errors.js';
import { processEventHandler, SimEvent } from './event.js';
import type { Simulation } from './simulation.js';

/**
 * An event that happens after a delay: `yield sim.timeout(90)` waits 90 s.
 *
 * It is triggered when created and processed `delay` seconds later. {@link Timeout.cancel} takes it
 * off the calendar, after which it never happens.
 */
export class Timeout<T = undefined> extends SimEvent<T> {
  /** Absolute time (seconds) at which it happens. */
  readonly time: number;
  private readonly id: EventId;

  /**
   * @param delay seconds from now, finite and ≥ 0.
   * @param value the value a waiting process receives.
   */
  constructor(sim: Simulation, delay: number, value?: T) {
    if (!(delay >= 0 && delay < Number.POSITIVE_INFINITY)) {
      throw new InvalidArgumentError(
        `Simulation.timeout: delay must be a finite number >= 0 s (got ${show(delay)})`,
      );
    }
    super(sim, 'timeout');
    this.markTriggered(value as T);
    this.time = sim.now + delay;
    this.id = sim.schedule(delay, processEventHandler, this as SimEvent<unknown>);
  }

  /** Takes the timeout off the calendar. @returns `false` if it had already happened or was cancelled. */
  cancel(): boolean {
    return this.sim.cancel(this.id);
  }
}
