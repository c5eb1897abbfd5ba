import { InvalidArgumentError } from '../../errors.js';
import { requireFinite, requireLess, requireOptions } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Triangular}. */
export interface TriangularOptions {
  /** Smallest value, finite. */
  readonly min: number;
  /** Most likely value, `min <= mode <= max`. */
  readonly mode: number;
  /** Largest value, finite and > `min`. */
  readonly max: number;
}

/** The triangular distribution on [min, max] with its peak at `mode`. Inverse CDF, one draw per sample. */
export class Triangular implements Distribution {
  /** Always `'triangular'`. */
  readonly kind = 'triangular';
  /** Smallest value. */
  readonly min: number;
  /** Most likely value. */
  readonly mode: number;
  /** Largest value. */
  readonly max: number;
  /** (min + mode + max) / 3. */
  readonly mean: number;
  /** (min² + mode² + max² − min·mode − min·max − mode·max) / 18. */
  readonly variance: number;
  /** CDF at the mode. */
  private readonly split: number;
  private readonly left: number;
  private readonly right: number;

  constructor(options: TriangularOptions) {
    requireOptions('Triangular', options);
    const min = requireFinite('Triangular', 'min', options.min);
    const mode = requireFinite('Triangular', 'mode', options.mode);
    const max = requireFinite('Triangular', 'max', options.max);
    requireLess('Triangular', 'min', min, 'max', max);
    if (mode < min || mode > max) {
      throw new InvalidArgumentError(
        `Triangular: mode must lie in [min, max] (got min=${min}, mode=${mode}, max=${max})`,
      );
    }
    this.min = min;
    this.mode = mode;
    this.max = max;
    const width = max - min;
    this.split = (mode - min) / width;
    this.left = width * (mode - min);
    this.right = width * (max - mode);
    this.mean = (min + mode + max) / 3;
    // Centred form of the variance formula (the same quantity, without cancellation far from 0).
    const a = min - this.mean;
    const b = mode - this.mean;
    const c = max - this.mean;
    this.variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }

  /** One sample in [min, max]. */
  sample(rng: RandomStream): number {
    const u = rng.next();
    const x =
      u < this.split ? this.min + Math.sqrt(u * this.left) : this.max - Math.sqrt((1 - u) * this.right);
    // Rounding can step a hair outside [min, max]; clamp so the support holds exactly.
    return Math.min(Math.max(x, this.min), this.max);
  }

  /** E.g. `triangular(min=1, mode=2, max=4)`. */
  toString(): string {
    return `triangular(min=${this.min}, mode=${this.mode}, max=${this.max})`;
  }
}
