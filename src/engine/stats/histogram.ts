/** Histogram: counts of observations in equal-width bins, with underflow and overflow counts. */

import { InvalidArgumentError, show } from '../errors.js';

/** Options of a {@link Histogram}; `min` and `max` are in the unit of the observations. */
export interface HistogramOptions {
  /** Lower edge of the first bin (finite). */
  readonly min: number;
  /** Upper edge of the last bin (finite, greater than `min`). */
  readonly max: number;
  /** Number of equal-width bins (an integer from 1 to 10^7). */
  readonly bins: number;
}

const MAX_BINS = 10_000_000;

/**
 * Counts of observations in `bins` equal-width bins between `min` and `max`, in the unit of the
 * observations.
 *
 * Bin `i` holds `edges[i] <= x < edges[i + 1]`, except the last bin, which also holds `x = max`
 * (so `[0, 1]` with 10 bins counts a fraction of exactly 1 in the last bin). `x < min` counts as
 * underflow and `x > max` as overflow. A value on an inner edge goes to the bin that starts there.
 */
export class Histogram {
  readonly #min: number;
  readonly #max: number;
  readonly #edges: Float64Array;
  readonly #counts: Float64Array;
  readonly #scale: number;
  #underflow = 0;
  #overflow = 0;
  #total = 0;

  /**
   * @param options - see {@link HistogramOptions}.
   * @throws InvalidArgumentError when `min`/`max` are not finite with `min < max`, or `bins` is not an integer in [1, 10^7].
   */
  constructor(options: HistogramOptions) {
    const { min, max, bins } = options;
    if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
      throw new InvalidArgumentError(
        `Histogram: min and max must be finite numbers with min < max (got min ${show(min)}, max ${show(max)})`,
      );
    }
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
      throw new InvalidArgumentError(
        `Histogram: bins must be an integer in [1, ${MAX_BINS}] (got ${show(bins)})`,
      );
    }
    this.#min = min;
    this.#max = max;
    this.#edges = new Float64Array(bins + 1);
    for (let i = 0; i < bins; i++) this.#edges[i] = min + ((max - min) * i) / bins;
    this.#edges[bins] = max;
    this.#counts = new Float64Array(bins);
    this.#scale = bins / (max - min);
  }

  /**
   * Counts one observation in its bin, or as underflow/overflow.
   * @param x - the observed value, a finite number.
   * @throws InvalidArgumentError when `x` is not finite; nothing is counted then.
   */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      throw new InvalidArgumentError(`Histogram.add: value must be a finite number (got ${show(x)})`);
    }
    this.#total++;
    if (x < this.#min) {
      this.#underflow++;
      return;
    }
    if (x > this.#max) {
      this.#overflow++;
      return;
    }
    const edges = this.#edges;
    const last = this.#counts.length - 1;
    let i = Math.min(Math.floor((x - this.#min) * this.#scale), last);
    // The arithmetic index can be one off near an edge; settle it against the stored edges.
    if (i > 0 && x < edges[i]!) i--;
    else if (i < last && x >= edges[i + 1]!) i++;
    this.#counts[i]!++;
  }

  /** Count in each bin (a new array, `bins` long). */
  get counts(): number[] {
    return Array.from(this.#counts);
  }

  /** Bin edges (a new array, `bins + 1` long): `edges[0] = min`, `edges[bins] = max`. */
  get edges(): number[] {
    return Array.from(this.#edges);
  }

  /** Number of observations below `min`. */
  get underflow(): number {
    return this.#underflow;
  }

  /** Number of observations above `max`. */
  get overflow(): number {
    return this.#overflow;
  }

  /** Number of observations added: the bin counts plus underflow plus overflow. */
  get total(): number {
    return this.#total;
  }

  /** Discards every observation; the bins are kept. */
  reset(): void {
    this.#counts.fill(0);
    this.#underflow = 0;
    this.#overflow = 0;
    this.#total = 0;
  }
}
