import { InvalidArgumentError, show } from '../../errors.js';
import { requireNonEmptyArray, requireOptions } from '../_internal/validate.js';
import { runningSums, validWeights, weightedIndex, weightedMoments } from '../_internal/weighted-index.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Empirical}. */
export interface EmpiricalOptions {
  /** The values a sample can take, finite numbers (at least one; repeats allowed). */
  readonly values: readonly number[];
  /** Relative weight of each value, finite and >= 0, with a sum > 0. Default: all equal. */
  readonly weights?: readonly number[];
}

/**
 * A discrete distribution over a finite list of values, each drawn with probability proportional
 * to its weight. One draw per sample (binary search in the running sums of the weights).
 */
export class Empirical implements Distribution {
  /** Always `'empirical'`. */
  readonly kind = 'empirical';
  /** The values (a copy). */
  readonly values: readonly number[];
  /** The weights (a copy; all 1 when none were given). */
  readonly weights: readonly number[];
  /** Σ pᵢ xᵢ with pᵢ = wᵢ / Σw. */
  readonly mean: number;
  /** Σ pᵢ (xᵢ − mean)². */
  readonly variance: number;
  private readonly table: Float64Array;
  private readonly sums: Float64Array;

  constructor(options: EmpiricalOptions) {
    requireOptions('Empirical', options);
    const values = requireNonEmptyArray<number>('Empirical', 'values', options.values);
    this.table = new Float64Array(values.length);
    values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(`Empirical: values[${i}] must be a finite number (got ${show(v)})`);
      }
      this.table[i] = v;
    });
    const weights = validWeights('Empirical', options.weights, values.length);
    this.sums = runningSums(weights);
    this.values = Object.freeze(Array.from(this.table));
    this.weights = Object.freeze(Array.from(weights));
    [this.mean, this.variance] = weightedMoments(this.table, weights);
  }

  /** One of the values. */
  sample(rng: RandomStream): number {
    return this.table[weightedIndex(this.sums, rng.next())]!;
  }

  /** E.g. `empirical(n=3, mean=2)`. */
  toString(): string {
    return `empirical(n=${this.table.length}, mean=${this.mean})`;
  }
}
