/**
 * Seconds spent in each of a fixed number of states (numbered 0…n−1) by one object, from a start
 * time (construction or last reset) on. Cheaper than a level statistic with a map of levels: one
 * array slot per state.
 */
export class StateClock {
  private readonly seconds: Float64Array;
  private state: number;
  private last: number;

  constructor(states: number, state: number, now: number) {
    this.seconds = new Float64Array(states);
    this.state = state;
    this.last = now;
  }

  /** The object enters `state` at `now` (seconds, not before the last change). */
  update(now: number, state: number): void {
    this.seconds[this.state]! += now - this.last;
    this.last = now;
    this.state = state;
  }

  /** Discards the time accumulated so far; the current state is kept. */
  reset(now: number): void {
    this.seconds.fill(0);
    this.last = now;
  }

  /**
   * Seconds in `state` up to `now`: `durations(now)[state]`, computed the same way.
   * NOTE: no array (the per-job statistics ask on every start and finish), for speed.
   */
  secondsIn(state: number, now: number): number {
    const s = this.seconds[state]!;
    return state === this.state ? s + (now - this.last) : s;
  }

  /** Seconds in each state up to `now` (a new array; they sum to the time since the start). */
  durations(now: number): number[] {
    const out = Array.from(this.seconds);
    out[this.state]! += now - this.last;
    return out;
  }
}
