import { logGamma } from '../_internal/gamma.js';
import { requireOptions, requirePositive } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** ζ(2) … ζ(10), for the small-1/k series of {@link logMomentRatio}. */
const ZETA = [
  1.6449340668482264, 1.2020569031595942, 1.0823232337111381, 1.03692775514337, 1.017343061984449,
  1.0083492773819227, 1.0040773561979444, 1.0020083928260821, 1.0009945751278182,
] as const;

/**
 * D(ε) = ln Γ(1 + 2ε) − 2 ln Γ(1 + ε), so that Var X / λ² = Γ(1 + ε)² · (e^D − 1) with ε = 1/k.
 * For small ε the difference of log-gammas would cancel, so it uses the series
 * D = Σ_{n>=2} (−1)^n ζ(n) (2^n − 2) ε^n / n (from ln Γ(1 + x) = −γx + Σ (−1)^n ζ(n) x^n / n).
 */
function logMomentRatio(eps: number): number {
  if (eps >= 0.01) return logGamma(1 + 2 * eps) - 2 * logGamma(1 + eps);
  let d = 0;
  let power = eps;
  for (let n = 2; n <= 10; n++) {
    power *= eps;
    d += ((n % 2 === 0 ? 1 : -1) * ZETA[n - 2]! * (2 ** n - 2) * power) / n;
  }
  return d;
}

/** Options of {@link Weibull}. */
export interface WeibullOptions {
  /** Shape k, finite and > 0 (k < 1: decreasing hazard, k = 1: exponential, k > 1: wear-out). */
  readonly shape: number;
  /** Scale λ (unit of the samples, e.g. seconds), finite and > 0. */
  readonly scale: number;
}

/**
 * The Weibull distribution, by inverse transform: `λ · (−ln U)^(1/k)`, one draw per sample.
 * Mean λΓ(1 + 1/k), variance λ²(Γ(1 + 2/k) − Γ(1 + 1/k)²), computed without cancellation for large k;
 * the variance overflows to `Infinity` for k below about 0.012, the mean below about 0.006.
 */
export class Weibull implements Distribution {
  /** Always `'weibull'`. */
  readonly kind = 'weibull';
  /** Shape k. */
  readonly shape: number;
  /** Scale λ. */
  readonly scale: number;
  /** λ Γ(1 + 1/k). */
  readonly mean: number;
  /** λ² (Γ(1 + 2/k) − Γ(1 + 1/k)²). */
  readonly variance: number;
  private readonly inverseShape: number;

  constructor(options: WeibullOptions) {
    requireOptions('Weibull', options);
    this.shape = requirePositive('Weibull', 'shape', options.shape);
    this.scale = requirePositive('Weibull', 'scale', options.scale);
    this.inverseShape = 1 / this.shape;
    this.mean = this.scale * Math.exp(logGamma(1 + this.inverseShape));
    this.variance = this.mean * this.mean * Math.expm1(logMomentRatio(this.inverseShape));
  }

  /** One sample, >= 0. */
  sample(rng: RandomStream): number {
    return this.scale * (-Math.log(rng.nextOpen())) ** this.inverseShape;
  }

  /** E.g. `weibull(shape=1.5, scale=100)`. */
  toString(): string {
    return `weibull(shape=${this.shape}, scale=${this.scale})`;
  }
}
