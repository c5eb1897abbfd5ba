import { type GammaConstants, gammaConstants, sampleGamma } from '../_internal/sample-gamma.js';
import { requireOptions, requirePositive } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Gamma}. */
export interface GammaOptions {
  /** Shape k, finite and > 0. */
  readonly shape: number;
  /** Scale θ (unit of the samples, e.g. seconds), finite and > 0. */
  readonly scale: number;
}

/**
 * The gamma distribution with shape k and scale θ (mean kθ), by Marsaglia & Tsang (2000): about two
 * draws per sample. For k < 1 it draws Gamma(k + 1) and multiplies by U^(1/k) (one more draw), which
 * has the Gamma(k) law.
 */
export class Gamma implements Distribution {
  /** Always `'gamma'`. */
  readonly kind = 'gamma';
  /** Shape k. */
  readonly shape: number;
  /** Scale θ. */
  readonly scale: number;
  /** k θ. */
  readonly mean: number;
  /** k θ². */
  readonly variance: number;
  private readonly constants: GammaConstants;
  /** 1 / k when k < 1 (the boost exponent), else 0. */
  private readonly boost: number;

  constructor(options: GammaOptions) {
    requireOptions('Gamma', options);
    this.shape = requirePositive('Gamma', 'shape', options.shape);
    this.scale = requirePositive('Gamma', 'scale', options.scale);
    this.mean = this.shape * this.scale;
    this.variance = this.shape * this.scale * this.scale;
    this.boost = this.shape < 1 ? 1 / this.shape : 0;
    this.constants = gammaConstants(this.shape < 1 ? this.shape + 1 : this.shape);
  }

  /** One sample, >= 0 (0 only by underflow, for very small shapes). */
  sample(rng: RandomStream): number {
    const g = sampleGamma(rng, this.constants);
    return this.boost === 0 ? this.scale * g : this.scale * g * rng.nextOpen() ** this.boost;
  }

  /** E.g. `gamma(shape=2, scale=1.5)`. */
  toString(): string {
    return `gamma(shape=${this.shape}, scale=${this.scale})`;
  }
}
