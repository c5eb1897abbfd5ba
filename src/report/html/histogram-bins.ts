/**
 * Counts of values in equal bins of a "nice" width (1, 2 or 5 times a power of ten), for a histogram drawn
 * from its counts: the page then carries a few dozen bins instead of every value (a year-long run finishes
 * millions of parts, and the chart library would otherwise bin them in the browser from the page's text).
 */

/** One bin: values v with `start ≤ v < end` (the last bin also holds v = `end` of the range). */
export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/**
 * Bins the finite values of `values` (others are not counted) into at most `maxBins` contiguous bins of
 * one nice width that cover them; every bin from the first to the last is listed, empty ones included.
 * All values equal: one bin of width 1 around them; a range too narrow for a float's precision (below
 * 1e-12 of the values): one bin from the smallest to the largest. No finite value: no bin.
 * @throws RangeError when `maxBins` is not an integer >= 1.
 */
export function histogramBins(values: readonly number[], maxBins: number): HistogramBin[] {
  if (!(Number.isInteger(maxBins) && maxBins >= 1))
    throw new RangeError(`histogramBins: maxBins must be an integer >= 1 (got ${maxBins})`);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [];
  const finite = () => values.filter(Number.isFinite).length;
  if (min === max) return [{ start: min - 0.5, end: min + 0.5, count: finite() }];
  // A range too narrow for nice bins within a float's precision: one bin over it.
  if (max - min <= Math.max(Math.abs(min), Math.abs(max)) * 1e-12 || max - min < 1e-300)
    return [{ start: min, end: max, count: finite() }];
  let { start, step, n } = layout(min, max, (max - min) / maxBins);
  // Starting at a multiple of the step can need one bin more than asked: take the next nice width.
  while (n > maxBins) ({ start, step, n } = layout(min, max, step * 1.000001));
  const counts = new Array<number>(n).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    // Clamped: rounding can put the smallest value a hair below `start` or the largest past the last bin.
    counts[Math.max(0, Math.min(n - 1, Math.floor((v - start) / step)))]!++;
  }
  return counts.map((count, i) => ({ start: start + i * step, end: start + (i + 1) * step, count }));
}

/** The bins of the smallest nice width >= `atLeast` that cover [min, max]. */
function layout(min: number, max: number, atLeast: number): { start: number; step: number; n: number } {
  const magnitude = 10 ** Math.floor(Math.log10(atLeast));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= atLeast) ?? 10 * magnitude;
  const start = Math.floor(min / step) * step;
  // Bins up to the one holding `max` (a `max` on the last bin's end stays in it).
  return { start, step, n: Math.max(1, Math.ceil((max - start) / step)) };
}
