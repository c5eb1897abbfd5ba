/**
 * MSER-m truncation (White 1997; Franklin & White 2008): the warm-up to delete from an output series is
 * the one that minimises the marginal standard error of what remains. The series is first cut into
 * batches of m consecutive observations (MSER-5: m = 5) and their means Z₁ … Z_k are used; for d batches
 * deleted, MSER(d) = Σ_{j>d} (Zⱼ − Z̄(d))² / (k − d)². The truncation point d* minimises it. A d* in the
 * second half of the series means the run is too short to tell where the transient ends.
 */

/** What {@link mser} found. */
export interface MserResult {
  /** Batch size m. */
  readonly batchSize: number;
  /** Complete batches k (observations past the last complete batch are ignored). */
  readonly batches: number;
  /** Batches to delete, d*. */
  readonly truncatedBatches: number;
  /** Observations to delete, d*·m. */
  readonly truncatedObservations: number;
  /** The minimum MSER(d*) (squared unit of the observations). */
  readonly statistic: number;
  /** d* falls in the second half of the batches: the run is too short, d* is not to be trusted. */
  readonly secondHalf: boolean;
}

/** Batches that must remain after truncation, so MSER is not minimised by a handful of final batches. */
export const MSER_MIN_KEPT = 5;

/**
 * MSER-m of a series (equally spaced in time or in order of observation; each a finite number).
 * d is searched over 0 … k − {@link MSER_MIN_KEPT}.
 * @param batchSize - m, default 5 (MSER-5).
 * @throws RangeError when the series has fewer than `MSER_MIN_KEPT` complete batches or a non-finite value.
 */
export function mser(series: readonly number[], batchSize = 5): MserResult {
  if (!(Number.isInteger(batchSize) && batchSize >= 1))
    throw new RangeError(`mser: batchSize must be an integer >= 1 (got ${batchSize})`);
  const k = Math.floor(series.length / batchSize);
  if (k < MSER_MIN_KEPT)
    throw new RangeError(
      `mser: needs at least ${MSER_MIN_KEPT * batchSize} observations (${MSER_MIN_KEPT} batches of ${batchSize}; got ${series.length})`,
    );
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < batchSize; i++) {
      const v = series[j * batchSize + i]!;
      if (!Number.isFinite(v))
        throw new RangeError(`mser: values must be finite (got ${v} at index ${j * batchSize + i})`);
      s += v;
    }
    z[j] = s / batchSize;
  }
  // Suffix sums give every MSER(d) in one pass from the end; values centred on the overall mean
  // first, so the sum of squares does not cancel.
  let centre = 0;
  for (const v of z) centre += v / k;
  let sum = 0;
  let sumSq = 0;
  let best = Number.POSITIVE_INFINITY;
  let bestD = 0;
  for (let d = k - 1; d >= 0; d--) {
    const v = z[d]! - centre;
    sum += v;
    sumSq += v * v;
    const n = k - d;
    if (n < MSER_MIN_KEPT) continue;
    const stat = Math.max(0, sumSq - (sum * sum) / n) / (n * n);
    // `<=` walking down: on a tie the smaller d (less deleted) wins.
    if (stat <= best) {
      best = stat;
      bestD = d;
    }
  }
  return {
    batchSize,
    batches: k,
    truncatedBatches: bestD,
    truncatedObservations: bestD * batchSize,
    statistic: best,
    secondHalf: bestD > k / 2,
  };
}
