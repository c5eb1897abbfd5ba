import type { RandomStream } from './stream.js';

/**
 * A probability distribution of real numbers that draws its samples from a {@link RandomStream}.
 *
 * A distribution holds no random state: the same distribution object can serve several streams, and
 * a sample depends only on the stream's draws. Parameters are validated when it is built and never
 * change. Quantities have the unit of the values sampled (seconds for durations).
 */
export interface Distribution {
  /** Name of the family, e.g. `'exponential'`. */
  readonly kind: string;
  /** Theoretical mean of a sample (`NaN` where undefined). */
  readonly mean: number;
  /** Theoretical variance of a sample (`NaN` where undefined). */
  readonly variance: number;
  /** Draws one sample, advancing `rng` by one or more draws. */
  sample(rng: RandomStream): number;
  /** The family and its parameters, e.g. `'exponential(mean=2)'`. */
  toString(): string;
}
