/**
 * Time statistics of many objects at once, one row per object in one flat typed array, so that an update
 * touches one or two cache lines of an array that stays cached, not an object of its own (with its own
 * array and buffer) per server or per buffer: the statistics of a plant of a thousand stations then cost
 * per event what those of ten do. Objects are numbered 0…n−1 by the caller.
 */

/**
 * Seconds each of `n` objects spent in each of `states` states (numbered 0…states−1): what a
 * `StateClock` per object computes, with the same arithmetic. Each row also holds one number the caller
 * keeps per object (its `mark`), so that what one event reads and writes of an object is in one row.
 */
export class FlatStateClocks {
  readonly states: number;
  /** Row k: [state, time of the last change (s), mark, seconds in state 0, …, seconds in state states−1]. */
  private readonly rows: Float64Array;
  private readonly stride: number;

  /** `initial[k]`: the state of object k at `now` (seconds). */
  constructor(states: number, initial: readonly number[], now: number) {
    this.states = states;
    this.stride = states + 3;
    this.rows = new Float64Array(initial.length * this.stride);
    initial.forEach((state, k) => {
      this.rows[k * this.stride] = state;
      this.rows[k * this.stride + 1] = now;
    });
  }

  /** Object `k` enters `state` at `now` (seconds, not before its last change). */
  update(k: number, now: number, state: number): void {
    const r = this.rows;
    const at = k * this.stride;
    r[at + 3 + r[at]!]! += now - r[at + 1]!;
    r[at + 1] = now;
    r[at] = state;
  }

  /** Seconds object `k` spent in `state` up to `now`. */
  secondsIn(k: number, state: number, now: number): number {
    const r = this.rows;
    const at = k * this.stride;
    const s = r[at + 3 + state]!;
    return state === r[at] ? s + (now - r[at + 1]!) : s;
  }

  /** Seconds object `k` spent in each state up to `now` (a new array; they sum to the time since the start). */
  durations(k: number, now: number): number[] {
    const at = k * this.stride;
    const out = Array.from(this.rows.subarray(at + 3, at + 3 + this.states));
    out[this.rows[at]!]! += now - this.rows[at + 1]!;
    return out;
  }

  /** The caller's number of object `k` (0 until set). */
  mark(k: number): number {
    return this.rows[k * this.stride + 2]!;
  }

  setMark(k: number, value: number): void {
    this.rows[k * this.stride + 2] = value;
  }

  /** Discards the time accumulated so far by every object, and every mark; current states are kept. */
  reset(now: number): void {
    const r = this.rows;
    for (let at = 0; at < r.length; at += this.stride) {
      r[at + 1] = now;
      r.fill(0, at + 2, at + this.stride);
    }
  }
}

/**
 * Time-weighted levels of `n` objects (a buffer's number of parts): time-average and maximum since the
 * start (or the last reset), with the arithmetic of the engine's `TimeWeighted`.
 */
export class FlatLevels {
  private startS: number;
  /** Row k: [time of the last change (s), level, area (level × s), maximum]. */
  private readonly rows: Float64Array;

  /** `initial[k]`: the level of object k at `now` (seconds). */
  constructor(initial: readonly number[], now: number) {
    this.startS = now;
    this.rows = new Float64Array(initial.length * 4);
    initial.forEach((level, k) => {
      this.rows.set([now, level, 0, level], k * 4);
    });
  }

  /** The level of object `k` becomes `level` at `now` (seconds, not before its last change). */
  update(k: number, now: number, level: number): void {
    const r = this.rows;
    const at = k * 4;
    r[at + 2]! += r[at + 1]! * (now - r[at]!);
    r[at] = now;
    r[at + 1] = level;
    if (level > r[at + 3]!) r[at + 3] = level;
  }

  /** Time-average level of object `k` from the start to `now` (its level when no time has passed). */
  mean(k: number, now: number): number {
    const r = this.rows;
    const at = k * 4;
    const elapsed = now - this.startS;
    if (elapsed === 0) return r[at + 1]!;
    return (r[at + 2]! + r[at + 1]! * (now - r[at]!)) / elapsed;
  }

  /** Highest level of object `k` since the start. */
  max(k: number): number {
    return this.rows[k * 4 + 3]!;
  }

  /** Starts a new period at `now`: levels are kept, areas and maxima start again from them. */
  reset(now: number): void {
    this.startS = now;
    const r = this.rows;
    for (let at = 0; at < r.length; at += 4) {
      r[at] = now;
      r[at + 2] = 0;
      r[at + 3] = r[at + 1]!;
    }
  }
}
