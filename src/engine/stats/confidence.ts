/**
 * Student-t confidence interval for the mean of independent observations (typically one KPI value
 * per replication).
 */

import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { InvalidArgumentError, show } from '../errors.js';

/**
 * A two-sided confidence interval for a mean, `mean ± halfWidth`. All quantities are in the unit of
 * the observations (e.g. seconds for a cycle time).
 */
export interface ConfidenceInterval {
  /** Sample mean of the observations. */
  readonly mean: number;
  /**
   * Half-width `t_{(1+level)/2, n−1} · stdDev / √n`. `NaN` when `n = 1`: one observation says nothing
   * about the spread, so the interval is undefined (see {@link confidenceInterval}).
   */
  readonly halfWidth: number;
  /** `mean − halfWidth`. */
  readonly lower: number;
  /** `mean + halfWidth`. */
  readonly upper: number;
  /** Number of observations. */
  readonly n: number;
  /** Sample standard deviation (divisor `n − 1`); `NaN` when `n = 1`. */
  readonly stdDev: number;
  /** Confidence level in (0, 1), e.g. `0.95`. */
  readonly level: number;
}

/**
 * Student-t confidence interval for the mean of `values`, assumed independent and approximately
 * normal (e.g. one value per replication, or batch means): `mean ± t_{(1+level)/2, n−1} · s / √n`
 * with `s` the sample standard deviation (divisor `n − 1`).
 *
 * With a single value the half-width, `stdDev`, `lower` and `upper` are `NaN` rather than
 * `Infinity`: the interval is undefined (0 degrees of freedom), and `NaN` makes a check such as
 * `lower <= x && x <= upper` fail instead of passing vacuously. A stopping rule should therefore be
 * written `!(ci.halfWidth <= target)` ("not yet precise enough") so that it keeps going at `n = 1`.
 *
 * @param values - the observations; at least one, every one a finite number.
 * @param level - confidence level in (0, 1), default `0.95`.
 * @throws InvalidArgumentError when `values` is empty, holds a non-finite number, or `level` is not in (0, 1).
 */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1)) {
    throw new InvalidArgumentError(`confidenceInterval: level must be in (0, 1) (got ${show(level)})`);
  }
  const n = values.length;
  if (n === 0) {
    throw new InvalidArgumentError('confidenceInterval: needs at least one value (got an empty array)');
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) {
      throw new InvalidArgumentError(
        `confidenceInterval: values must be finite numbers (got ${show(x)} at index ${i})`,
      );
    }
    sum += x;
  }
  const mean = sum / n;
  if (n === 1) {
    return {
      mean,
      halfWidth: Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      n,
      stdDev: Number.NaN,
      level,
    };
  }
  // Two-pass variance: exact data are available, so avoid the cancellation of sum-of-squares.
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  const stdDev = Math.sqrt(ss / (n - 1));
  const halfWidth = tQuantile(0.5 + level / 2, n - 1) * (stdDev / Math.sqrt(n));
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, n, stdDev, level };
}
