import { SimulationError } from './errors.js';

/**
 * Thrown into a process at its `yield` when another party calls `process.interrupt(cause)`:
 * a breakdown interrupting a machine's work, a preemption taking a resource away.
 *
 * If the process was waiting for a delay (`yield 30` or `yield sim.timeout(30)`), `remaining` is the
 * part of that delay that had not elapsed (seconds), so the process can resume its work later for
 * exactly the time it still owed. Otherwise `remaining` is `NaN`.
 */
export class Interrupt<C = unknown> extends SimulationError {
  /** Whatever the interrupter passed (a failure mode, a {@link Preempted} record, …). */
  override readonly cause: C;
  /** Seconds of the interrupted delay that had not elapsed, or `NaN` if it was not waiting for a delay. */
  readonly remaining: number;

  constructor(cause: C, remaining: number) {
    super(
      'INTERRUPTED',
      `Process interrupted${remaining >= 0 ? ` with ${remaining} s of its delay remaining` : ''}`,
      false,
    );
    this.cause = cause;
    this.remaining = remaining;
  }
}
