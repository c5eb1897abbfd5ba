import type { EventId } from './calendar.js';
import { InvalidArgumentError, InvalidStateError, show } from './errors.js';
import { SimEvent } from './event.js';
import { Interrupt } from './interrupt.js';
import type { Simulation } from './simulation.js';
import { Timeout } from './timeout.js';

/**
 * What a process may `yield`: a delay in seconds (finite, ≥ 0), or any {@link SimEvent} — a timeout,
 * a resource request, a store get, another process, `allOf`/`anyOf`. The value sent back by the
 * `yield` is the event's value; a failed event throws its error at the `yield`.
 */
export type Yieldable = number | SimEvent<unknown>;

/** The generator a process runs. `R` is its return value, which becomes the process's value. */
// biome-ignore lint/suspicious/noExplicitAny: the value sent back into a yield depends on what was yielded.
export type ProcessGenerator<R = unknown> = Generator<Yieldable, R, any>;

/**
 * A process: a generator function run by the simulation in the style of SimPy. It starts at the
 * current time (after the events already due) and is itself an event that succeeds with the
 * generator's return value, so other processes can `yield` it to wait for it to finish. An error
 * escaping the generator fails the process; if nobody waits for it, `run` rethrows it.
 *
 * ```ts
 * const worker = sim.process(function* () {
 *   const req = machine.request();
 *   yield req;             // wait for the machine
 *   yield 90;              // work for 90 s
 *   machine.release(req);
 *   return 'done';
 * });
 * ```
 */
export class Process<R = unknown> extends SimEvent<R> {
  private readonly gen: ProcessGenerator<R>;
  private alive = true;
  /** Event the process waits for, if any. */
  private target: SimEvent<unknown> | null = null;
  /** Calendar id of a numeric delay the process waits for, or -1. */
  private waitId: EventId = -1;
  /** When the current delay ends (seconds), or NaN. */
  private waitUntil = Number.NaN;
  private readonly onTarget: (event: SimEvent<unknown>) => void;

  constructor(sim: Simulation, generator: ProcessGenerator<R>, name = 'process') {
    if (generator === null || typeof generator !== 'object' || typeof generator.next !== 'function') {
      throw new InvalidArgumentError(
        `Simulation.process: expected a generator, e.g. sim.process(function* () { … }) (got ${show(generator)})`,
      );
    }
    super(sim, name);
    this.gen = generator;
    this.onTarget = (event) => {
      this.target = null;
      this.waitUntil = Number.NaN;
      this.resume(event.value, !event.ok);
    };
    sim.schedule(0, startProcess, this as Process<unknown>);
  }

  /** `true` until the generator returns or throws. */
  get isAlive(): boolean {
    return this.alive;
  }

  /**
   * Interrupts the process: at the current time (after the events already due), an {@link Interrupt}
   * carrying `cause` and the remaining part of its current delay is thrown at its `yield`. The event
   * it was waiting for no longer resumes it (a resource request stays queued: cancel it if you no
   * longer want it). Throws if the process has finished or interrupts itself.
   */
  interrupt(cause?: unknown): void {
    if (!this.alive) {
      throw new InvalidStateError(`${this.name}.interrupt: the process has already finished`);
    }
    if (this.sim.activeProcess === this) {
      throw new InvalidStateError(`${this.name}.interrupt: a process cannot interrupt itself`);
    }
    this.sim.schedule(0, deliverInterrupt, { process: this as Process<unknown>, cause });
  }

  /** Called by the calendar for a pending interrupt. @internal */
  deliverInterrupt(cause: unknown): void {
    // The process may have finished between the call to interrupt() and now.
    if (!this.alive) return;
    let remaining = Number.NaN;
    const now = this.sim.now;
    if (this.waitId >= 0) {
      remaining = this.waitUntil - now;
      this.sim.cancel(this.waitId);
      this.waitId = -1;
    } else if (this.target !== null) {
      if (this.target instanceof Timeout) remaining = this.target.time - now;
      this.target.removeCallback(this.onTarget);
      this.target = null;
    }
    this.waitUntil = Number.NaN;
    this.resume(new Interrupt(cause, remaining), true);
  }

  /** Resumes after a numeric delay. @internal */
  delayOver(): void {
    this.waitId = -1;
    this.waitUntil = Number.NaN;
    this.resume(undefined, false);
  }

  /** Sends a value (or throws an error) into the generator and handles what it yields next. @internal */
  resume(value: unknown, isError: boolean): void {
    const sim = this.sim;
    for (;;) {
      let result: IteratorResult<Yieldable, R>;
      sim.activeProcess = this as Process<unknown>;
      try {
        result = isError ? this.gen.throw(value) : this.gen.next(value);
      } catch (error) {
        sim.activeProcess = null;
        this.alive = false;
        this.fail(error instanceof Error ? error : new Error(`${this.name} threw ${show(error)}`));
        return;
      }
      sim.activeProcess = null;
      if (result.done === true) {
        this.alive = false;
        this.succeed(result.value);
        return;
      }
      const y = result.value;
      if (typeof y === 'number') {
        if (y >= 0 && y < Number.POSITIVE_INFINITY) {
          this.waitUntil = sim.now + y;
          this.waitId = sim.schedule(y, resumeAfterDelay, this as Process<unknown>);
          return;
        }
        value = new InvalidArgumentError(
          `${this.name}: a yielded delay must be a finite number >= 0 s (got ${show(y)})`,
        );
        isError = true;
        continue;
      }
      if (y instanceof SimEvent) {
        if (y.sim !== sim) {
          value = new InvalidArgumentError(`${this.name}: yielded ${y.name} belongs to another simulation`);
          isError = true;
          continue;
        }
        if (y.processed) {
          // Already happened: continue at once with its outcome, as SimPy does.
          value = y.value;
          isError = !y.ok;
          continue;
        }
        this.target = y;
        if (y instanceof Timeout) this.waitUntil = y.time;
        y.addCallback(this.onTarget);
        return;
      }
      value = new InvalidArgumentError(
        `${this.name}: a process may yield a delay in seconds or an event (got ${show(y)})`,
      );
      isError = true;
    }
  }
}

function startProcess(process: Process<unknown>): void {
  process.resume(undefined, false);
}

function resumeAfterDelay(process: Process<unknown>): void {
  process.delayOver();
}

function deliverInterrupt(arg: { process: Process<unknown>; cause: unknown }): void {
  arg.process.deliverInterrupt(arg.cause);
}
