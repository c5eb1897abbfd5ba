import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { confidenceInterval } from '../engine/index.js';

/**
 * A confidence interval for the difference of two alternatives' means, `b − a`, in the unit of the
 * figure (e.g. parts/h for a throughput).
 */
export interface DifferenceInterval {
  /** Mean difference `b − a`. */
  readonly mean: number;
  /** Half-width of the interval (NaN when it is undefined: fewer than two pairs, or no spread at all in Welch's). */
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
  /** Pairs (paired) or the smaller sample (Welch). */
  readonly n: number;
  /** Degrees of freedom of the t quantile used. */
  readonly df: number;
  /** The interval excludes 0: the difference is significant at the interval's level. */
  readonly significant: boolean;
}

function interval(mean: number, halfWidth: number, n: number, df: number): DifferenceInterval {
  const lower = mean - halfWidth;
  const upper = mean + halfWidth;
  return { mean, halfWidth, lower, upper, n, df, significant: lower > 0 || upper < 0 };
}

/**
 * Paired-t confidence interval for `b − a` from replications run in pairs (replication r of both on the
 * same seed, common random numbers): the Student-t interval of the differences `b[r] − a[r]`. Positive
 * correlation between the pairs, which common random numbers create, narrows it.
 * @param level - confidence level in (0, 1), default 0.95.
 * @throws RangeError when the samples differ in length or hold fewer than two pairs.
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): DifferenceInterval {
  if (a.length !== b.length)
    throw new RangeError(`pairedDifference: samples must pair up (got ${a.length} and ${b.length} values)`);
  if (a.length < 2) throw new RangeError(`pairedDifference: needs at least 2 pairs (got ${a.length})`);
  const ci = confidenceInterval(
    a.map((x, i) => b[i]! - x),
    level,
  );
  // Identical samples: the difference is exactly 0, an interval of width 0.
  const hw = ci.stdDev === 0 ? 0 : ci.halfWidth;
  return interval(ci.mean, hw, a.length, a.length - 1);
}

/**
 * Welch's confidence interval for `b − a` from independent samples (different seeds): what one would
 * get without common random numbers. Degrees of freedom by the Welch–Satterthwaite formula.
 * @throws RangeError when a sample holds fewer than two values.
 */
export function welchDifference(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): DifferenceInterval {
  if (a.length < 2 || b.length < 2)
    throw new RangeError(
      `welchDifference: needs at least 2 values per sample (got ${a.length} and ${b.length})`,
    );
  const ca = confidenceInterval(a, level);
  const cb = confidenceInterval(b, level);
  const va = (ca.stdDev * ca.stdDev) / a.length;
  const vb = (cb.stdDev * cb.stdDev) / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const hw = se === 0 ? 0 : tQuantile(0.5 + level / 2, df) * se;
  return interval(cb.mean - ca.mean, hw, Math.min(a.length, b.length), df);
}
