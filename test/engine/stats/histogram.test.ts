// Runs in well under a second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/engine/errors.js';
import { Histogram } from '../../../src/engine/stats/histogram.js';

const options = fc
  .record({
    min: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    width: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
    bins: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ min, width, bins }) => ({ min, max: min + width, bins }))
  .filter(({ min, max }) => min < max);

describe('Histogram', () => {
  it('bin counts plus underflow plus overflow sum to total', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(fc.double({ min: -3e6, max: 3e6, noNaN: true }), { maxLength: 300, size: 'max' }),
        (o, xs) => {
          const h = new Histogram(o);
          for (const x of xs) h.add(x);
          const inBins = h.counts.reduce((a, b) => a + b, 0);
          expect(inBins + h.underflow + h.overflow).toBe(h.total);
          expect(h.total).toBe(xs.length);
          expect(h.underflow).toBe(xs.filter((x) => x < o.min).length);
          expect(h.overflow).toBe(xs.filter((x) => x > o.max).length);
        },
      ),
    );
  });

  it('each value lands in the bin whose edges enclose it: edges[i] <= x < edges[i + 1], max in the last bin', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 100, size: 'max' }),
        (o, us) => {
          const h = new Histogram(o);
          const edges = h.edges;
          // Values spread over [min, max], plus every edge exactly.
          const xs = [...us.map((u) => Math.min(o.max, o.min + u * (o.max - o.min))), ...edges];
          for (const x of xs) {
            const before = h.counts;
            h.add(x);
            const i = h.counts.findIndex((c, j) => c !== before[j]);
            const last = o.bins - 1;
            expect(i).toBeGreaterThanOrEqual(0);
            expect(edges[i]!).toBeLessThanOrEqual(x);
            if (i < last) expect(x).toBeLessThan(edges[i + 1]!);
            else expect(x).toBeLessThanOrEqual(o.max);
          }
        },
      ),
    );
  });

  it('values on edges: min in bin 0, an inner edge in the bin it starts, max in the last bin, outside to under/overflow', () => {
    const h = new Histogram({ min: 0, max: 1, bins: 10 });
    expect(h.edges).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    for (const x of [0, 0.3, 0.35, 0.7, 1, -1e-12, 1 + 1e-12]) h.add(x);
    expect(h.counts).toEqual([1, 0, 0, 2, 0, 0, 0, 1, 0, 1]);
    expect([h.underflow, h.overflow, h.total]).toEqual([1, 1, 7]);
  });

  it('counts and edges are copies: changing them does not change the histogram', () => {
    const h = new Histogram({ min: 0, max: 2, bins: 2 });
    h.add(0.5);
    h.counts[0] = 99;
    h.edges[0] = 99;
    expect(h.counts).toEqual([1, 0]);
    expect(h.edges).toEqual([0, 1, 2]);
  });

  it('reset zeroes every count and keeps the bins', () => {
    const h = new Histogram({ min: 0, max: 2, bins: 2 });
    for (const x of [-1, 0.5, 1.5, 3]) h.add(x);
    h.reset();
    expect([h.counts, h.underflow, h.overflow, h.total]).toEqual([[0, 0], 0, 0, 0]);
    expect(h.edges).toEqual([0, 1, 2]);
  });

  it('bad options or a non-finite value throw an InvalidArgumentError naming the value', () => {
    expect(() => new Histogram({ min: 1, max: 1, bins: 3 })).toThrow(
      'Histogram: min and max must be finite numbers with min < max (got min 1, max 1)',
    );
    expect(() => new Histogram({ min: 0, max: Number.POSITIVE_INFINITY, bins: 3 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new Histogram({ min: 0, max: 1, bins: 2.5 })).toThrow('(got 2.5)');
    expect(() => new Histogram({ min: 0, max: 1, bins: 0 })).toThrow(InvalidArgumentError);
    const h = new Histogram({ min: 0, max: 1, bins: 2 });
    expect(() => h.add(Number.NaN)).toThrow('Histogram.add: value must be a finite number (got NaN)');
    expect(h.total).toBe(0);
  });
});
