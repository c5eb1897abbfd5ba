import { InvalidArgumentError, show } from './errors.js';
import { SimEvent } from './event.js';
import type { Simulation } from './simulation.js';

/** Value of an {@link anyOf} event: which of the events happened first, and its value. */
export interface FirstOf<T = unknown> {
  /** Index of the event in the array given to `anyOf`. */
  index: number;
  /** That event. */
  event: SimEvent<T>;
  /** Its value. */
  value: T;
}

function checkEvents(api: string, sim: Simulation, events: readonly SimEvent<unknown>[]): void {
  if (!Array.isArray(events))
    throw new InvalidArgumentError(`${api}: expected an array of events (got ${show(events)})`);
  events.forEach((e, i) => {
    if (!(e instanceof SimEvent)) {
      throw new InvalidArgumentError(`${api}: events[${i}] is not an event (got ${show(e)})`);
    }
    if (e.sim !== sim) throw new InvalidArgumentError(`${api}: events[${i}] belongs to another simulation`);
  });
}

/**
 * An event that succeeds, with the values in the given order, once every event has succeeded; it
 * fails as soon as one of them fails (with that error). An empty array succeeds at once.
 */
export function allOf<T>(sim: Simulation, events: readonly SimEvent<T>[]): SimEvent<T[]> {
  checkEvents('Simulation.allOf', sim, events as readonly SimEvent<unknown>[]);
  const result = new SimEvent<T[]>(sim, 'allOf');
  const values = new Array<T>(events.length);
  let remaining = events.length;
  if (remaining === 0) return result.succeed(values);
  const callbacks: ((e: SimEvent<T>) => void)[] = [];
  const detach = (): void => {
    events.forEach((e, j) => {
      e.removeCallback(callbacks[j]!);
    });
  };
  events.forEach((event, i) => {
    const cb = (e: SimEvent<T>): void => {
      if (result.triggered) return;
      if (!e.ok) {
        detach();
        result.fail(e.value as Error);
        return;
      }
      values[i] = e.value as T;
      if (--remaining === 0) result.succeed(values);
    };
    callbacks.push(cb);
    event.addCallback(cb);
  });
  return result;
}

/**
 * An event that happens when the first of the events is processed: it succeeds with a
 * {@link FirstOf} record, or fails if that first event failed. The others are left alone (cancel
 * them yourself if needed). An empty array is rejected: it would never happen.
 */
export function anyOf<T>(sim: Simulation, events: readonly SimEvent<T>[]): SimEvent<FirstOf<T>> {
  checkEvents('Simulation.anyOf', sim, events as readonly SimEvent<unknown>[]);
  if (events.length === 0)
    throw new InvalidArgumentError('Simulation.anyOf: needs at least one event (got [])');
  const result = new SimEvent<FirstOf<T>>(sim, 'anyOf');
  const callbacks: ((e: SimEvent<T>) => void)[] = [];
  events.forEach((event, i) => {
    const cb = (e: SimEvent<T>): void => {
      if (result.triggered) return;
      events.forEach((other, j) => {
        if (j !== i) other.removeCallback(callbacks[j]!);
      });
      if (!e.ok) result.fail(e.value as Error);
      else result.succeed({ index: i, event: e, value: e.value as T });
    };
    callbacks.push(cb);
    event.addCallback(cb);
  });
  return result;
}
