/**
 * BatchMeans: a confidence interval for the steady-state mean of one long, autocorrelated run,
 * from the means of consecutive batches of observations, in bounded memory.
 */

import { InvalidArgumentError, InvalidStateError, show } from '../errors.js';
import { type ConfidenceInterval, confidenceInterval } from './confidence.js';

/** Options of a {@link BatchMeans}. */
export interface BatchMeansOptions {
  /**
   * Target number of batches `B` (an integer from 2 to 10^6, default 20). Between `B` and `2B − 1`
   * complete batches are kept once the run is long enough (fewer before).
   */
  readonly batches?: number;
}

const MAX_BATCHES = 1_000_000;

/**
 * Batch means with a batch size that doubles as the run grows (in the unit of the observations).
 *
 * Observations are grouped into consecutive batches of `batchSize` values (1 at first). When
 * `2B` batches are complete, adjacent pairs are merged into `B` batches of twice the size, so memory
 * stays at `2B` numbers however long the run, and batches lengthen with the run, which drives their
 * means towards independence. The observations of the incomplete last batch (fewer than
 * `batchSize`) are counted in `count` but not in `batchMeans()` or the confidence interval.
 */
export class BatchMeans {
  readonly #target: number;
  /** Sums of the complete batches (exact merging: the mean of a pair is the sum over twice the size). */
  readonly #sums: Float64Array;
  #complete = 0;
  #size = 1;
  #partialSum = 0;
  #partialCount = 0;
  #count = 0;

  /**
   * @param options - see {@link BatchMeansOptions}.
   * @throws InvalidArgumentError when `batches` is not an integer in [2, 10^6].
   */
  constructor(options: BatchMeansOptions = {}) {
    const { batches = 20 } = options;
    if (!Number.isInteger(batches) || batches < 2 || batches > MAX_BATCHES) {
      throw new InvalidArgumentError(
        `BatchMeans: batches must be an integer in [2, ${MAX_BATCHES}] (got ${show(batches)})`,
      );
    }
    this.#target = batches;
    this.#sums = new Float64Array(2 * batches);
  }

  /**
   * Records one observation.
   * @param x - the observed value, a finite number.
   * @throws InvalidArgumentError when `x` is not finite; nothing is recorded then.
   */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      throw new InvalidArgumentError(`BatchMeans.add: value must be a finite number (got ${show(x)})`);
    }
    this.#count++;
    this.#partialSum += x;
    if (++this.#partialCount < this.#size) return;
    this.#sums[this.#complete++] = this.#partialSum;
    this.#partialSum = 0;
    this.#partialCount = 0;
    if (this.#complete === this.#sums.length) this.#mergePairs();
  }

  #mergePairs(): void {
    const sums = this.#sums;
    for (let i = 0; i < this.#target; i++) sums[i] = sums[2 * i]! + sums[2 * i + 1]!;
    sums.fill(0, this.#target);
    this.#complete = this.#target;
    this.#size *= 2;
  }

  /** Number of observations added, the incomplete batch included. */
  get count(): number {
    return this.#count;
  }

  /** Number of complete batches (at most `2B − 1`). */
  get batchCount(): number {
    return this.#complete;
  }

  /** Observations per batch now (a power of two). */
  get batchSize(): number {
    return this.#size;
  }

  /** Mean of each complete batch, oldest first (a new array). */
  batchMeans(): number[] {
    const out = new Array<number>(this.#complete);
    for (let i = 0; i < this.#complete; i++) out[i] = this.#sums[i]! / this.#size;
    return out;
  }

  /**
   * Student-t confidence interval for the mean over the complete batch means (see
   * {@link confidenceInterval}; `NaN` half-width with a single batch).
   * @param level - confidence level in (0, 1), default `0.95`.
   * @throws InvalidStateError when no batch is complete yet.
   * @throws InvalidArgumentError when `level` is not in (0, 1).
   */
  confidenceInterval(level = 0.95): ConfidenceInterval {
    if (this.#complete === 0) {
      throw new InvalidStateError(
        `BatchMeans.confidenceInterval: needs at least one complete batch (got ${this.#count} observations, batch size ${this.#size})`,
      );
    }
    return confidenceInterval(this.batchMeans(), level);
  }

  /** Discards every observation; the batch size goes back to 1. */
  reset(): void {
    this.#sums.fill(0);
    this.#complete = 0;
    this.#size = 1;
    this.#partialSum = 0;
    this.#partialCount = 0;
    this.#count = 0;
  }
}
