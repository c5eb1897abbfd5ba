// Runs in about 0.1 s (2000 replications of 10 normal draws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/engine/errors.js';
import { confidenceInterval } from '../../../src/engine/stats/confidence.js';
import { seededNormal } from './seeded.js';

describe('confidenceInterval', () => {
  it('n = 10 uses t(0.975, 9) = 2.262157 times s/√n, with s from divisor n − 1', () => {
    const xs = [9.8, 10.2, 10.1, 9.9, 10.0, 10.3, 9.7, 10.4, 9.6, 10.0];
    const ci = confidenceInterval(xs);
    const s = Math.sqrt(0.6 / 9); // Σ(x − 10)² = 0.6
    expect(ci.n).toBe(10);
    expect(ci.level).toBe(0.95);
    expect(ci.mean).toBeCloseTo(10, 12);
    expect(ci.stdDev).toBeCloseTo(s, 12);
    expect(ci.halfWidth / ((2.262157 * s) / Math.sqrt(10))).toBeCloseTo(1, 6);
    expect(ci.halfWidth).toBeCloseTo(0.184704, 6);
    expect(ci.lower).toBeCloseTo(ci.mean - ci.halfWidth, 12);
    expect(ci.upper).toBeCloseTo(ci.mean + ci.halfWidth, 12);
  });

  it('the level sets the t quantile: t(0.95, 9) = 1.833113 at 90%, t(0.975, 1) = 12.706205 for n = 2', () => {
    const xs = [9.8, 10.2, 10.1, 9.9, 10.0, 10.3, 9.7, 10.4, 9.6, 10.0];
    const ci90 = confidenceInterval(xs, 0.9);
    expect(ci90.halfWidth / ((1.833113 * ci90.stdDev) / Math.sqrt(10))).toBeCloseTo(1, 6);
    const two = confidenceInterval([1, 3]);
    expect(two.stdDev).toBeCloseTo(Math.SQRT2, 12);
    expect(two.halfWidth / ((12.706205 * Math.SQRT2) / Math.SQRT2)).toBeCloseTo(1, 6);
  });

  it('the 95% interval covers the true mean of normal data 93.5%–96.5% of the time (2000 replications of n = 10)', () => {
    const draw = seededNormal(20240601, 3, 2);
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      const xs = Array.from({ length: 10 }, draw);
      const ci = confidenceInterval(xs);
      if (ci.lower <= 3 && 3 <= ci.upper) covered++;
    }
    const coverage = covered / reps;
    expect(coverage).toBeGreaterThanOrEqual(0.935);
    expect(coverage).toBeLessThanOrEqual(0.965);
  });

  it('the interval is symmetric about the mean and widens with the level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          const a = confidenceInterval(xs, 0.8);
          const b = confidenceInterval(xs, 0.99);
          expect(b.halfWidth).toBeGreaterThanOrEqual(a.halfWidth);
          expect(a.upper - a.mean).toBeCloseTo(a.mean - a.lower, 6);
        },
      ),
    );
  });

  it('a single value gives NaN half-width and stdDev (undefined interval), so a coverage check fails instead of passing', () => {
    const ci = confidenceInterval([4]);
    expect(ci.mean).toBe(4);
    expect(ci.n).toBe(1);
    for (const v of [ci.halfWidth, ci.stdDev, ci.lower, ci.upper]) expect(v).toBeNaN();
    expect(ci.lower <= 4 && 4 <= ci.upper).toBe(false);
  });

  it('constant data give a zero half-width', () => {
    expect(confidenceInterval([2, 2, 2]).halfWidth).toBe(0);
  });

  it('no values, a non-finite value or a level outside (0, 1) throw an InvalidArgumentError naming the culprit', () => {
    expect(() => confidenceInterval([])).toThrow(InvalidArgumentError);
    expect(() => confidenceInterval([1, Number.NaN])).toThrow(
      'confidenceInterval: values must be finite numbers (got NaN at index 1)',
    );
    for (const level of [0, 1, -0.5, 95, Number.NaN]) {
      expect(() => confidenceInterval([1, 2], level)).toThrow(InvalidArgumentError);
    }
    expect(() => confidenceInterval([1, 2], 95)).toThrow(
      'confidenceInterval: level must be in (0, 1) (got 95)',
    );
  });
});
