import { type GammaConstants, gammaConstants, sampleGamma } from '../_internal/sample-gamma.js';
import { requireOptions, requirePositive, requirePositiveInteger } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Above this many phases a sample is drawn as one gamma variate instead of k exponentials. */
const MAX_PRODUCT_PHASES = 30;

/** Options of {@link Erlang}. */
export interface ErlangOptions {
  /** Number of exponential phases, an integer >= 1. */
  readonly k: number;
  /** Mean of the sum of the k phases (e.g. seconds), finite and > 0; each phase has mean `mean / k`. */
  readonly mean: number;
}

/**
 * The Erlang distribution: the sum of `k` independent exponential phases of mean `mean / k`.
 *
 * For k <= 30 a sample is `−(mean/k) · ln(U₁ ⋯ U_k)` (k draws, one logarithm; 30 factors >= 2^-33
 * cannot underflow). For larger k it is drawn as Gamma(k, mean/k) by Marsaglia–Tsang (about two
 * draws), which is the same law.
 */
export class Erlang implements Distribution {
  /** Always `'erlang'`. */
  readonly kind = 'erlang';
  /** Number of phases. */
  readonly k: number;
  /** Mean of the sum. */
  readonly mean: number;
  /** mean² / k. */
  readonly variance: number;
  private readonly phaseMean: number;
  private readonly constants: GammaConstants | undefined;

  constructor(options: ErlangOptions) {
    requireOptions('Erlang', options);
    this.k = requirePositiveInteger('Erlang', 'k', options.k);
    this.mean = requirePositive('Erlang', 'mean', options.mean);
    this.phaseMean = this.mean / this.k;
    this.variance = (this.mean * this.mean) / this.k;
    this.constants = this.k > MAX_PRODUCT_PHASES ? gammaConstants(this.k) : undefined;
  }

  /** One sample, > 0. */
  sample(rng: RandomStream): number {
    if (this.constants !== undefined) return this.phaseMean * sampleGamma(rng, this.constants);
    let product = rng.nextOpen();
    for (let i = 1; i < this.k; i++) product *= rng.nextOpen();
    return -this.phaseMean * Math.log(product);
  }

  /** E.g. `erlang(k=3, mean=6)`. */
  toString(): string {
    return `erlang(k=${this.k}, mean=${this.mean})`;
  }
}
