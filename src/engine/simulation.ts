import { objectArray } from './_internal/object-array.js';
import { Calendar, type EventHandler, type EventId, type PoppedEvent } from './calendar.js';
import { allOf, anyOf, type FirstOf } from './condition.js';
import { InvalidArgumentError, InvalidStateError, show } from './errors.js';
import { SimEvent } from './event.js';
import { Process, type ProcessGenerator } from './process.js';
import { RandomStreams } from './random/streams.js';
import { Timeout } from './timeout.js';

/** Options of a {@link Simulation}. */
export interface SimulationOptions {
  /** Master seed from which every named random stream is derived (default 0). */
  seed?: number | string;
  /** Start time in seconds (default 0). */
  start?: number;
}

/** Limits of one call to {@link Simulation.run}. */
export interface RunOptions {
  /**
   * Stop before the first event at or after this time (seconds) and set the clock to it. Events at
   * exactly `until` stay pending, so `run({ until: a })` then `run({ until: b })` runs exactly the
   * events of `run({ until: b })`. Default: no limit.
   */
  until?: number;
  /** Stop after this many events (an integer ≥ 0). Default: no limit. */
  maxEvents?: number;
}

/** Why {@link Simulation.run} returned. */
export type StopReason = 'until' | 'maxEvents' | 'empty' | 'stopped';

/** Outcome of one call to {@link Simulation.run}. */
export interface RunResult {
  /** Why the run returned. */
  reason: StopReason;
  /** Number of events this call processed. */
  events: number;
  /** The clock when it returned (seconds). */
  now: number;
}

/**
 * The discrete-event simulation: a clock, a calendar of pending events, and the named random
 * streams of one master seed.
 *
 * Events are ordered by (time, priority, insertion sequence): lower priority values run first
 * among events at the same time, and equal (time, priority) events run in the order they were
 * scheduled. A run is therefore a pure function of the model and the seed. `run` and `step` stop
 * and resume anywhere without losing or reordering an event.
 *
 * Two styles of model code share the calendar:
 * - plain callbacks (`schedule(delay, handler, data)`), the fastest path;
 * - generator processes (`process(function* () { yield 5; … })`) in the style of SimPy.
 *
 * ```ts
 * const sim = new Simulation({ seed: 1 });
 * sim.schedule(2.5, (msg) => console.log(sim.now, msg), 'hello'); // prints 2.5 hello
 * sim.run({ until: 10 });
 * ```
 */
export class Simulation {
  /** Named random streams derived from the master seed (`streams.get('arrivals')`). */
  readonly streams: RandomStreams;
  /**
   * The process whose generator is running right now, or `null` in plain callbacks.
   * @internal set by {@link Process}; read by resources to know who requests.
   */
  activeProcess: Process<unknown> | null = null;
  private now_: number;
  private readonly calendar = new Calendar();
  // NaN, not 0: the field holds doubles from the start, so the first event at a fractional time does not
  // change the object's shape under code already optimised for small integers.
  private readonly popped: PoppedEvent = { time: Number.NaN, handler: undefined, data: undefined };
  private running = false;
  private stopRequested = false;
  private eventCount_ = 0;
  /** Callbacks waiting for the end of the current instant, in registration order. */
  private readonly instantEnd: (() => void)[] = objectArray();

  constructor(options: SimulationOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError(`Simulation: options must be an object (got ${show(options)})`);
    }
    const start = options.start ?? 0;
    if (!Number.isFinite(start)) {
      throw new InvalidArgumentError(
        `Simulation: start must be a finite number of seconds (got ${show(start)})`,
      );
    }
    this.now_ = start;
    this.streams = new RandomStreams(options.seed ?? 0);
  }

  /** The current simulation time in seconds. */
  get now(): number {
    return this.now_;
  }

  /** Total number of events processed since the simulation was created. */
  get eventCount(): number {
    return this.eventCount_;
  }

  /** Number of pending events (end-of-instant callbacks included). */
  get pending(): number {
    return this.calendar.size + this.instantEnd.length;
  }

  /**
   * Runs `callback` once every event at the current time has run, before the clock moves on. Callbacks
   * run one at a time in the order registered; the events a callback schedules at the current time run
   * before the next callback. They are not counted as events (`maxEvents`, `eventCount`).
   */
  atEndOfInstant(callback: () => void): void {
    if (typeof callback !== 'function') {
      throw new InvalidArgumentError(
        `Simulation.atEndOfInstant: callback must be a function (got ${show(callback)})`,
      );
    }
    this.instantEnd.push(callback);
  }

  /**
   * Schedules `handler(data)` to run `delay` seconds from now.
   * @param delay seconds, finite and ≥ 0.
   * @param priority integer; lower runs first among events at the same time (default 0).
   * @returns an id for {@link Simulation.cancel}.
   */
  schedule<T>(delay: number, handler: EventHandler<T>, data?: T, priority = 0): EventId {
    if (!(delay >= 0 && delay < Number.POSITIVE_INFINITY)) {
      throw new InvalidArgumentError(
        `Simulation.schedule: delay must be a finite number >= 0 s (got ${show(delay)})`,
      );
    }
    if ((priority | 0) !== priority) {
      throw new InvalidArgumentError(
        `Simulation.schedule: priority must be a 32-bit integer (got ${show(priority)})`,
      );
    }
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError(
        `Simulation.schedule: handler must be a function (got ${show(handler)})`,
      );
    }
    return this.calendar.push(this.now_ + delay, priority, handler, data as T);
  }

  /**
   * Schedules `handler(data)` to run at absolute time `time` (seconds, ≥ now).
   * @returns an id for {@link Simulation.cancel}.
   */
  scheduleAt<T>(time: number, handler: EventHandler<T>, data?: T, priority = 0): EventId {
    if (!(time >= this.now_ && time < Number.POSITIVE_INFINITY)) {
      const why =
        Number.isNaN(time) || typeof time !== 'number' ? 'a finite number' : `>= now (${this.now_} s)`;
      throw new InvalidArgumentError(`Simulation.scheduleAt: time must be ${why} (got ${show(time)})`);
    }
    if ((priority | 0) !== priority) {
      throw new InvalidArgumentError(
        `Simulation.scheduleAt: priority must be a 32-bit integer (got ${show(priority)})`,
      );
    }
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError(
        `Simulation.scheduleAt: handler must be a function (got ${show(handler)})`,
      );
    }
    return this.calendar.push(time, priority, handler, data as T);
  }

  /**
   * Cancels a pending event; it never runs and leaves nothing on the calendar.
   * @returns `true` if it was pending, `false` if it had already run or been cancelled.
   */
  cancel(id: EventId): boolean {
    if (!Number.isInteger(id) || id < 0) {
      throw new InvalidArgumentError(
        `Simulation.cancel: expected an id returned by schedule (got ${show(id)})`,
      );
    }
    return this.calendar.cancel(id);
  }

  /** `true` while the event `id` is pending. */
  isPending(id: EventId): boolean {
    return Number.isInteger(id) && id >= 0 && this.calendar.isPending(id);
  }

  /** Time of the next pending event (seconds; now while an end-of-instant callback waits), or `Infinity` when there is none. */
  peek(): number {
    return this.instantEnd.length > 0 ? this.now_ : this.calendar.peekTime();
  }

  /**
   * Processes exactly one event, if any.
   * @returns `false` when no event was pending.
   */
  step(): boolean {
    return this.run({ maxEvents: 1 }).events === 1;
  }

  /**
   * Asks a running `run` to return after the event being processed (from inside a handler or process).
   * The next `run` continues where this one stopped.
   */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Processes events in order until the calendar is empty, the next event is at or after `until`,
   * `maxEvents` have run, or a handler calls {@link Simulation.stop}. Resumable: splitting a run
   * anywhere gives exactly the events of one uninterrupted run.
   *
   * An error thrown by a handler (or an unhandled failed event) leaves the simulation consistent:
   * the event that threw has been consumed, and `run` can be called again.
   */
  run(options: RunOptions = {}): RunResult {
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError(`Simulation.run: options must be an object (got ${show(options)})`);
    }
    const until = options.until ?? Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    if (typeof until !== 'number' || Number.isNaN(until)) {
      throw new InvalidArgumentError(
        `Simulation.run: until must be a number of seconds (got ${show(until)})`,
      );
    }
    if (until < this.now_) {
      throw new InvalidArgumentError(
        `Simulation.run: until (${show(until)} s) is earlier than now (${this.now_} s)`,
      );
    }
    if (!(maxEvents >= 0) || (maxEvents !== Number.POSITIVE_INFINITY && !Number.isInteger(maxEvents))) {
      throw new InvalidArgumentError(
        `Simulation.run: maxEvents must be an integer >= 0 (got ${show(maxEvents)})`,
      );
    }
    if (this.running) {
      throw new InvalidStateError(
        'Simulation.run: already running (run/step called from inside an event handler)',
      );
    }
    this.running = true;
    this.stopRequested = false;
    const before = this.eventCount_;
    let reason: StopReason;
    try {
      reason = this.loop(until, maxEvents);
    } finally {
      this.running = false;
    }
    const events = this.eventCount_ - before;
    if ((reason === 'until' || reason === 'empty') && until !== Number.POSITIVE_INFINITY) this.now_ = until;
    return { reason, events, now: this.now_ };
  }

  /**
   * The event loop of {@link Simulation.run}, on its own so that V8 optimises (on-stack) just the loop:
   * optimised together with `run`'s checks and epilogue, which the first run has not reached yet when the
   * loop gets hot, it was thrown away and compiled again at the end of that run for lack of feedback.
   * Counts the events it ran into `eventCount_` (also when a handler throws).
   */
  private loop(until: number, maxEvents: number): StopReason {
    const calendar = this.calendar;
    const out = this.popped;
    const instantEnd = this.instantEnd;
    let events = 0;
    let reason: StopReason = 'maxEvents';
    try {
      for (;;) {
        // The end of the instant: no event left at the current time.
        if (instantEnd.length > 0 && !(calendar.size > 0 && calendar.peekTime() <= this.now_)) {
          instantEnd.shift()!();
          if (this.stopRequested) {
            reason = 'stopped';
            break;
          }
          continue;
        }
        if (events >= maxEvents) break;
        if (calendar.size === 0) {
          reason = 'empty';
          break;
        }
        if (calendar.peekTime() >= until) {
          reason = 'until';
          break;
        }
        calendar.pop(out);
        this.now_ = out.time;
        events++;
        const handler = out.handler!;
        const data = out.data;
        out.handler = undefined;
        out.data = undefined;
        handler(data);
        if (this.stopRequested) {
          reason = 'stopped';
          break;
        }
      }
    } finally {
      this.eventCount_ += events;
    }
    return reason;
  }

  /** A new pending event that model code triggers with `succeed`/`fail`. */
  event<T = unknown>(name?: string): SimEvent<T> {
    return new SimEvent<T>(this, name);
  }

  /** An event that happens `delay` seconds from now with `value` (`yield sim.timeout(5)`). */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout<T>(this, delay, value);
  }

  /**
   * Starts a generator process at the current time.
   * @param generator a generator object, or a generator function called with no argument.
   */
  process<R>(generator: ProcessGenerator<R> | (() => ProcessGenerator<R>), name?: string): Process<R> {
    const gen = typeof generator === 'function' ? generator() : generator;
    const fallback = typeof generator === 'function' && generator.name !== '' ? generator.name : 'process';
    return new Process<R>(this, gen, name ?? fallback);
  }

  /** An event that succeeds with all values once every event succeeded (fails on the first failure). */
  allOf<T>(events: readonly SimEvent<T>[]): SimEvent<T[]> {
    return allOf(this, events);
  }

  /** An event that happens when the first of `events` happens. */
  anyOf<T>(events: readonly SimEvent<T>[]): SimEvent<FirstOf<T>> {
    return anyOf(this, events);
  }
}
