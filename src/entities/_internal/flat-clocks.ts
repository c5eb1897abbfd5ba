/**
 * Time statistics of many objects at once, one slot per object in a few flat typed arrays, so that an
 * update touches one or two cache lines of arrays that stay cached, not an object of its own (with its
 * own array and buffer) per server or per buffer: the statistics of a plant of a thousand stations then
 * cost per event what those of ten do. Objects are numbered 0…n−1 by the caller.
 */

/**
 * Seconds each of `n` objects spent in each of `states` states (numbered 0…states−1): what a
 * `StateClock` per object computes, with the same arithmetic.
 */
export class FlatStateClocks {
  readonly states: number;
  /** `seconds[k * states + s]`: seconds of object k in state s, up to `last[k]`. */
  private readonly seconds: Float64Array;
  private readonly state: Int32Array;
  private readonly last: Float64Array;

  /** `initial[k]`: the state of object k at `now` (seconds). */
  constructor(states: number, initial: readonly number[], now: number) {
    this.states = states;
    const n = initial.length;
    this.seconds = new Float64Array(n * states);
    this.state = Int32Array.from(initial);
    this.last = new Float64Array(n).fill(now);
  }

  /** Number of objects. */
  get size(): number {
    return this.state.length;
  }

  /** Object `k` enters `state` at `now` (seconds, not before its last change). */
  update(k: number, now: number, state: number): void {
    this.seconds[k * this.states + this.state[k]!]! += now - this.last[k]!;
    this.last[k] = now;
    this.state[k] = state;
  }

  /** Seconds object `k` spent in `state` up to `now`. */
  secondsIn(k: number, state: number, now: number): number {
    const s = this.seconds[k * this.states + state]!;
    return state === this.state[k] ? s + (now - this.last[k]!) : s;
  }

  /** Seconds object `k` spent in each state up to `now` (a new array; they sum to the time since the start). */
  durations(k: number, now: number): number[] {
    const base = k * this.states;
    const out = Array.from(this.seconds.subarray(base, base + this.states));
    out[this.state[k]!]! += now - this.last[k]!;
    return out;
  }

  /** Discards the time accumulated so far by every object; current states are kept. */
  reset(now: number): void {
    this.seconds.fill(0);
    this.last.fill(now);
  }
}

/**
 * Time-weighted levels of `n` objects (a buffer's number of parts): time-average and maximum since the
 * start (or the last reset), with the arithmetic of the engine's `TimeWeighted`.
 */
export class FlatLevels {
  private startS: number;
  private readonly last: Float64Array;
  private readonly level: Float64Array;
  private readonly area: Float64Array;
  private readonly max_: Float64Array;

  /** `initial[k]`: the level of object k at `now` (seconds). */
  constructor(initial: readonly number[], now: number) {
    this.startS = now;
    this.last = new Float64Array(initial.length).fill(now);
    this.level = Float64Array.from(initial);
    this.area = new Float64Array(initial.length);
    this.max_ = Float64Array.from(initial);
  }

  /** The level of object `k` becomes `level` at `now` (seconds, not before its last change). */
  update(k: number, now: number, level: number): void {
    this.area[k]! += this.level[k]! * (now - this.last[k]!);
    this.last[k] = now;
    this.level[k] = level;
    if (level > this.max_[k]!) this.max_[k] = level;
  }

  /** Time-average level of object `k` from the start to `now` (its level when no time has passed). */
  mean(k: number, now: number): number {
    const elapsed = now - this.startS;
    if (elapsed === 0) return this.level[k]!;
    return (this.area[k]! + this.level[k]! * (now - this.last[k]!)) / elapsed;
  }

  /** Highest level of object `k` since the start. */
  max(k: number): number {
    return this.max_[k]!;
  }

  /** Starts a new period at `now`: levels are kept, areas and maxima start again from them. */
  reset(now: number): void {
    this.startS = now;
    this.last.fill(now);
    this.area.fill(0);
    this.max_.set(this.level);
  }
}
