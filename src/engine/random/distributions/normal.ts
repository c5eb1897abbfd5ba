import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { InvalidArgumentError, show } from '../../errors.js';
import { normalCdf, normalPdf } from '../_internal/normal.js';
import { requireFinite, requireOptions, requirePositive } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/**
 * Lowest `mean / sd` accepted with `truncateAtZero`: at least Φ(−4) ≈ 3.2e-5 of the mass must lie
 * above 0, so that the inverse CDF stays accurate over the whole truncated range.
 */
const MIN_TRUNCATED_Z = -4;

/** Options of {@link Normal}. */
export interface NormalOptions {
  /** Mean μ of the (untruncated) normal law, finite. */
  readonly mean: number;
  /** Standard deviation σ of the (untruncated) normal law, finite and > 0. */
  readonly sd: number;
  /**
   * When `true`, sample the normal law conditioned on being >= 0 (e.g. a duration), which needs
   * `mean >= −4·sd`. Default `false`.
   */
  readonly truncateAtZero?: boolean;
}

/**
 * The normal distribution N(μ, σ²), optionally truncated to [0, ∞). One draw per sample, by inverse
 * CDF (`@stdlib/stats-base-dists-normal-quantile`), so samples are monotone in the draw.
 *
 * Truncated, a sample is exactly the conditional law X | X >= 0: with P = Φ(μ/σ) = P(X >= 0) and U
 * uniform on (0, 1), `X = μ − σ · Φ⁻¹(U · P)` (the inverse CDF on [Φ(−μ/σ), 1), reflected so that small
 * probabilities keep their precision). Its `mean` and `variance` are those of the truncated law.
 */
export class Normal implements Distribution {
  /** Always `'normal'`. */
  readonly kind = 'normal';
  /** μ, the mean of the untruncated law. */
  readonly mu: number;
  /** σ, the standard deviation of the untruncated law. */
  readonly sigma: number;
  /** Whether samples are conditioned on being >= 0. */
  readonly truncateAtZero: boolean;
  /** μ, or μ + σλ when truncated (λ = φ(μ/σ) / Φ(μ/σ)). */
  readonly mean: number;
  /** σ², or σ²(1 − (μ/σ)λ − λ²) when truncated. */
  readonly variance: number;
  /** P(X >= 0) = Φ(μ/σ) when truncated, else 0. */
  private readonly massAboveZero: number;

  constructor(options: NormalOptions) {
    requireOptions('Normal', options);
    this.mu = requireFinite('Normal', 'mean', options.mean);
    this.sigma = requirePositive('Normal', 'sd', options.sd);
    const truncate = options.truncateAtZero ?? false;
    if (typeof truncate !== 'boolean') {
      throw new InvalidArgumentError(`Normal: truncateAtZero must be a boolean (got ${show(truncate)})`);
    }
    this.truncateAtZero = truncate;
    if (!truncate) {
      this.massAboveZero = 0;
      this.mean = this.mu;
      this.variance = this.sigma * this.sigma;
      return;
    }
    const z = this.mu / this.sigma;
    if (!(z >= MIN_TRUNCATED_Z)) {
      throw new InvalidArgumentError(
        `Normal: with truncateAtZero, mean must be >= -4·sd, i.e. at least 3.2e-5 of the mass above 0 (got mean=${this.mu}, sd=${this.sigma})`,
      );
    }
    this.massAboveZero = normalCdf(z);
    // Truncation below at a = −z: λ = φ(a) / (1 − Φ(a)) = φ(z) / Φ(z).
    const lambda = normalPdf(z) / this.massAboveZero;
    this.mean = this.mu + this.sigma * lambda;
    this.variance = this.sigma * this.sigma * (1 - z * lambda - lambda * lambda);
  }

  /** One sample; >= 0 when truncated. */
  sample(rng: RandomStream): number {
    if (!this.truncateAtZero) return this.mu + this.sigma * quantile(rng.nextOpen(), 0, 1);
    const x = this.mu - this.sigma * quantile(rng.nextOpen() * this.massAboveZero, 0, 1);
    // Φ and Φ⁻¹ are not exact inverses: clamp the last rounding step so the support holds exactly.
    return Math.max(x, 0);
  }

  /** E.g. `normal(mean=10, sd=2)` or `normal(mean=10, sd=2, truncateAtZero)`. */
  toString(): string {
    return `normal(mean=${this.mu}, sd=${this.sigma}${this.truncateAtZero ? ', truncateAtZero' : ''})`;
  }
}
