import { requireFinite, requireLess, requireOptions } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Uniform}. */
export interface UniformOptions {
  /** Lower bound (inclusive), finite. */
  readonly min: number;
  /** Upper bound (exclusive), finite and > `min`. */
  readonly max: number;
}

/**
 * The continuous uniform distribution on [min, max]. One draw per sample. (The draw lies in [0, 1), but
 * `min + width · u` can round up to `max` when the width is tiny next to `min`, so the closed interval is
 * what is guaranteed.)
 */
export class Uniform implements Distribution {
  /** Always `'uniform'`. */
  readonly kind = 'uniform';
  /** Lower bound. */
  readonly min: number;
  /** Upper bound. */
  readonly max: number;
  /** (min + max) / 2. */
  readonly mean: number;
  /** (max − min)² / 12. */
  readonly variance: number;
  private readonly width: number;

  constructor(options: UniformOptions) {
    requireOptions('Uniform', options);
    this.min = requireFinite('Uniform', 'min', options.min);
    this.max = requireFinite('Uniform', 'max', options.max);
    requireLess('Uniform', 'min', this.min, 'max', this.max);
    this.width = this.max - this.min;
    this.mean = this.min + this.width / 2;
    this.variance = (this.width * this.width) / 12;
  }

  /** One sample in [min, max]. */
  sample(rng: RandomStream): number {
    return this.min + this.width * rng.next();
  }

  /** E.g. `uniform(min=1, max=3)`. */
  toString(): string {
    return `uniform(min=${this.min}, max=${this.max})`;
  }
}
