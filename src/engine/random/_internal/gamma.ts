/**
 * The logarithm of the gamma function, ln Γ(x), by the Lanczos approximation (g = 7, 9 coefficients, the
 * set published with Numerical Recipes and widely reused), with the reflection formula below 1/2.
 * Error about 1e-15 (relative; absolute near x = 1 and 2, where ln Γ vanishes). Used for the moments
 * of Weibull distributions.
 */

const G = 7;
const COEFFICIENTS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Lanczos series A_g(z) for Γ(z + 1). */
function series(z: number): number {
  let a = COEFFICIENTS[0];
  for (let i = 1; i < COEFFICIENTS.length; i++) a += COEFFICIENTS[i]! / (z + i);
  return a;
}

/** ln Γ(x) for x > 0 (`NaN` for x <= 0 or NaN). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx), with sin(πx) > 0 on (0, 1/2).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series(z));
}
