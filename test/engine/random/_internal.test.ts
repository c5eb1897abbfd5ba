import quantile from '@stdlib/stats-base-dists-normal-quantile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/engine/random/_internal/gamma.js';
import { normalCdf, normalPdf } from '../../../src/engine/random/_internal/normal.js';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logGamma (Lanczos)', () => {
  it('matches factorials: ln Γ(n) = ln (n − 1)!', () => {
    let f = 1;
    for (let n = 1; n <= 30; n++) {
      if (n > 1) f *= n - 1;
      expect(Math.abs(logGamma(n) - Math.log(f))).toBeLessThan(1e-13 * Math.max(1, Math.log(f)));
    }
  });

  it('matches known values at non-integers', () => {
    expect(relErr(Math.exp(logGamma(0.5)), Math.sqrt(Math.PI))).toBeLessThan(1e-14);
    expect(relErr(Math.exp(logGamma(1.5)), Math.sqrt(Math.PI) / 2)).toBeLessThan(1e-14);
    expect(relErr(Math.exp(logGamma(1 / 3)), 2.6789385347077475)).toBeLessThan(1e-14);
    expect(relErr(Math.exp(logGamma(0.1)), 9.513507698668732)).toBeLessThan(1e-14);
    expect(relErr(logGamma(101), 363.73937555556347)).toBeLessThan(1e-14); // ln 100!
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 150, noNaN: true }), (x) => {
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(logGamma(x + 1))),
        );
      }),
    );
  });

  it('is NaN for x <= 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('normal distribution function Φ', () => {
  it('matches known values, tails included, to 1e-13 relative', () => {
    const known: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [-2, 0.02275013194817921],
      [-3, 0.0013498980316300946],
      [-4, 3.1671241833119857e-5],
      [-6, 9.86587645037698e-10],
      [-10, 7.61985302416047e-24],
      [-20, 2.7536241186062337e-89],
    ];
    for (const [z, p] of known) expect(relErr(normalCdf(z), p), `Φ(${z})`).toBeLessThan(1e-13);
  });

  // The stdlib quantile works on 2p − 1, so in either tail it resolves p only to about 1e-16 absolute;
  // the round trip is checked on [−5, 5], where that costs less than 1e-9 in z.
  it('is the inverse of the stdlib quantile', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (z) => {
        expect(Math.abs(quantile(normalCdf(z), 0, 1) - z)).toBeLessThan(1e-9);
      }),
    );
  });

  it('satisfies Φ(−z) = 1 − Φ(z) and has density φ', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (z) => {
        expect(Math.abs(normalCdf(-z) + normalCdf(z) - 1)).toBeLessThan(1e-15);
        const h = 1e-5;
        expect(Math.abs((normalCdf(z + h) - normalCdf(z - h)) / (2 * h) - normalPdf(z))).toBeLessThan(1e-9);
      }),
    );
  });
});
