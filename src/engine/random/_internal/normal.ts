/**
 * The standard normal density φ and distribution function Φ (the quantile comes from
 * `@stdlib/stats-base-dists-normal-quantile`). Φ is computed from erfc without cancellation:
 * by the all-positive series of erf for |z| < 2 and by Lentz's continued fraction for erfc beyond,
 * to a relative error of a few ulps in either tail.
 */

const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
const EPS = 1e-17;
const TINY = 1e-300;

/** erfc(x) for x >= 0. */
function erfcNonNegative(x: number): number {
  const x2 = x * x;
  if (x < 2) {
    // erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2^n x^{2n+1} / (1·3·…·(2n+1)): positive terms, no cancellation.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * EPS; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
    }
    return 1 - 2 * INV_SQRT_PI * Math.exp(-x2) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), by modified Lentz.
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / TINY : 1 / d;
    c = x + a / c;
    if (c === 0) c = TINY;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return (INV_SQRT_PI * Math.exp(-x2)) / f;
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
}

/** Standard normal distribution function Φ(z) = P(Z <= z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = Math.abs(z) / Math.SQRT2;
  const tail = 0.5 * erfcNonNegative(x); // P(Z > |z|)
  return z < 0 ? tail : 1 - tail;
}
