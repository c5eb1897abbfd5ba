import { InvalidArgumentError } from '../../errors.js';
import { type GammaConstants, gammaConstants, sampleGamma } from '../_internal/sample-gamma.js';
import { requireFinite, requireLess, requireOptions } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Pert}. */
export interface PertOptions {
  /** Smallest value (optimistic estimate), finite. */
  readonly min: number;
  /** Most likely value, `min <= mode <= max`. */
  readonly mode: number;
  /** Largest value (pessimistic estimate), finite and > `min`. */
  readonly max: number;
}

/**
 * The beta-PERT distribution on [min, max] (λ = 4): `min + (max − min) · B`, B ~ Beta(α, β) with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min). B = G₁/(G₁ + G₂) from two gamma
 * draws (about four uniforms per sample). Mean (min + 4·mode + max)/6.
 */
export class Pert implements Distribution {
  /** Always `'pert'`. */
  readonly kind = 'pert';
  /** Smallest value. */
  readonly min: number;
  /** Most likely value. */
  readonly mode: number;
  /** Largest value. */
  readonly max: number;
  /** (min + 4·mode + max) / 6. */
  readonly mean: number;
  /** αβ(max − min)² / ((α + β)²(α + β + 1)) = αβ(max − min)² / 252. */
  readonly variance: number;
  private readonly alpha: GammaConstants;
  private readonly beta: GammaConstants;

  constructor(options: PertOptions) {
    requireOptions('Pert', options);
    const min = requireFinite('Pert', 'min', options.min);
    const mode = requireFinite('Pert', 'mode', options.mode);
    const max = requireFinite('Pert', 'max', options.max);
    requireLess('Pert', 'min', min, 'max', max);
    if (mode < min || mode > max) {
      throw new InvalidArgumentError(
        `Pert: mode must lie in [min, max] (got min=${min}, mode=${mode}, max=${max})`,
      );
    }
    this.min = min;
    this.mode = mode;
    this.max = max;
    const width = max - min;
    const a = 1 + (4 * (mode - min)) / width;
    const b = 1 + (4 * (max - mode)) / width;
    this.alpha = gammaConstants(a);
    this.beta = gammaConstants(b);
    this.mean = min + (width * a) / (a + b);
    this.variance = (a * b * width * width) / ((a + b) * (a + b) * (a + b + 1));
  }

  /** One sample in [min, max]. */
  sample(rng: RandomStream): number {
    const x = sampleGamma(rng, this.alpha);
    const y = sampleGamma(rng, this.beta);
    const v = this.min + ((this.max - this.min) * x) / (x + y);
    return Math.min(v, this.max);
  }

  /** E.g. `pert(min=1, mode=2, max=6)`. */
  toString(): string {
    return `pert(min=${this.min}, mode=${this.mode}, max=${this.max})`;
  }
}
