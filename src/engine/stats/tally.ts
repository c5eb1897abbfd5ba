/**
 * Tally: statistics of a quantity observed once per event (e.g. the time an item spends in the
 * system), with mean and variance by Welford's algorithm and quantiles in bounded memory.
 */

import { InvalidArgumentError, InvalidStateError, show } from '../errors.js';
import { BoundedSketch } from './_internal/bounded-sketch.js';

/** Number of observations kept verbatim (exact quantiles) before switching to the sketch. */
const EXACT_LIMIT = 256;
/** Relative accuracy of the quantile sketch once more than {@link EXACT_LIMIT} values were added. */
const RELATIVE_ACCURACY = 0.01;

/** Options of a {@link Tally}. */
export interface TallyOptions {
  /**
   * Track quantiles (default `true`). Turn off for hot paths where only count, mean, variance,
   * min and max are needed: `add` then does no work beyond Welford's update.
   */
  readonly quantiles?: boolean;
}

/**
 * A plain, serialisable snapshot of a {@link Tally}, in the unit of the observations.
 * Every field is `NaN` (but `count`, which is `0`) when no value was added; `stdDev` is `NaN` below two values.
 */
export interface TallySummary {
  /** Number of observations. */
  count: number;
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation (divisor `n − 1`). */
  stdDev: number;
  /** Smallest observation. */
  min: number;
  /** Largest observation. */
  max: number;
  /** Median ({@link Tally.quantile} at 0.5); present only when quantiles are tracked. */
  p50?: number;
  /** 95th percentile ({@link Tally.quantile} at 0.95); present only when quantiles are tracked. */
  p95?: number;
}

/** Retained memory of a tally's quantile tracking, for diagnostics and tests. */
export interface TallyQuantileMemory {
  /** Observations stored verbatim (at most 256; 0 once the sketch took over). */
  rawValues: number;
  /** Counters allocated by the sketch, negative and positive side together (at most 2 × (2048 + 128) = 4352). */
  sketchBins: number;
}

/**
 * Statistics of a quantity observed once per event (one value per observation, e.g. time in
 * system in seconds). Values are in any unit; every result is in the same unit.
 *
 * - `count`, `sum`, `mean`, `variance`, `stdDev`, `min`, `max` are exact up to floating point
 *   (mean and variance by Welford's algorithm, stable for long runs).
 * - `quantile(p)` is exact while at most 256 values were added (they are kept); beyond, the values
 *   go into a DDSketch with 1% relative accuracy whose size is bounded (at most 4352 counters),
 *   with negative values, zeros and positive values kept apart, so results hold for signed data
 *   (e.g. deviations from a due time).
 */
export class Tally {
  readonly #trackQuantiles: boolean;
  #n = 0;
  #mean = 0;
  #m2 = 0;
  #sum = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;
  /** Raw values while `#n <= EXACT_LIMIT`; `null` once the sketch holds them (or quantiles are off). */
  #raw: number[] | null;
  #rawSorted = true;
  #sketch: BoundedSketch | null = null;

  /** @param options - see {@link TallyOptions}; quantiles are tracked by default. */
  constructor(options: TallyOptions = {}) {
    const quantiles = options.quantiles ?? true;
    if (typeof quantiles !== 'boolean') {
      throw new InvalidArgumentError(`Tally: options.quantiles must be a boolean (got ${show(quantiles)})`);
    }
    this.#trackQuantiles = quantiles;
    this.#raw = quantiles ? [] : null;
  }

  /** `true` when quantiles are tracked (the default). */
  get tracksQuantiles(): boolean {
    return this.#trackQuantiles;
  }

  /**
   * Records one observation.
   * @param x - the observed value, a finite number (in the tally's unit).
   * @throws InvalidArgumentError when `x` is not a finite number; nothing is recorded then.
   */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      throw new InvalidArgumentError(`Tally.add: value must be a finite number (got ${show(x)})`);
    }
    // Welford's update of mean and sum of squared deviations.
    const n = ++this.#n;
    const d = x - this.#mean;
    this.#mean += d / n;
    this.#m2 += d * (x - this.#mean);
    this.#sum += x;
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
    if (this.#trackQuantiles) this.#record(x);
  }

  #record(x: number): void {
    const raw = this.#raw;
    if (raw !== null) {
      if (raw.length < EXACT_LIMIT) {
        raw.push(x);
        this.#rawSorted = false;
        return;
      }
      const sketch = new BoundedSketch(RELATIVE_ACCURACY);
      for (let i = 0; i < raw.length; i++) sketch.add(raw[i]!);
      this.#sketch = sketch;
      this.#raw = null;
    }
    this.#sketch!.add(x);
  }

  /** Number of observations since construction or the last {@link Tally.reset}. */
  get count(): number {
    return this.#n;
  }

  /** Sum of the observations (`0` when empty). */
  get sum(): number {
    return this.#sum;
  }

  /** Sample mean; `NaN` when empty. */
  get mean(): number {
    return this.#n === 0 ? Number.NaN : this.#mean;
  }

  /** Sample variance with divisor `n − 1` (unit squared); `NaN` when fewer than two observations. */
  get variance(): number {
    return this.#n < 2 ? Number.NaN : this.#m2 / (this.#n - 1);
  }

  /** Sample standard deviation, `√variance`; `NaN` when fewer than two observations. */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation (exact); `NaN` when empty. */
  get min(): number {
    return this.#n === 0 ? Number.NaN : this.#min;
  }

  /** Largest observation (exact); `NaN` when empty. */
  get max(): number {
    return this.#n === 0 ? Number.NaN : this.#max;
  }

  /**
   * The `p`-quantile by the nearest-rank definition: the `k`-th smallest observation with
   * `k = max(1, ⌈p·n⌉)` (1-based; `⌈·⌉` with a 1e-9 tolerance so that a product such as
   * `0.07 × 100 = 7.000000000000001` counts as 7). So `quantile(0)` is `min` and `quantile(1)` is `max`.
   *
   * Exact while `count <= 256`. Beyond, the rank is still exact but the value is the sketch's
   * representative of the bin holding it: within 1% relative error of the true `k`-th value (zeros
   * exactly), clamped to `[min, max]`. The 1% holds for every value when the magnitudes of each
   * sign span less than a factor of about 6·10^17 (the sketch then never compacts), and always for
   * magnitudes within a factor of 10^13 of the largest one of the same sign; smaller ones are folded
   * into the lowest bin kept, and magnitudes below ~1.1·10^-308 count as zeros.
   *
   * @param p - probability in [0, 1].
   * @returns the quantile in the tally's unit, `NaN` when empty.
   * @throws InvalidArgumentError when `p` is not in [0, 1].
   * @throws InvalidStateError when the tally was built with `{ quantiles: false }`.
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidArgumentError(`Tally.quantile: p must be in [0, 1] (got ${show(p)})`);
    }
    if (!this.#trackQuantiles) {
      throw new InvalidStateError(
        'Tally.quantile: quantiles are not tracked (the tally was built with { quantiles: false })',
      );
    }
    const n = this.#n;
    if (n === 0) return Number.NaN;
    const r = Math.max(1, Math.ceil(p * n - 1e-9)) - 1; // 0-based rank
    const raw = this.#raw;
    if (raw !== null) {
      if (!this.#rawSorted) {
        raw.sort((a, b) => a - b);
        this.#rawSorted = true;
      }
      return raw[r]!;
    }
    if (r === 0) return this.#min;
    if (r === n - 1) return this.#max;
    // The sketch value is within 1% of the true r-th value; clamping to [min, max] only brings it closer.
    const v = this.#sketch!.valueAtRank(r);
    return Math.min(Math.max(v, this.#min), this.#max);
  }

  /** Memory retained for quantiles (both `0` when quantiles are off). */
  get quantileMemory(): TallyQuantileMemory {
    const sketch = this.#sketch;
    return {
      rawValues: this.#raw?.length ?? 0,
      sketchBins: sketch === null ? 0 : sketch.binCount,
    };
  }

  /** Discards every observation (e.g. at the end of a warm-up period); options are kept. */
  reset(): void {
    this.#n = 0;
    this.#mean = 0;
    this.#m2 = 0;
    this.#sum = 0;
    this.#min = Number.POSITIVE_INFINITY;
    this.#max = Number.NEGATIVE_INFINITY;
    this.#raw = this.#trackQuantiles ? [] : null;
    this.#rawSorted = true;
    this.#sketch = null;
  }

  /** A plain snapshot: count, mean, stdDev, min, max, and p50/p95 when quantiles are tracked. */
  summary(): TallySummary {
    const s: TallySummary = {
      count: this.#n,
      mean: this.mean,
      stdDev: this.stdDev,
      min: this.min,
      max: this.max,
    };
    if (this.#trackQuantiles) {
      s.p50 = this.quantile(0.5);
      s.p95 = this.quantile(0.95);
    }
    return s;
  }
}
