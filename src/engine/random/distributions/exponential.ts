import { requireOptions, requirePositive } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Exponential}. */
export interface ExponentialOptions {
  /** Mean (e.g. mean time between arrivals in seconds), finite and > 0. The rate is 1 / mean. */
  readonly mean: number;
}

/**
 * The exponential distribution, by inverse transform: `−mean · ln U`, U uniform on (0, 1).
 * One draw per sample; samples lie in (0, ≈ 22.9 · mean] (U >= 2^-33).
 */
export class Exponential implements Distribution {
  /** Always `'exponential'`. */
  readonly kind = 'exponential';
  /** Mean, the reciprocal of the rate. */
  readonly mean: number;
  /** mean². */
  readonly variance: number;

  constructor(options: ExponentialOptions) {
    requireOptions('Exponential', options);
    this.mean = requirePositive('Exponential', 'mean', options.mean);
    this.variance = this.mean * this.mean;
  }

  /** One sample, > 0. */
  sample(rng: RandomStream): number {
    // NOTE: kept to one expression: this is the kernel benchmark's hot path, for speed.
    return -this.mean * Math.log(rng.nextOpen());
  }

  /** E.g. `exponential(mean=2)`. */
  toString(): string {
    return `exponential(mean=${this.mean})`;
  }
}
