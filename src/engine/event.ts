import { InvalidStateError, show } from './errors.js';
import type { Simulation } from './simulation.js';

/** Called when an event has been processed; it reads `event.ok` and `event.value`. */
export type EventCallback<T> = (event: SimEvent<T>) => void;

const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;

/**
 * A one-shot occurrence that processes can wait for (`yield event`).
 *
 * Lifecycle: pending → triggered (by {@link SimEvent.succeed} or {@link SimEvent.fail}; it is then
 * put on the calendar at the current time) → processed (its callbacks ran, in the order they were
 * added). Each transition happens once; a second `succeed` throws, naming the event.
 *
 * A failed event that nobody waited for is never silently ignored: the simulation's `run`/`step`
 * rethrows its error, unless {@link SimEvent.defuse} was called.
 */
export class SimEvent<T = unknown> {
  /** The simulation this event belongs to. */
  readonly sim: Simulation;
  /** Optional name, used in error messages and traces. */
  readonly name: string;
  private phase = PENDING;
  private ok_ = true;
  private value_: T | Error | undefined = undefined;
  // NOTE: stored as callbacks of SimEvent<any> so that SimEvent<T> stays covariant in T (a
  // SimEvent<Request> is a SimEvent<unknown>); addCallback keeps the typed signature.
  // biome-ignore lint/suspicious/noExplicitAny: see the note above.
  private callbacks: EventCallback<any>[] | null = [];
  private defused_ = false;

  constructor(sim: Simulation, name = 'event') {
    this.sim = sim;
    this.name = name;
  }

  /** `true` once succeed/fail was called. */
  get triggered(): boolean {
    return this.phase !== PENDING;
  }

  /** `true` once its callbacks have run. */
  get processed(): boolean {
    return this.phase === PROCESSED;
  }

  /** `false` if the event failed. Only meaningful once triggered. */
  get ok(): boolean {
    return this.ok_;
  }

  /** The value it succeeded with, or the error it failed with. Throws while pending. */
  get value(): T | Error {
    if (this.phase === PENDING) throw new InvalidStateError(`${this.name}.value: the event is still pending`);
    return this.value_ as T | Error;
  }

  /** `true` when a failure of this event has been declared handled. */
  get defused(): boolean {
    return this.defused_;
  }

  /** Declares a failure of this event handled, so `run` does not rethrow it. */
  defuse(): this {
    this.defused_ = true;
    return this;
  }

  /** Triggers the event with a value; its callbacks run at the current time, after the events already due then. */
  succeed(value?: T): this {
    this.trigger(true, value as T);
    return this;
  }

  /** Triggers the event as failed; processes waiting for it get `error` thrown at their `yield`. */
  fail(error: Error): this {
    if (!(error instanceof Error)) {
      throw new InvalidStateError(`${this.name}.fail: expected an Error (got ${show(error)})`);
    }
    this.trigger(false, error);
    return this;
  }

  /**
   * Adds a callback to run when the event is processed. If it already was, the callback runs at
   * the current time as a new calendar event (never synchronously, so the order stays the calendar's).
   */
  addCallback(callback: EventCallback<T>): void {
    if (this.callbacks === null) {
      this.sim.schedule(0, runLateCallback, {
        event: this as SimEvent<unknown>,
        callback: callback as EventCallback<unknown>,
      });
      return;
    }
    this.callbacks.push(callback);
  }

  /** Removes a callback added earlier (no effect if absent or already run). */
  removeCallback(callback: EventCallback<T>): void {
    if (this.callbacks === null) return;
    const i = this.callbacks.indexOf(callback);
    if (i >= 0) this.callbacks.splice(i, 1);
  }

  /** Number of callbacks still waiting (0 once processed). */
  get waiterCount(): number {
    return this.callbacks === null ? 0 : this.callbacks.length;
  }

  /** Triggers without the pending check's message; subclasses override for bookkeeping. */
  protected trigger(ok: boolean, value: T | Error): void {
    if (this.phase !== PENDING) {
      throw new InvalidStateError(
        `${this.name}.${ok ? 'succeed' : 'fail'}: the event has already been triggered`,
      );
    }
    this.phase = TRIGGERED;
    this.ok_ = ok;
    this.value_ = value;
    this.sim.schedule(0, processEvent, this as SimEvent<unknown>);
  }

  /**
   * Marks the event triggered with a value without scheduling its processing: for subclasses that
   * put themselves on the calendar at a later time (timeouts).
   * @internal
   */
  protected markTriggered(value: T): void {
    this.phase = TRIGGERED;
    this.ok_ = true;
    this.value_ = value;
  }

  /**
   * Runs the callbacks. Called by the calendar.
   * @internal
   */
  process(): void {
    const callbacks = this.callbacks!;
    this.callbacks = null;
    this.phase = PROCESSED;
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(this);
    if (!this.ok_ && callbacks.length === 0 && !this.defused_) {
      throw this.value_ as Error;
    }
  }
}

function processEvent(event: SimEvent<unknown>): void {
  event.process();
}

function runLateCallback(arg: { event: SimEvent<unknown>; callback: EventCallback<unknown> }): void {
  arg.callback(arg.event);
}

/** Processes an event from the calendar (shared with subclasses that schedule themselves). @internal */
export const processEventHandler: (event: SimEvent<unknown>) => void = processEvent;
