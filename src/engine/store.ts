import { InvalidArgumentError, InvalidStateError, show } from './errors.js';
import { SimEvent } from './event.js';
import type { Simulation } from './simulation.js';

/** Which item a get takes among those that match. */
export type StoreDiscipline = 'fifo' | 'lifo' | 'priority';

/** Options of a {@link Store}. */
export interface StoreOptions<T> {
  /** Most items held at once (integer ≥ 1 or Infinity; default Infinity). */
  capacity?: number;
  /**
   * `fifo` (default): oldest item first; `lifo`: newest first; `priority`: lowest `priorityOf(item)`
   * first, oldest among equals.
   */
  discipline?: StoreDiscipline;
  /** Key of the `priority` discipline (lower is taken first). */
  priorityOf?: (item: T) => number;
  /** Name used in error messages. */
  name?: string;
}

/** A pending or completed put. Succeeds when the item is in the store. */
export class StorePut<T> extends SimEvent<void> {
  /** @internal */
  constructor(
    sim: Simulation,
    name: string,
    readonly item: T,
  ) {
    super(sim, `${name}.put`);
  }
}

/** A pending or completed get. Succeeds with the item taken. */
export class StoreGet<T> extends SimEvent<T> {
  /** @internal */
  constructor(
    sim: Simulation,
    name: string,
    readonly filter: ((item: T) => boolean) | undefined,
  ) {
    super(sim, `${name}.get`);
  }
}

interface Held<T> {
  item: T;
  key: number;
  seq: number;
}

/**
 * A store of discrete items (parts in a buffer, pallets) with blocking put and get.
 *
 * - Puts are accepted in arrival order while there is room; a put that does not fit waits, and so do
 *   the puts behind it (no overtaking).
 * - Gets are served in arrival order. A get may carry a filter: it takes the first matching item (in
 *   the discipline's order) and, while nothing matches, lets the gets behind it go first.
 * - Waiting puts and gets can be withdrawn with {@link Store.cancel}; they leave no trace.
 *
 * `tryPut` / `tryGet` are the non-blocking forms for callback-style code.
 */
export class Store<T> {
  readonly sim: Simulation;
  readonly name: string;
  readonly capacity: number;
  readonly discipline: StoreDiscipline;
  private readonly priorityOf: ((item: T) => number) | undefined;
  private readonly held: Held<T>[] = [];
  private readonly puts: StorePut<T>[] = [];
  private readonly gets: StoreGet<T>[] = [];
  private seq = 0;

  constructor(sim: Simulation, options: StoreOptions<T> = {}) {
    const name = options.name ?? 'store';
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new InvalidArgumentError(
        `Store(${name}): capacity must be an integer >= 1 or Infinity (got ${show(capacity)})`,
      );
    }
    const discipline = options.discipline ?? 'fifo';
    if (discipline !== 'fifo' && discipline !== 'lifo' && discipline !== 'priority') {
      throw new InvalidArgumentError(
        `Store(${name}): discipline must be "fifo", "lifo" or "priority" (got ${show(discipline)})`,
      );
    }
    if (discipline === 'priority' && typeof options.priorityOf !== 'function') {
      throw new InvalidArgumentError(
        `Store(${name}): the "priority" discipline needs a priorityOf(item) function`,
      );
    }
    this.sim = sim;
    this.name = name;
    this.capacity = capacity;
    this.discipline = discipline;
    this.priorityOf = options.priorityOf;
  }

  /** Items held now. */
  get size(): number {
    return this.held.length;
  }

  /** The items in the order gets would take them (a copy). */
  get items(): T[] {
    const order = this.discipline === 'lifo' ? [...this.held].reverse() : this.held;
    return order.map((h) => h.item);
  }

  /** Puts waiting for room. */
  get waitingPuts(): number {
    return this.puts.length;
  }

  /** Gets waiting for an item. */
  get waitingGets(): number {
    return this.gets.length;
  }

  /** Offers an item; the returned event succeeds once it is in the store. */
  put(item: T): StorePut<T> {
    const ev = new StorePut<T>(this.sim, this.name, item);
    this.puts.push(ev);
    this.settle();
    return ev;
  }

  /** Asks for an item (the first matching `filter`, if given); the event succeeds with it. */
  get(filter?: (item: T) => boolean): StoreGet<T> {
    if (filter !== undefined && typeof filter !== 'function') {
      throw new InvalidArgumentError(`${this.name}.get: filter must be a function (got ${show(filter)})`);
    }
    const ev = new StoreGet<T>(this.sim, this.name, filter);
    this.gets.push(ev);
    this.settle();
    return ev;
  }

  /** Puts `item` at once if there is room and nobody waits to put. @returns whether it was stored. */
  tryPut(item: T): boolean {
    if (this.puts.length > 0 || this.held.length >= this.capacity) return false;
    this.insert(item);
    this.settle();
    return true;
  }

  /** Takes the first (matching) item at once if no get waits before it. @returns it, or undefined. */
  tryGet(filter?: (item: T) => boolean): T | undefined {
    if (this.gets.length > 0) return undefined;
    const i = this.find(filter);
    if (i < 0) return undefined;
    const item = this.held.splice(i, 1)[0]!.item;
    this.settle();
    return item;
  }

  /** Withdraws a waiting put or get. @returns false if it was not waiting. */
  cancel(event: StorePut<T> | StoreGet<T>): boolean {
    const removed = event instanceof StorePut ? removeFrom(this.puts, event) : removeFrom(this.gets, event);
    if (removed) this.settle();
    return removed;
  }

  /** Serves waiting puts and gets until neither can move. */
  private settle(): void {
    let moved = true;
    while (moved) {
      moved = false;
      while (this.puts.length > 0 && this.held.length < this.capacity) {
        const put = this.puts.shift()!;
        this.insert(put.item);
        put.succeed();
        moved = true;
      }
      for (let g = 0; g < this.gets.length && this.held.length > 0; ) {
        const get = this.gets[g]!;
        const i = this.find(get.filter);
        if (i < 0) {
          g++;
          continue;
        }
        const item = this.held.splice(i, 1)[0]!.item;
        this.gets.splice(g, 1);
        get.succeed(item);
        moved = true;
      }
    }
  }

  private insert(item: T): void {
    let key = 0;
    if (this.priorityOf !== undefined) {
      key = this.priorityOf(item);
      if (typeof key !== 'number' || Number.isNaN(key)) {
        throw new InvalidStateError(
          `${this.name}.put: priorityOf(item) must return a number (got ${show(key)})`,
        );
      }
    }
    const h: Held<T> = { item, key, seq: this.seq++ };
    if (this.discipline === 'priority') {
      // Stable: after every item with key <= this one.
      let lo = 0;
      let hi = this.held.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.held[mid]!.key <= key) lo = mid + 1;
        else hi = mid;
      }
      this.held.splice(lo, 0, h);
    } else {
      this.held.push(h);
    }
  }

  /** Index in `held` of the item a get with `filter` takes, or -1. */
  private find(filter: ((item: T) => boolean) | undefined): number {
    const n = this.held.length;
    if (this.discipline === 'lifo') {
      for (let i = n - 1; i >= 0; i--) if (filter === undefined || filter(this.held[i]!.item)) return i;
      return -1;
    }
    if (filter === undefined) return n > 0 ? 0 : -1;
    for (let i = 0; i < n; i++) if (filter(this.held[i]!.item)) return i;
    return -1;
  }
}

function removeFrom<E>(list: E[], e: E): boolean {
  const i = list.indexOf(e);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
