/**
 * TimeWeighted: statistics of a level that holds between changes (a piecewise-constant function of
 * time), such as a queue length, a number in system or a 0/1 busy indicator.
 */

import { InvalidArgumentError, InvalidStateError, show } from '../errors.js';

/** Options of a {@link TimeWeighted}. */
export interface TimeWeightedOptions {
  /** Time at which observation starts, in seconds (default `0`). */
  readonly now?: number;
  /** Level held from `now` on (default `0`). */
  readonly level?: number;
  /**
   * Also record the time spent at each exact level (default `false`), for
   * {@link TimeWeighted.timeAtLevel}. Costs one `Map` update per change.
   */
  readonly trackLevels?: boolean;
}

/**
 * Time-weighted statistics of a piecewise-constant level `L(t)`: the level set by the last
 * {@link TimeWeighted.update} holds until the next one. Time is in seconds and never goes backwards;
 * the caller passes the current time explicitly (this class does not read any clock).
 *
 * Observation runs from the construction time, or from the last {@link TimeWeighted.reset}, to the
 * `now` passed to each query: `integral(now) = ∫ L(t) dt` over that period (level·seconds) and
 * `mean(now) = integral(now) / elapsed`.
 */
export class TimeWeighted {
  #start: number;
  #last: number;
  #level: number;
  #area = 0;
  #min: number;
  #max: number;
  /** Seconds at each level, up to `#last`; `null` unless `trackLevels`. */
  #levels: Map<number, number> | null;

  /** @param options - see {@link TimeWeightedOptions}. */
  constructor(options: TimeWeightedOptions = {}) {
    const { now = 0, level = 0, trackLevels = false } = options;
    if (!Number.isFinite(now)) {
      throw new InvalidArgumentError(
        `TimeWeighted: options.now must be a finite time in s (got ${show(now)})`,
      );
    }
    if (!Number.isFinite(level)) {
      throw new InvalidArgumentError(
        `TimeWeighted: options.level must be a finite number (got ${show(level)})`,
      );
    }
    this.#start = now;
    this.#last = now;
    this.#level = level;
    this.#min = level;
    this.#max = level;
    this.#levels = trackLevels ? new Map() : null;
  }

  #checkTime(api: string, now: number): void {
    if (!(now >= this.#last) || now === Number.POSITIVE_INFINITY) {
      throw new InvalidArgumentError(
        `TimeWeighted.${api}: now must be a finite time >= the last update time ${this.#last} s (got ${show(now)})`,
      );
    }
  }

  /**
   * The level changes to `level` at time `now`; the previous level held from the last update to `now`.
   * @param now - current time in seconds, finite and not before the last update (or reset).
   * @param level - the new level, a finite number.
   * @throws InvalidArgumentError when time goes backwards or a value is not finite; nothing is changed then.
   */
  update(now: number, level: number): void {
    this.#checkTime('update', now);
    if (!Number.isFinite(level)) {
      throw new InvalidArgumentError(
        `TimeWeighted.update: level must be a finite number (got ${show(level)})`,
      );
    }
    const dt = now - this.#last;
    this.#area += this.#level * dt;
    const levels = this.#levels;
    if (levels !== null && dt > 0) levels.set(this.#level, (levels.get(this.#level) ?? 0) + dt);
    this.#last = now;
    this.#level = level;
    if (level < this.#min) this.#min = level;
    if (level > this.#max) this.#max = level;
  }

  /** The current level. */
  get level(): number {
    return this.#level;
  }

  /** Smallest level held since the last reset (or construction), the level at that moment included. */
  get min(): number {
    return this.#min;
  }

  /** Largest level held since the last reset (or construction), the level at that moment included. */
  get max(): number {
    return this.#max;
  }

  /** Start of the observed period: construction time or time of the last reset, in seconds. */
  get startTime(): number {
    return this.#start;
  }

  /** Time of the last update or reset, in seconds (queries and updates must not be earlier). */
  get lastUpdateTime(): number {
    return this.#last;
  }

  /**
   * `∫ L(t) dt` from the start of the observed period to `now`, in level·seconds.
   * @param now - current time in seconds, not before the last update.
   * @throws InvalidArgumentError when `now` is before the last update or not finite.
   */
  integral(now: number): number {
    this.#checkTime('integral', now);
    return this.#area + this.#level * (now - this.#last);
  }

  /**
   * Time-average of the level from the start of the observed period to `now`; the current level
   * when no time has elapsed.
   * @param now - current time in seconds, not before the last update.
   * @throws InvalidArgumentError when `now` is before the last update or not finite.
   */
  mean(now: number): number {
    this.#checkTime('mean', now);
    const elapsed = now - this.#start;
    if (elapsed === 0) return this.#level;
    return (this.#area + this.#level * (now - this.#last)) / elapsed;
  }

  /**
   * Seconds spent at each exact level from the start of the observed period to `now` (a new map).
   * Holds every level held for a positive time, and the current level; the values sum to the elapsed
   * time (up to rounding). Dividing by the elapsed time gives state fractions.
   * @param now - current time in seconds, not before the last update.
   * @throws InvalidArgumentError when `now` is before the last update or not finite.
   * @throws InvalidStateError when built without `trackLevels: true`.
   */
  timeAtLevel(now: number): Map<number, number> {
    this.#checkTime('timeAtLevel', now);
    if (this.#levels === null) {
      throw new InvalidStateError(
        'TimeWeighted.timeAtLevel: levels are not tracked (build with { trackLevels: true })',
      );
    }
    const out = new Map(this.#levels);
    out.set(this.#level, (out.get(this.#level) ?? 0) + (now - this.#last));
    return out;
  }

  /**
   * Discards everything observed before `now` (e.g. at the end of a warm-up period): the current
   * level is kept and integration restarts at `now`; `min` and `max` restart at the current level.
   * @param now - current time in seconds, not before the last update.
   * @throws InvalidArgumentError when `now` is before the last update or not finite.
   */
  reset(now: number): void {
    this.#checkTime('reset', now);
    this.#start = now;
    this.#last = now;
    this.#area = 0;
    this.#min = this.#level;
    this.#max = this.#level;
    if (this.#levels !== null) this.#levels.clear();
  }
}
