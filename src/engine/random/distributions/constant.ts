import { requireFinite, requireOptions } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Constant}. */
export interface ConstantOptions {
  /** The value every sample takes (unit of the quantity, e.g. seconds). */
  readonly value: number;
}

/** A degenerate distribution: every sample is `value`. Sampling uses no draw. */
export class Constant implements Distribution {
  /** Always `'constant'`. */
  readonly kind = 'constant';
  /** The value every sample takes. */
  readonly value: number;
  /** Equals `value`. */
  readonly mean: number;
  /** Always 0. */
  readonly variance = 0;

  constructor(options: ConstantOptions) {
    requireOptions('Constant', options);
    this.value = requireFinite('Constant', 'value', options.value);
    this.mean = this.value;
  }

  /** Returns `value`; `rng` is not advanced. */
  sample(_rng: RandomStream): number {
    return this.value;
  }

  /** E.g. `constant(value=5)`. */
  toString(): string {
    return `constant(value=${this.value})`;
  }
}
