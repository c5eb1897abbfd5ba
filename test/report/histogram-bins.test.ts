/** Histogram bins computed before the page is written: every value counted once, in the bin that holds it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramBins } from '../../src/report/html/histogram-bins.js';

describe('histogramBins', () => {
  it('counts every finite value once, in contiguous bins of one nice width, at most maxBins, covering the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (values, maxBins) => {
          const bins = histogramBins(values, maxBins);
          const min = Math.min(...values);
          const max = Math.max(...values);
          expect(bins.reduce((a, b) => a + b.count, 0)).toBe(values.length);
          if (min === max) return;
          if (max - min <= Math.max(Math.abs(min), Math.abs(max)) * 1e-12 || max - min < 1e-300) {
            expect(bins).toEqual([{ start: min, end: max, count: values.length }]);
            return;
          }
          expect(bins.length).toBeLessThanOrEqual(maxBins);
          const step = bins[0]!.end - bins[0]!.start;
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
          const eps = step * 1e-9;
          expect(bins[0]!.start).toBeLessThanOrEqual(min + eps);
          expect(bins.at(-1)!.end).toBeGreaterThanOrEqual(max - eps);
          for (let i = 1; i < bins.length; i++) expect(bins[i]!.start).toBeCloseTo(bins[i - 1]!.end, 6);
          // Each bin holds the values between its edges (a value within rounding of an edge may go either way).
          for (const [i, b] of bins.entries()) {
            const last = i === bins.length - 1;
            const surely = values.filter(
              (v) => v > b.start + eps && (last ? v <= b.end : v < b.end - eps),
            ).length;
            const maybe = values.filter((v) => v >= b.start - eps && v <= b.end + eps).length;
            expect(b.count).toBeGreaterThanOrEqual(surely);
            expect(b.count).toBeLessThanOrEqual(maybe);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips values that are not finite; equal values give one bin; none gives none; maxBins is checked', () => {
    expect(histogramBins([3, 3, Number.NaN, 3], 10)).toEqual([{ start: 2.5, end: 3.5, count: 3 }]);
    expect(histogramBins([Number.POSITIVE_INFINITY], 10)).toEqual([]);
    expect(histogramBins([], 10)).toEqual([]);
    expect(histogramBins([0, 1, 9.5, 10], 5)).toEqual([
      { start: 0, end: 2, count: 2 },
      { start: 2, end: 4, count: 0 },
      { start: 4, end: 6, count: 0 },
      { start: 6, end: 8, count: 0 },
      { start: 8, end: 10, count: 2 },
    ]);
    for (const bad of [0, 2.5, -1])
      expect(() => histogramBins([1, 2], bad)).toThrow(/histogramBins: maxBins/);
  });
});
