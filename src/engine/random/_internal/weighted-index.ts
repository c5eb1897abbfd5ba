import { InvalidArgumentError, show } from '../../errors.js';

/**
 * Validates `weights` (an array of `count` finite numbers >= 0 with a positive, finite sum) and
 * returns a copy; all ones when `weights` is omitted.
 */
export function validWeights(
  api: string,
  weights: readonly number[] | undefined,
  count: number,
): Float64Array {
  const copy = new Float64Array(count);
  if (weights === undefined) return copy.fill(1);
  if (!Array.isArray(weights) || weights.length !== count) {
    throw new InvalidArgumentError(
      `${api}: weights must be an array of ${count} numbers, one per value (got ${show(weights)})`,
    );
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new InvalidArgumentError(`${api}: weights[${i}] must be a finite number >= 0 (got ${show(w)})`);
    }
    copy[i] = w;
    total += w;
  }
  if (!(total > 0 && Number.isFinite(total))) {
    throw new InvalidArgumentError(`${api}: weights must have a finite sum > 0 (got ${show(weights)})`);
  }
  return copy;
}

/** Running sums of `weights`; the last one is the total. */
export function runningSums(weights: Float64Array): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) sums[i] = total += weights[i]!;
  return sums;
}

/**
 * The index `i` of the first running sum above `u · total`, for `u` in [0, 1): index `i` comes out
 * with probability weight_i / total, and an index of weight 0 never does. Binary search, O(log n).
 */
export function weightedIndex(sums: Float64Array, u: number): number {
  const target = u * sums[sums.length - 1]!;
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sums[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Mean and variance of `values` taken with probabilities proportional to `weights`. */
export function weightedMoments(
  values: ArrayLike<number>,
  weights: Float64Array,
): [mean: number, variance: number] {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let mean = 0;
  for (let i = 0; i < weights.length; i++) mean += (weights[i]! / total) * values[i]!;
  let variance = 0;
  for (let i = 0; i < weights.length; i++) {
    const dev = values[i]! - mean;
    variance += (weights[i]! / total) * dev * dev;
  }
  return [mean, variance];
}
