// Runs in about 1–2 s (the 10^6-value memory test dominates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../../src/engine/errors.js';
import { Tally } from '../../../src/engine/stats/tally.js';
import { mulberry32 } from './seeded.js';

/**
 * Reference quantile, nearest-rank definition: the k-th smallest value with k = max(1, ⌈p·n⌉)
 * (1-based), ⌈·⌉ taken with a 1e-9 tolerance against floating-point noise in p·n.
 */
function nearestRank(sorted: readonly number[], p: number): number {
  const k = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
  return sorted[k - 1]!;
}

function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function tallyOf(xs: readonly number[], quantiles = true): Tally {
  const t = new Tally({ quantiles });
  for (const x of xs) t.add(x);
  return t;
}

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
/** Signed values m·10^e (|m| in [1, 10), e in [-6, 6]) with zeros mixed in: magnitudes over 13 decades. */
const signedSpread = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.boolean(),
        fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }),
        fc.integer({ min: -6, max: 6 }),
      )
      .map(([neg, m, e]) => (neg ? -1 : 1) * m * 10 ** e),
  },
);
const probability = fc.double({ min: 0, max: 1, noNaN: true });

describe('Tally', () => {
  it('mean and variance equal a two-pass computation (relative tolerance)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 400, size: 'max' }), (xs) => {
        const t = tallyOf(xs, false);
        const n = xs.length;
        const mean = xs.reduce((a, b) => a + b, 0) / n;
        const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
        const scale = Math.max(...xs.map(Math.abs));
        expect(t.count).toBe(n);
        // (1e-300 absorbs subnormal inputs, where relative tolerances underflow.)
        expect(Math.abs(t.mean - mean)).toBeLessThanOrEqual(1e-12 * scale * n + 1e-300);
        expect(Math.abs(t.variance - variance)).toBeLessThanOrEqual(
          1e-9 * variance + 1e-12 * scale * scale + 1e-300,
        );
        expect(t.stdDev).toBeCloseTo(Math.sqrt(t.variance), 12);
      }),
    );
  });

  it('a hand-computed sample has mean 5, sample variance 32/7 (divisor n − 1) and sum 40', () => {
    const t = tallyOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 14);
    expect(t.sum).toBe(40);
  });

  it('min, max and sum are exact', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 400, size: 'max' }), (xs) => {
        const t = tallyOf(xs);
        expect(t.min).toBe(Math.min(...xs));
        expect(t.max).toBe(Math.max(...xs));
        expect(t.sum).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('an empty tally reports NaN for mean, min, max and quantiles, and 0 for count and sum', () => {
    const t = new Tally();
    expect([t.count, t.sum]).toEqual([0, 0]);
    expect([t.mean, t.min, t.max, t.variance, t.stdDev, t.quantile(0.5)]).toEqual(Array(6).fill(Number.NaN));
  });

  it('variance and stdDev are NaN below two observations', () => {
    const t = tallyOf([3]);
    expect(t.mean).toBe(3);
    expect(t.variance).toBeNaN();
    expect(t.stdDev).toBeNaN();
  });

  it('quantiles follow the nearest-rank definition on a textbook example', () => {
    const t = tallyOf([35, 20, 50, 15, 40]);
    expect([0, 0.05, 0.3, 0.4, 0.5, 1].map((p) => t.quantile(p))).toEqual([15, 15, 20, 20, 35, 50]);
    const u = tallyOf(Array.from({ length: 100 }, (_, i) => i + 1));
    expect([0.07, 0.5, 0.95, 0.951].map((p) => u.quantile(p))).toEqual([7, 50, 95, 96]);
  });

  it('quantiles are exact (nearest rank) for up to 256 values, signed data included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(finite, signedSpread), { minLength: 1, maxLength: 256, size: 'max' }),
        fc.array(probability, { minLength: 1, maxLength: 8 }),
        (xs, ps) => {
          const t = tallyOf(xs);
          const sorted = sortedCopy(xs);
          for (const p of [0, 0.5, 0.95, 1, ...ps]) expect(t.quantile(p)).toBe(nearestRank(sorted, p));
          expect(t.quantileMemory).toEqual({ rawValues: xs.length, sketchBins: 0 });
        },
      ),
    );
  });

  it('beyond 256 values, quantiles are within 1% relative error of the nearest-rank value (negative, zero and positive data)', () => {
    fc.assert(
      fc.property(
        fc.array(signedSpread, { minLength: 257, maxLength: 3000, size: 'max' }),
        fc.array(probability, { minLength: 1, maxLength: 8 }),
        (xs, ps) => {
          const t = tallyOf(xs);
          const sorted = sortedCopy(xs);
          expect(t.quantileMemory.rawValues).toBe(0);
          for (const p of [0, 0.01, 0.25, 0.5, 0.95, 0.99, 1, ...ps]) {
            const exact = nearestRank(sorted, p);
            const q = t.quantile(p);
            expect(Math.abs(q - exact)).toBeLessThanOrEqual((0.01 + 1e-12) * Math.abs(exact));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a negative median, a zero median and a positive median are told apart beyond 256 values', () => {
    const make = (neg: number, zero: number, pos: number) =>
      tallyOf([...Array(neg).fill(-2.5), ...Array(zero).fill(0), ...Array(pos).fill(4)]);
    expect(make(300, 100, 100).quantile(0.5)).toBeCloseTo(-2.5, 1);
    expect(make(100, 300, 100).quantile(0.5)).toBe(0);
    expect(make(100, 100, 300).quantile(0.5)).toBeCloseTo(4, 1);
  });

  it('memory stays bounded after 10^6 adds: no raw values kept and a few hundred sketch bins', () => {
    const u = mulberry32(7);
    const t = new Tally();
    const xs = new Float64Array(1_000_000);
    for (let i = 0; i < xs.length; i++) {
      // Signed, heavy-tailed: magnitudes from 1e-3 to ~1e4 (think deviations from a due time, in s), a few exact zeros.
      const m = Math.exp(-7 + 16 * u());
      const x = i % 97 === 0 ? 0 : u() < 0.3 ? -m : m;
      xs[i] = x;
      t.add(x);
    }
    const { rawValues, sketchBins } = t.quantileMemory;
    expect(rawValues).toBe(0);
    expect(sketchBins).toBeLessThanOrEqual(2 * 1024); // 7 decades per sign at 1% ≈ 2 × 800 bins, in chunks of 128
    xs.sort();
    for (const p of [0.01, 0.1, 0.3, 0.5, 0.9, 0.99]) {
      const exact = xs[Math.ceil(p * xs.length - 1e-9) - 1]!;
      expect(Math.abs(t.quantile(p) - exact)).toBeLessThanOrEqual(0.0100001 * Math.abs(exact));
    }
  });

  it('magnitudes spanning 600 decades keep memory within 4352 sketch bins, the count intact and large values accurate', () => {
    const t = new Tally();
    const xs: number[] = [];
    for (let i = 0; i <= 60_000; i++) xs.push(10 ** (-300 + i / 100), -(10 ** (-300 + i / 100)));
    for (const x of xs) t.add(x);
    const sorted = sortedCopy(xs);
    expect(t.quantileMemory.sketchBins).toBeLessThanOrEqual(4352);
    // Values within 10^13 of the largest magnitude of their sign keep the 1% accuracy; the ranks stay exact.
    // Here the lowest positive magnitude kept is ~1e284 (the last compaction happened near 1e297).
    for (const p of [0.001, 0.005, 0.01, 0.99, 0.995, 0.999]) {
      const exact = nearestRank(sorted, p);
      expect(Math.abs(t.quantile(p) - exact)).toBeLessThanOrEqual(0.0100001 * Math.abs(exact));
    }
  });

  it('with quantiles off, quantile throws InvalidStateError, summary has no p50/p95 and nothing is retained', () => {
    const t = tallyOf([1, 2, 3], false);
    expect(t.tracksQuantiles).toBe(false);
    expect(() => t.quantile(0.5)).toThrow(InvalidStateError);
    expect(t.summary()).toEqual({ count: 3, mean: 2, stdDev: 1, min: 1, max: 3 });
    expect(t.quantileMemory).toEqual({ rawValues: 0, sketchBins: 0 });
  });

  it('summary gives count, mean, stdDev, min, max, p50 and p95 as a plain object', () => {
    const t = tallyOf(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(t.summary()).toEqual({
      count: 20,
      mean: 10.5,
      stdDev: Math.sqrt(35),
      min: 1,
      max: 20,
      p50: 10,
      p95: 19,
    });
  });

  it('reset discards every observation, the sketch included, and keeps the options', () => {
    const t = new Tally();
    for (let i = 0; i < 1000; i++) t.add(i);
    t.reset();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.quantileMemory).toEqual({ rawValues: 0, sketchBins: 0 });
    t.add(-1);
    t.add(5);
    expect([t.count, t.mean, t.min, t.max, t.sum, t.variance]).toEqual([2, 2, -1, 5, 4, 18]);
    expect(t.quantile(0.5)).toBe(-1);
    expect(t.quantile(1)).toBe(5);
  });

  it('add rejects a non-finite value with an InvalidArgumentError naming the value, and changes nothing', () => {
    const t = tallyOf([1, 2]);
    expect(() => t.add(Number.NaN)).toThrow(
      new InvalidArgumentError('Tally.add: value must be a finite number (got NaN)'),
    );
    expect(() => t.add(Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
    expect([t.count, t.mean, t.max]).toEqual([2, 1.5, 2]);
  });

  it('quantile rejects p outside [0, 1] with an InvalidArgumentError', () => {
    const t = tallyOf([1]);
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => t.quantile(p)).toThrow(InvalidArgumentError);
    expect(() => t.quantile(2)).toThrow('Tally.quantile: p must be in [0, 1] (got 2)');
  });
});
