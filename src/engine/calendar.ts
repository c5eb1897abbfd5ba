import { InvalidStateError } from './errors.js';

/** A function run when its event comes due. `data` is whatever was given to `schedule`. */
export type EventHandler<T = unknown> = (data: T) => void;

/**
 * Identifies one scheduled event, for `cancel`. Opaque: it encodes a storage slot and a generation
 * so that a stale id (of an event that already ran) never cancels a newer event stored in the same slot.
 */
export type EventId = number;

/** Most events that can be pending at once (4 194 304). */
const SLOT_LIMIT = 1 << 22;
/** Generations wrap here so that `gen * SLOT_LIMIT + slot` stays an exact integer in a float64. */
const GEN_LIMIT = 2 ** 30;
/**
 * Every slot's first generation, and where generations wrap to. From 512 on, an id (`gen * SLOT_LIMIT +
 * slot` ≥ 2^31) is never a small integer, so V8 sees ids as doubles from the first event on. Starting at
 * 0 they became doubles only once a slot had been reused 512 times, part way through a run, and every
 * function already optimised for small-integer ids was thrown away and compiled again at that moment.
 */
const GEN_FIRST = 512;

/**
 * The future event list: a binary min-heap of pending events ordered by (time, priority, sequence).
 *
 * - time: float64 seconds;
 * - priority: an integer, lower runs first among events at the same time (default 0);
 * - sequence: insertion order, so equal (time, priority) events run first-scheduled first-run.
 *
 * The order is total, so a run is a pure function of its inputs. Events live in slots of parallel
 * typed arrays (no object per event) and the heap keeps each slot's position, so `cancel` removes an
 * event in O(log n) and leaves nothing behind.
 *
 * The calendar knows nothing about the clock: {@link Simulation} validates times and advances `now`.
 */
export class Calendar {
  // NOTE: parallel typed arrays instead of one object per event, for speed and flat memory.
  /** Heap order → slot index. */
  private heapSlot: Int32Array;
  /** Heap order → event time (copied inline so that sifting compares without an indirection). */
  private heapTime: Float64Array;
  /** Slot → position in the heap, or -1 when the slot is free. */
  private slotPos: Int32Array;
  private slotPriority: Int32Array;
  private slotSeq: Float64Array;
  private slotGen: Int32Array;
  private slotHandler: (EventHandler<never> | undefined)[] = [];
  private slotData: unknown[] = [];
  /** Free slots, used as a stack. */
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private size_ = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.heapSlot = new Int32Array(n);
    this.heapTime = new Float64Array(n);
    this.slotPos = new Int32Array(n);
    this.slotPriority = new Int32Array(n);
    this.slotSeq = new Float64Array(n);
    this.slotGen = new Int32Array(n).fill(GEN_FIRST);
    this.freeSlots = new Int32Array(n);
  }

  /** Number of pending events. */
  get size(): number {
    return this.size_;
  }

  /** Time of the next event in seconds, or `Infinity` when none is pending. */
  peekTime(): number {
    return this.size_ > 0 ? this.heapTime[0]! : Number.POSITIVE_INFINITY;
  }

  /**
   * Adds an event. The caller has validated `time` and `priority`.
   * @returns the id to pass to {@link Calendar.cancel}.
   */
  push<T>(time: number, priority: number, handler: EventHandler<T>, data: T): EventId {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount]!;
    } else {
      if (this.slotsUsed === this.slotPos.length) this.grow();
      slot = this.slotsUsed++;
    }
    this.slotPriority[slot] = priority;
    this.slotSeq[slot] = this.nextSeq++;
    this.slotHandler[slot] = handler as EventHandler<never>;
    this.slotData[slot] = data;
    this.siftUp(this.size_++, slot, time);
    return this.slotGen[slot]! * SLOT_LIMIT + slot;
  }

  /**
   * Takes the earliest event off the calendar and returns its slot's handler and data through `out`.
   * Split from running it so that the simulation loop can set the clock in between without a closure.
   */
  pop(out: PoppedEvent): void {
    const slot = this.heapSlot[0]!;
    out.time = this.heapTime[0]!;
    out.handler = this.slotHandler[slot] as EventHandler<unknown>;
    out.data = this.slotData[slot];
    this.removeAt(0);
    this.freeSlot(slot);
  }

  /** `true` when `id` names an event that is still pending. */
  isPending(id: EventId): boolean {
    const slot = id % SLOT_LIMIT;
    const gen = (id - slot) / SLOT_LIMIT;
    return slot >= 0 && slot < this.slotsUsed && this.slotGen[slot] === gen && this.slotPos[slot]! >= 0;
  }

  /** Scheduled time of a pending event (seconds), or `NaN` when it is not pending. */
  timeOf(id: EventId): number {
    if (!this.isPending(id)) return Number.NaN;
    return this.heapTime[this.slotPos[id % SLOT_LIMIT]!]!;
  }

  /**
   * Removes a pending event.
   * @returns `true` if it was pending, `false` if it already ran or was cancelled.
   */
  cancel(id: EventId): boolean {
    if (!this.isPending(id)) return false;
    const slot = id % SLOT_LIMIT;
    this.removeAt(this.slotPos[slot]!);
    this.freeSlot(slot);
    return true;
  }

  /** Removes every pending event. */
  clear(): void {
    for (let i = 0; i < this.size_; i++) this.freeSlot(this.heapSlot[i]!);
    this.size_ = 0;
  }

  private freeSlot(slot: number): void {
    this.slotPos[slot] = -1;
    this.slotHandler[slot] = undefined;
    this.slotData[slot] = undefined;
    const gen = this.slotGen[slot]! + 1;
    this.slotGen[slot] = gen === GEN_LIMIT ? GEN_FIRST : gen;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Removes the heap entry at `pos`, filling the hole with the last entry. */
  private removeAt(pos: number): void {
    const last = --this.size_;
    if (pos === last) return;
    const slot = this.heapSlot[last]!;
    const time = this.heapTime[last]!;
    if (pos > 0 && this.less(time, slot, this.heapTime[(pos - 1) >> 1]!, this.heapSlot[(pos - 1) >> 1]!)) {
      this.siftUp(pos, slot, time);
    } else {
      this.siftDown(pos, slot, time);
    }
  }

  /** `true` when event (ta, a) runs before event (tb, b). */
  private less(ta: number, a: number, tb: number, b: number): boolean {
    if (ta !== tb) return ta < tb;
    const pa = this.slotPriority[a]!;
    const pb = this.slotPriority[b]!;
    if (pa !== pb) return pa < pb;
    return this.slotSeq[a]! < this.slotSeq[b]!;
  }

  /** Places (slot, time) at `pos` or above, moving larger parents down (a hole, not swaps). */
  private siftUp(pos: number, slot: number, time: number): void {
    const hs = this.heapSlot;
    const ht = this.heapTime;
    const sp = this.slotPos;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent]!;
      const ps = hs[parent]!;
      if (!this.less(time, slot, pt, ps)) break;
      hs[pos] = ps;
      ht[pos] = pt;
      sp[ps] = pos;
      pos = parent;
    }
    hs[pos] = slot;
    ht[pos] = time;
    sp[slot] = pos;
  }

  /** Places (slot, time) at `pos` or below, moving smaller children up. */
  private siftDown(pos: number, slot: number, time: number): void {
    const hs = this.heapSlot;
    const ht = this.heapTime;
    const sp = this.slotPos;
    const n = this.size_;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = ht[child]!;
      let cs = hs[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = ht[right]!;
        const rs = hs[right]!;
        if (this.less(rt, rs, ct, cs)) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (!this.less(ct, cs, time, slot)) break;
      hs[pos] = cs;
      ht[pos] = ct;
      sp[cs] = pos;
      pos = child;
    }
    hs[pos] = slot;
    ht[pos] = time;
    sp[slot] = pos;
  }

  private grow(): void {
    const n = this.slotPos.length;
    if (n >= SLOT_LIMIT) {
      throw new InvalidStateError(`Calendar.push: more than ${SLOT_LIMIT} events pending at once`);
    }
    const m = Math.min(SLOT_LIMIT, n * 2);
    this.heapSlot = growInt32(this.heapSlot, m);
    this.heapTime = growFloat64(this.heapTime, m);
    this.slotPos = growInt32(this.slotPos, m);
    this.slotPriority = growInt32(this.slotPriority, m);
    this.slotSeq = growFloat64(this.slotSeq, m);
    this.slotGen = growInt32(this.slotGen, m);
    this.slotGen.fill(GEN_FIRST, n);
    this.freeSlots = growInt32(this.freeSlots, m);
  }
}

/** Out-parameter of {@link Calendar.pop}: reused by the run loop, so popping allocates nothing. */
export interface PoppedEvent {
  time: number;
  handler: EventHandler<unknown> | undefined;
  data: unknown;
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
