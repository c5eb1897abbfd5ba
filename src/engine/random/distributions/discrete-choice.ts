import { requireNonEmptyArray, requireOptions } from '../_internal/validate.js';
import { runningSums, validWeights, weightedIndex, weightedMoments } from '../_internal/weighted-index.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link DiscreteChoice}. */
export interface DiscreteChoiceOptions<T> {
  /** The items to choose among (at least one). */
  readonly items: readonly T[];
  /** Relative weight of each item, finite and >= 0, with a sum > 0. Default: all equal. */
  readonly weights?: readonly number[];
}

/**
 * A weighted choice among items of any type (routes, part types, recipes): item i comes out with
 * probability wᵢ / Σw. {@link DiscreteChoice.sample} returns the chosen index and
 * {@link DiscreteChoice.pick} the item; both use one draw.
 *
 * `mean` and `variance` describe the picked item when every item is a finite number, and are `NaN`
 * otherwise (they do not describe the index that `sample` returns).
 */
export class DiscreteChoice<T> implements Distribution {
  /** Always `'discrete-choice'`. */
  readonly kind = 'discrete-choice';
  /** The items (a copy of the array). */
  readonly items: readonly T[];
  /** The weights (a copy; all 1 when none were given). */
  readonly weights: readonly number[];
  /** Weighted mean of the items if they are all finite numbers, else `NaN`. */
  readonly mean: number;
  /** Weighted variance of the items if they are all finite numbers, else `NaN`. */
  readonly variance: number;
  private readonly sums: Float64Array;

  constructor(options: DiscreteChoiceOptions<T>) {
    requireOptions('DiscreteChoice', options);
    this.items = Object.freeze([...requireNonEmptyArray<T>('DiscreteChoice', 'items', options.items)]);
    const weights = validWeights('DiscreteChoice', options.weights, this.items.length);
    this.sums = runningSums(weights);
    this.weights = Object.freeze(Array.from(weights));
    const numeric = this.items.every((item) => typeof item === 'number' && Number.isFinite(item));
    [this.mean, this.variance] = numeric
      ? weightedMoments(this.items as readonly number[], weights)
      : [Number.NaN, Number.NaN];
  }

  /** The index of the chosen item, in [0, items.length). */
  sample(rng: RandomStream): number {
    return weightedIndex(this.sums, rng.next());
  }

  /** The chosen item. Uses the same draw as {@link DiscreteChoice.sample}: `items[sample(rng)]`. */
  pick(rng: RandomStream): T {
    return this.items[weightedIndex(this.sums, rng.next())]!;
  }

  /** E.g. `discrete-choice(n=3)`. */
  toString(): string {
    return `discrete-choice(n=${this.items.length})`;
  }
}
