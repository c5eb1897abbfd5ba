import { requireOptions, requireProbability } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link Bernoulli}. */
export interface BernoulliOptions {
  /** Probability of a 1 (e.g. of a part being scrapped), in [0, 1]. */
  readonly p: number;
}

/** The Bernoulli distribution: 1 with probability p, else 0. One draw per sample. */
export class Bernoulli implements Distribution {
  /** Always `'bernoulli'`. */
  readonly kind = 'bernoulli';
  /** Probability of a 1. */
  readonly p: number;
  /** p. */
  readonly mean: number;
  /** p (1 − p). */
  readonly variance: number;

  constructor(options: BernoulliOptions) {
    requireOptions('Bernoulli', options);
    this.p = requireProbability('Bernoulli', 'p', options.p);
    this.mean = this.p;
    this.variance = this.p * (1 - this.p);
  }

  /** 1 with probability p, else 0 (p = 0 never gives 1, p = 1 always does). */
  sample(rng: RandomStream): number {
    return rng.next() < this.p ? 1 : 0;
  }

  /** E.g. `bernoulli(p=0.1)`. */
  toString(): string {
    return `bernoulli(p=${this.p})`;
  }
}
