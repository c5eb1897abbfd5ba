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
/** End of a bucket's list, and "no slot". */
const NONE = -1;
/** Fewest buckets. */
const MIN_BUCKETS = 16;
/** Pending events above which the calendar moves from its heap to its buckets (see {@link Calendar}). */
const TO_BUCKETS = 32;
/** Pending events below which it moves back to the heap (fewer than `TO_BUCKETS`, so it does not flit). */
const TO_HEAP = 8;
/** Operations between two looks at the work per operation (see `Calendar.tune`). */
const TUNE_EVERY = 1024;
/** Bucket steps per operation above which the buckets are laid out again (see `Calendar.tune`). */
const TUNE_STEPS = 6;
/** Events whose spacing sets the width of a bucket, from the earliest on (Brown uses 25). */
const WIDTH_SAMPLE = 32;

/**
 * The future event list: pending events ordered by (time, priority, sequence), in a binary heap while
 * few are pending and in a calendar queue (R. Brown, "Calendar queues", CACM 31(10), 1988) while many are.
 *
 * - time: float64 seconds;
 * - priority: an integer, lower runs first among events at the same time (default 0);
 * - sequence: insertion order, so equal (time, priority) events run first-scheduled first-run.
 *
 * The order is total, so a run is a pure function of its inputs, whatever structure holds the events.
 *
 * Why both: taking the earliest event off a heap of n events walks log2(n) levels, each a comparison the
 * processor guesses wrong half the time; on a line of 1,000 stations (about 1,000 pending events) that
 * made each event about 75 ns dearer than on a line of 10. The calendar queue cuts time into days
 * (buckets) of `width` seconds, laid out round a year of `buckets` days; an event goes into the sorted
 * list of its day, and the earliest is the head of the first day, from the current one on, whose head
 * falls in that very day (not a later year). With the width about three times the spacing of the
 * earliest events, both take a few steps whatever the number of events, and the work per operation is
 * watched: when it grows (the spacing of the events changed, or their number), the buckets are laid out
 * again from the events pending then. With a handful of events the heap is shallow and does less
 * bookkeeping (an M/M/1 model ran 15 % slower on the buckets alone), so the calendar moves to the
 * buckets above {@link TO_BUCKETS} pending events and back to the heap below {@link TO_HEAP}.
 *
 * Events live in slots of parallel typed arrays (no object per event), so `cancel` needs no search of
 * the whole calendar and leaves nothing behind.
 *
 * The calendar knows nothing about the clock: {@link Simulation} validates times and advances `now`.
 */
export class Calendar {
  // NOTE: parallel typed arrays instead of one object per event, for speed and flat memory.
  private slotTime: Float64Array;
  /** The day of each slot's event: `floor(time / width)`, an integer (as a float64: it can pass 2^31). */
  private slotDay: Float64Array;
  /** The next slot in the same bucket, or {@link NONE}. */
  private slotNext: Int32Array;
  private slotPriority: Int32Array;
  private slotSeq: Float64Array;
  private slotGen: Int32Array;
  /** 1 while the slot holds a pending event. */
  private slotLive: Uint8Array;
  private slotHandler: (EventHandler<never> | undefined)[] = [];
  private slotData: unknown[] = [];
  /** Free slots, used as a stack. */
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private size_ = 0;
  private nextSeq = 0;
  /** `true` while the events are in the buckets, `false` while in the heap. */
  private bucketed = false;
  /** Heap order → slot index (while in the heap). */
  private heapSlot: Int32Array;
  /** Heap order → event time (copied inline so that sifting compares without an indirection). */
  private heapTime: Float64Array;
  /** Slot → position in the heap (while in the heap). */
  private slotPos: Int32Array;
  /** First and last slot of each bucket's list (sorted by time, priority, sequence), or {@link NONE}. */
  private heads: Int32Array;
  private tails: Int32Array;
  /** `buckets - 1`; the number of buckets is a power of two. */
  private mask: number;
  /** Seconds per day. */
  private width = 1;
  private perWidth = 1;
  /** A day no pending event comes before: where the search for the earliest starts. */
  private day = 0;
  /** The earliest pending event's slot once found (cleared when it may have changed), or {@link NONE}. */
  private earliest = NONE;
  /** Bucket steps and operations since the last look (see `tune`). */
  private steps = 0;
  private ops = 0;
  /** Operations since the buckets were last laid out (a lay-out waits for as many as events pending). */
  private sinceLayOut = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.slotTime = new Float64Array(n);
    this.slotDay = new Float64Array(n);
    this.slotNext = new Int32Array(n);
    this.slotPriority = new Int32Array(n);
    this.slotSeq = new Float64Array(n);
    this.slotGen = new Int32Array(n).fill(GEN_FIRST);
    this.slotLive = new Uint8Array(n);
    this.freeSlots = new Int32Array(n);
    this.heapSlot = new Int32Array(n);
    this.heapTime = new Float64Array(n);
    this.slotPos = new Int32Array(n);
    this.heads = new Int32Array(MIN_BUCKETS).fill(NONE);
    this.tails = new Int32Array(MIN_BUCKETS).fill(NONE);
    this.mask = MIN_BUCKETS - 1;
  }

  /** Number of pending events. */
  get size(): number {
    return this.size_;
  }

  /** Time of the next event in seconds, or `Infinity` when none is pending. */
  peekTime(): number {
    if (this.size_ === 0) return Number.POSITIVE_INFINITY;
    return this.bucketed ? this.slotTime[this.findEarliest()]! : this.heapTime[0]!;
  }

  /**
   * Adds an event. The caller has validated `time` (finite) and `priority`.
   * @returns the id to pass to {@link Calendar.cancel}.
   */
  push<T>(time: number, priority: number, handler: EventHandler<T>, data: T): EventId {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount]!;
    } else {
      if (this.slotsUsed === this.slotLive.length) this.grow();
      slot = this.slotsUsed++;
    }
    this.slotTime[slot] = time;
    this.slotPriority[slot] = priority;
    this.slotSeq[slot] = this.nextSeq++;
    this.slotHandler[slot] = handler as EventHandler<never>;
    this.slotData[slot] = data;
    this.slotLive[slot] = 1;
    if (this.bucketed) this.bucketPush(slot, time);
    else if (this.size_ < TO_BUCKETS) this.siftUp(this.size_++, slot, time);
    else {
      this.siftUp(this.size_++, slot, time);
      this.toBuckets();
    }
    return this.slotGen[slot]! * SLOT_LIMIT + slot;
  }

  /**
   * Takes the earliest event off the calendar and returns its slot's handler and data through `out`.
   * Split from running it so that the simulation loop can set the clock in between without a closure.
   * The caller has checked that an event is pending.
   */
  pop(out: PoppedEvent): void {
    if (!this.bucketed) {
      const slot = this.heapSlot[0]!;
      out.time = this.heapTime[0]!;
      out.handler = this.slotHandler[slot] as EventHandler<unknown>;
      out.data = this.slotData[slot];
      this.removeAt(0);
      this.freeSlot(slot);
      return;
    }
    const slot = this.findEarliest();
    out.time = this.slotTime[slot]!;
    out.handler = this.slotHandler[slot] as EventHandler<unknown>;
    out.data = this.slotData[slot];
    // The earliest event heads its bucket.
    const b = this.bucketOf(this.slotDay[slot]!);
    const next = this.slotNext[slot]!;
    this.heads[b] = next;
    if (next === NONE) this.tails[b] = NONE;
    this.earliest = NONE;
    this.size_--;
    this.freeSlot(slot);
    if (this.size_ < TO_HEAP) this.toHeap();
    else if (++this.ops === TUNE_EVERY) this.tune();
  }

  /** `true` when `id` names an event that is still pending. */
  isPending(id: EventId): boolean {
    const slot = id % SLOT_LIMIT;
    const gen = (id - slot) / SLOT_LIMIT;
    return slot >= 0 && slot < this.slotsUsed && this.slotGen[slot] === gen && this.slotLive[slot] === 1;
  }

  /** Scheduled time of a pending event (seconds), or `NaN` when it is not pending. */
  timeOf(id: EventId): number {
    if (!this.isPending(id)) return Number.NaN;
    return this.slotTime[id % SLOT_LIMIT]!;
  }

  /**
   * Removes a pending event.
   * @returns `true` if it was pending, `false` if it already ran or was cancelled.
   */
  cancel(id: EventId): boolean {
    if (!this.isPending(id)) return false;
    const slot = id % SLOT_LIMIT;
    if (!this.bucketed) {
      this.removeAt(this.slotPos[slot]!);
      this.freeSlot(slot);
      return true;
    }
    const b = this.bucketOf(this.slotDay[slot]!);
    let prev = NONE;
    let at = this.heads[b]!;
    while (at !== slot) {
      prev = at;
      at = this.slotNext[at]!;
    }
    const next = this.slotNext[slot]!;
    if (prev === NONE) this.heads[b] = next;
    else this.slotNext[prev] = next;
    if (next === NONE) this.tails[b] = prev;
    if (this.earliest === slot) this.earliest = NONE;
    this.size_--;
    this.freeSlot(slot);
    if (this.size_ < TO_HEAP) this.toHeap();
    return true;
  }

  /** Removes every pending event. */
  clear(): void {
    for (let slot = 0; slot < this.slotsUsed; slot++) if (this.slotLive[slot] === 1) this.freeSlot(slot);
    this.size_ = 0;
    this.bucketed = false;
    this.earliest = NONE;
  }

  /** Moves the events from the heap into buckets laid out for them. */
  private toBuckets(): void {
    this.bucketed = true;
    this.layOut();
  }

  /** Moves the events from the buckets into the heap. */
  private toHeap(): void {
    const n = this.size_;
    this.bucketed = false;
    this.size_ = 0;
    for (let slot = 0; slot < this.slotsUsed && this.size_ < n; slot++)
      if (this.slotLive[slot] === 1) this.siftUp(this.size_++, slot, this.slotTime[slot]!);
  }

  /** Puts `slot` (its time set) into the buckets. */
  private bucketPush(slot: number, time: number): void {
    const day = Math.floor(time * this.perWidth);
    this.slotDay[slot] = day;
    this.insert(slot, day);
    if (this.size_ === 0) {
      // The only event is the earliest, found without a search.
      this.day = day;
      this.earliest = slot;
    } else {
      if (day < this.day) this.day = day;
      if (this.earliest !== NONE && this.before(slot, this.earliest)) this.earliest = slot;
    }
    if (++this.size_ > 2 * (this.mask + 1)) this.layOut();
    else if (++this.ops === TUNE_EVERY) this.tune();
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

  /** `true` when the event in slot `a` runs before the one in slot `b`. */
  private before(a: number, b: number): boolean {
    return this.less(this.slotTime[a]!, a, this.slotTime[b]!, b);
  }

  /** The bucket of `day` (the day modulo the number of buckets; `&` works on any integral float64). */
  private bucketOf(day: number): number {
    return day & this.mask;
  }

  /** Puts `slot` (its day computed) into its bucket's list, in order; after the tail when it runs last. */
  private insert(slot: number, day: number): void {
    const b = this.bucketOf(day);
    const tail = this.tails[b]!;
    if (tail === NONE) {
      this.heads[b] = slot;
      this.tails[b] = slot;
      this.slotNext[slot] = NONE;
      return;
    }
    if (this.before(tail, slot)) {
      this.slotNext[tail] = slot;
      this.tails[b] = slot;
      this.slotNext[slot] = NONE;
      return;
    }
    let prev = NONE;
    let at = this.heads[b]!;
    let steps = 1;
    while (this.before(at, slot)) {
      prev = at;
      at = this.slotNext[at]!;
      steps++;
    }
    this.steps += steps;
    this.slotNext[slot] = at;
    if (prev === NONE) this.heads[b] = slot;
    else this.slotNext[prev] = slot;
  }

  /**
   * The slot of the earliest pending event (one must be pending): the head of the first bucket, from
   * `day` on, whose head falls in the day being looked at; after a whole year of days without one, the
   * earliest of the heads.
   */
  private findEarliest(): number {
    if (this.earliest !== NONE) return this.earliest;
    const heads = this.heads;
    const days = this.slotDay;
    let day = this.day;
    for (let k = 0; k <= this.mask; k++) {
      const head = heads[this.bucketOf(day)]!;
      if (head !== NONE && days[head] === day) {
        this.steps += k;
        this.day = day;
        this.earliest = head;
        return head;
      }
      day++;
    }
    // A year with no event in it: the events are far apart for the width (tune lays the buckets out again).
    let best = NONE;
    for (let b = 0; b <= this.mask; b++) {
      const head = heads[b]!;
      if (head !== NONE && (best === NONE || this.before(head, best))) best = head;
    }
    this.steps += 2 * (this.mask + 1);
    this.day = days[best]!;
    this.earliest = best;
    return best;
  }

  /**
   * Every {@link TUNE_EVERY} operations: lays the buckets out again when they took more than
   * {@link TUNE_STEPS} steps per operation (long lists in a bucket, or many empty days to pass), and
   * at least as many operations ran since the last lay-out as events are pending (a lay-out sorts them:
   * its cost is spread over that many operations).
   */
  private tune(): void {
    const costly = this.steps > TUNE_STEPS * this.ops;
    this.sinceLayOut += this.ops;
    this.steps = 0;
    this.ops = 0;
    if (costly && this.sinceLayOut >= this.size_) this.layOut();
  }

  /**
   * Lays the buckets out for the events pending now: twice as many buckets as events (a power of two,
   * at least {@link MIN_BUCKETS}) and days three times the mean spacing of the earliest
   * {@link WIDTH_SAMPLE} events, leaving out gaps more than twice the first mean (Brown's rule).
   */
  private layOut(): void {
    const n = this.size_;
    const live = new Int32Array(n);
    let k = 0;
    for (let slot = 0; slot < this.slotsUsed; slot++) if (this.slotLive[slot] === 1) live[k++] = slot;
    live.sort((a, b) => (this.before(a, b) ? -1 : 1));
    let buckets = MIN_BUCKETS;
    while (buckets < 2 * n) buckets *= 2;
    const width = spacing(this.slotTime, live, this.width);
    this.width = width;
    this.perWidth = 1 / width;
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(NONE);
    this.tails = new Int32Array(buckets).fill(NONE);
    // In order, so each goes after its bucket's tail.
    for (let i = 0; i < n; i++) {
      const slot = live[i]!;
      const day = Math.floor(this.slotTime[slot]! * this.perWidth);
      this.slotDay[slot] = day;
      this.insert(slot, day);
    }
    this.day = n > 0 ? this.slotDay[live[0]!]! : 0;
    this.earliest = NONE;
    this.steps = 0;
    this.ops = 0;
    this.sinceLayOut = 0;
  }

  private freeSlot(slot: number): void {
    this.slotLive[slot] = 0;
    this.slotHandler[slot] = undefined;
    this.slotData[slot] = undefined;
    const gen = this.slotGen[slot]! + 1;
    this.slotGen[slot] = gen === GEN_LIMIT ? GEN_FIRST : gen;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const n = this.slotLive.length;
    if (n >= SLOT_LIMIT) {
      throw new InvalidStateError(`Calendar.push: more than ${SLOT_LIMIT} events pending at once`);
    }
    const m = Math.min(SLOT_LIMIT, n * 2);
    this.slotTime = growFloat64(this.slotTime, m);
    this.slotDay = growFloat64(this.slotDay, m);
    this.slotNext = growInt32(this.slotNext, m);
    this.slotPriority = growInt32(this.slotPriority, m);
    this.slotSeq = growFloat64(this.slotSeq, m);
    this.slotGen = growInt32(this.slotGen, m);
    this.slotGen.fill(GEN_FIRST, n);
    const live = new Uint8Array(m);
    live.set(this.slotLive);
    this.slotLive = live;
    this.freeSlots = growInt32(this.freeSlots, m);
    this.heapSlot = growInt32(this.heapSlot, m);
    this.heapTime = growFloat64(this.heapTime, m);
    this.slotPos = growInt32(this.slotPos, m);
  }
}

/**
 * Width of a day (s) for the events of `sorted` slots (earliest first): three times the mean spacing of
 * the earliest {@link WIDTH_SAMPLE}, gaps more than twice that mean left out; `fallback` when they all
 * fall at one time (no spacing to go by) or there are fewer than two.
 */
function spacing(times: Float64Array, sorted: Int32Array, fallback: number): number {
  const m = Math.min(sorted.length, WIDTH_SAMPLE);
  if (m < 2) return fallback;
  const first = times[sorted[0]!]!;
  const mean = (times[sorted[m - 1]!]! - first) / (m - 1);
  if (!(mean > 0)) return fallback;
  let sum = 0;
  let gaps = 0;
  for (let i = 1; i < m; i++) {
    const gap = times[sorted[i]!]! - times[sorted[i - 1]!]!;
    if (gap <= 2 * mean) {
      sum += gap;
      gaps++;
    }
  }
  const width = 3 * (sum > 0 ? sum / gaps : mean);
  return width > 0 && width < Number.POSITIVE_INFINITY ? width : fallback;
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
