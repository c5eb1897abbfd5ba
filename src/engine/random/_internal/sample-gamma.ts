import quantile from '@stdlib/stats-base-dists-normal-quantile';
import type { RandomStream } from '../stream.js';

/**
 * Marsaglia–Tsang constants for a gamma law of shape `a >= 1` and scale 1: `d = a − 1/3`,
 * `c = 1/√(9d)`. Computed once per distribution, so that a draw does no setup.
 */
export interface GammaConstants {
  readonly d: number;
  readonly c: number;
}

/** The Marsaglia–Tsang constants for shape `a >= 1`. */
export function gammaConstants(a: number): GammaConstants {
  const d = a - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d) };
}

/**
 * One draw from Gamma(a, 1), `a >= 1`, by Marsaglia & Tsang (2000), "A simple method for generating
 * gamma variables". The normal variate comes from the inverse CDF of one uniform, so every step uses
 * only `rng`. Accepts about 95–99 % of the time; each try uses two draws.
 */
export function sampleGamma(rng: RandomStream, k: GammaConstants): number {
  const { d, c } = k;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = quantile(rng.nextOpen(), 0, 1);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextOpen();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
