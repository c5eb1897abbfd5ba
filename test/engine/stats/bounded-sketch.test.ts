// Runs in well under a second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedSketch, MAX_BINS } from '../../../src/engine/stats/_internal/bounded-sketch.js';

/** Signed values over the whole float64 range (magnitudes 1e-300 … 1e300) and zeros. */
const wide = fc.oneof(
  fc.constant(0),
  fc
    .tuple(fc.boolean(), fc.double({ min: -300, max: 300, noNaN: true }))
    .map(([neg, e]) => (neg ? -1 : 1) * 10 ** e),
);

describe('BoundedSketch', () => {
  it('its counters always sum to the number of values added, through compactions', () => {
    fc.assert(
      fc.property(fc.array(wide, { minLength: 1, maxLength: 3000, size: 'max' }), (xs) => {
        const s = new BoundedSketch(0.01);
        for (const x of xs) s.add(x);
        expect(s.count).toBe(xs.length);
        expect(s.binTotal).toBe(xs.length);
        expect(s.binCount).toBeLessThanOrEqual(MAX_BINS);
      }),
      { numRuns: 60 },
    );
  });

  it('the value at each rank is within 1% of the exact value while magnitudes span less than 1e17', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc
              .tuple(fc.boolean(), fc.double({ min: -8, max: 8, noNaN: true }))
              .map(([neg, e]) => (neg ? -1 : 1) * 10 ** e),
          ),
          { minLength: 1, maxLength: 2000, size: 'max' },
        ),
        (xs) => {
          const s = new BoundedSketch(0.01);
          for (const x of xs) s.add(x);
          const sorted = [...xs].sort((a, b) => a - b);
          sorted.forEach((x, r) => {
            expect(Math.abs(s.valueAtRank(r) - x)).toBeLessThanOrEqual(0.0100001 * Math.abs(x));
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
