import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { InvalidArgumentError } from '../../errors.js';
import { requireFinite, requireOptions, requirePositive } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Lognormal}: the mean and spread of the samples themselves. */
export interface LognormalOptions {
  /** Mean of the samples (e.g. seconds), finite and > 0. */
  readonly mean: number;
  /** Coefficient of variation of the samples (standard deviation / mean), finite and > 0. */
  readonly cv: number;
}

/** Options of {@link Lognormal.fromLogParams}: the parameters of the underlying normal law. */
export interface LognormalLogOptions {
  /** Mean μ of ln X, finite. */
  readonly mu: number;
  /** Standard deviation σ of ln X, finite and > 0. */
  readonly sigma: number;
}

/**
 * The lognormal distribution: `X = exp(μ + σZ)`, Z standard normal by inverse CDF (one draw per sample).
 * Built from the mean and coefficient of variation of X: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2;
 * or from μ and σ with {@link Lognormal.fromLogParams}.
 */
export class Lognormal implements Distribution {
  /** Always `'lognormal'`. */
  readonly kind = 'lognormal';
  /** Mean of the samples. */
  readonly mean: number;
  /** (cv · mean)². */
  readonly variance: number;
  /** Coefficient of variation of the samples. */
  readonly cv: number;
  /** μ, the mean of ln X. */
  readonly mu: number;
  /** σ, the standard deviation of ln X. */
  readonly sigma: number;

  constructor(options: LognormalOptions) {
    requireOptions('Lognormal', options);
    this.mean = requirePositive('Lognormal', 'mean', options.mean);
    this.cv = requirePositive('Lognormal', 'cv', options.cv);
    const s2 = Math.log1p(this.cv * this.cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(this.mean) - s2 / 2;
    const sd = this.cv * this.mean;
    this.variance = sd * sd;
  }

  /** The lognormal law with ln X ~ N(mu, sigma²); mean exp(μ + σ²/2), cv √(exp(σ²) − 1). */
  static fromLogParams(options: LognormalLogOptions): Lognormal {
    requireOptions('Lognormal.fromLogParams', options);
    const mu = requireFinite('Lognormal.fromLogParams', 'mu', options.mu);
    const sigma = requirePositive('Lognormal.fromLogParams', 'sigma', options.sigma);
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const cv = Math.sqrt(Math.expm1(sigma * sigma));
    if (!(mean > 0 && Number.isFinite(mean) && Number.isFinite(cv))) {
      throw new InvalidArgumentError(
        `Lognormal.fromLogParams: mean exp(mu + sigma²/2) and cv must be finite and > 0 (got mu=${mu}, sigma=${sigma})`,
      );
    }
    return new Lognormal({ mean, cv });
  }

  /** One sample, > 0. */
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * quantile(rng.nextOpen(), 0, 1));
  }

  /** E.g. `lognormal(mean=10, cv=0.5)`. */
  toString(): string {
    return `lognormal(mean=${this.mean}, cv=${this.cv})`;
  }
}
