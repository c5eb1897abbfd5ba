import { confidenceInterval } from '../../engine/index.js';

/**
 * A figure over replications: the mean and the half-width of its 95% confidence interval (Student t;
 * null with one replication, for a pooled ratio, or where a replication's value is undefined).
 */
export interface Estimate {
  mean: number;
  halfWidth: number | null;
}

/**
 * Mean ± 95% t half-width of one value per replication. A value that is undefined in some replication
 * (`NaN`) makes the mean `NaN` and the half-width null: the figure is reported, as not defined.
 */
export function meanEstimate(values: readonly number[]): Estimate {
  if (values.length === 1 || !values.every(Number.isFinite)) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, halfWidth: null };
  }
  const ci = confidenceInterval(values);
  return { mean: ci.mean, halfWidth: ci.halfWidth };
}

/** Like {@link meanEstimate}, but null unless the value is defined (finite) in every replication. */
export function definedMeanEstimate(values: readonly number[]): Estimate | null {
  return values.every(Number.isFinite) ? meanEstimate(values) : null;
}

/**
 * Σ numerators / Σ denominators over replications, no CI (one ratio of sums, e.g. MTBF = Σ up time /
 * Σ failures); null when the denominators sum to 0.
 */
export function pooledRatioEstimate(pairs: readonly (readonly [number, number])[]): Estimate | null {
  let num = 0;
  let den = 0;
  for (const [n, d] of pairs) {
    num += n;
    den += d;
  }
  return den > 0 ? { mean: num / den, halfWidth: null } : null;
}
