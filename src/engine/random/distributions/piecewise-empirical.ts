import { InvalidArgumentError, show } from '../../errors.js';
import { requireNonEmptyArray, requireOptions } from '../_internal/validate.js';
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/** Options of {@link PiecewiseEmpirical}. */
export interface PiecewiseEmpiricalOptions {
  /** Observed values (e.g. measured durations in seconds), finite, at least two, in any order. */
  readonly samples: readonly number[];
}

/**
 * The continuous empirical distribution of a set of observations (Law & Kelton): with the samples
 * sorted, x₍₁₎ <= … <= x₍ₙ₎, the CDF rises linearly from (i − 1)/(n − 1) at x₍ᵢ₎ to i/(n − 1) at x₍ᵢ₊₁₎.
 * Samples therefore lie in [x₍₁₎, x₍ₙ₎], each of the n − 1 gaps being chosen with probability
 * 1/(n − 1) and filled uniformly. One draw per sample (inverse CDF).
 */
export class PiecewiseEmpirical implements Distribution {
  /** Always `'piecewise-empirical'`. */
  readonly kind = 'piecewise-empirical';
  /** The observations, sorted ascending (a copy). */
  readonly samples: readonly number[];
  /** Average over the gaps of their midpoints. */
  readonly mean: number;
  /** Average over the gaps of E[(X − mean)²] for X uniform on the gap. */
  readonly variance: number;
  private readonly sorted: Float64Array;
  private readonly gaps: number;

  constructor(options: PiecewiseEmpiricalOptions) {
    requireOptions('PiecewiseEmpirical', options);
    const samples = requireNonEmptyArray<number>('PiecewiseEmpirical', 'samples', options.samples);
    if (samples.length < 2) {
      throw new InvalidArgumentError(
        `PiecewiseEmpirical: samples must hold at least 2 values (got ${samples.length}: ${show(samples)})`,
      );
    }
    this.sorted = new Float64Array(samples.length);
    samples.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(
          `PiecewiseEmpirical: samples[${i}] must be a finite number (got ${show(v)})`,
        );
      }
      this.sorted[i] = v;
    });
    this.sorted.sort();
    this.gaps = samples.length - 1;
    this.samples = Object.freeze(Array.from(this.sorted));
    let mean = 0;
    for (let i = 0; i < this.gaps; i++) mean += (this.sorted[i]! + this.sorted[i + 1]!) / 2;
    mean /= this.gaps;
    let variance = 0;
    for (let i = 0; i < this.gaps; i++) {
      const a = this.sorted[i]! - mean;
      const b = this.sorted[i + 1]! - mean;
      variance += (a * a + a * b + b * b) / 3;
    }
    this.mean = mean;
    this.variance = variance / this.gaps;
  }

  /** One sample in [smallest, largest observation]. */
  sample(rng: RandomStream): number {
    const position = rng.next() * this.gaps;
    const i = Math.floor(position);
    const lo = this.sorted[i]!;
    return lo + (position - i) * (this.sorted[i + 1]! - lo);
  }

  /** E.g. `piecewise-empirical(n=50, min=1, max=9)`. */
  toString(): string {
    return `piecewise-empirical(n=${this.sorted.length}, min=${this.sorted[0]}, max=${this.sorted[this.gaps]})`;
  }
}
