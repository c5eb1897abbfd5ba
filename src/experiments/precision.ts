import { confidenceInterval } from '../engine/index.js';

/**
 * Replications until a relative precision is reached: the sequential procedure of Law & Kelton
 * ("Simulation Modeling and Analysis", §9.4.1). After each replication, from `min` on, every chosen
 * figure's 95% half-width over its mean must be at most γ' = γ/(1 + γ) (the adjusted target, so that the
 * actual relative error |X̄ − μ|/|μ| is at most γ with about 95% confidence); replications are added one
 * at a time until all are, or `max` is reached.
 */

/** Options of {@link sequentialReplications}. */
export interface PrecisionOptions {
  /** Relative precision γ in (0, 1), e.g. 0.05 for 5 %. */
  readonly relative: number;
  /** Replications before the first check (≥ 2; default 5). */
  readonly min?: number;
  /** Cap (default 100). */
  readonly max?: number;
  /** Confidence level, default 0.95. */
  readonly level?: number;
  /**
   * Replications computed per call of `run` (they may run in parallel); the stopping rule is still
   * checked after each one in order, so the result does not depend on it. Default 1.
   */
  readonly chunk?: number;
}

/** One figure's state when the procedure stopped. */
export interface PrecisionFigure {
  readonly key: string;
  readonly mean: number;
  readonly halfWidth: number;
  /** halfWidth / |mean| (Infinity for a mean of 0 with spread). */
  readonly relativeHalfWidth: number;
  readonly met: boolean;
}

/** What {@link sequentialReplications} did. */
export interface PrecisionResult<T> {
  /** Replications used (the stopping point). */
  readonly replications: number;
  /** Every figure within the target at that point (false when the cap stopped it). */
  readonly met: boolean;
  /** The adjusted target γ/(1 + γ). */
  readonly target: number;
  readonly figures: readonly PrecisionFigure[];
  /** The replications' results, replication 0 first (exactly `replications` of them). */
  readonly results: readonly T[];
}

/**
 * Runs the procedure. `run(from, count)` computes replications from … from + count − 1 (replication r
 * uses seed `seed + r`, so the values never depend on how they were chunked); `values(result)` reads the
 * chosen figures of one replication (`null` for a figure undefined in that replication: it then counts
 * as not yet precise).
 * @throws RangeError for bad options.
 */
export async function sequentialReplications<T>(
  options: PrecisionOptions,
  run: (from: number, count: number) => Promise<readonly T[]>,
  values: (result: T) => Readonly<Record<string, number | null>>,
): Promise<PrecisionResult<T>> {
  const gamma = options.relative;
  const min = options.min ?? 5;
  const max = options.max ?? 100;
  const level = options.level ?? 0.95;
  const chunk = options.chunk ?? 1;
  if (!(gamma > 0 && gamma < 1)) throw new RangeError(`precision: relative must be in (0, 1) (got ${gamma})`);
  if (!(Number.isInteger(min) && min >= 2))
    throw new RangeError(`precision: min must be an integer >= 2 (got ${min})`);
  if (!(Number.isInteger(max) && max >= min))
    throw new RangeError(`precision: max must be an integer >= min (${min}) (got ${max})`);
  if (!(Number.isInteger(chunk) && chunk >= 1))
    throw new RangeError(`precision: chunk must be an integer >= 1 (got ${chunk})`);
  const target = gamma / (1 + gamma);
  const results: T[] = [...(await run(0, min))];
  let n = min;
  for (;;) {
    const figures = assess(results.slice(0, n), values, level, target);
    const met = figures.every((f) => f.met);
    if (met || n >= max) return { replications: n, met, target, figures, results: results.slice(0, n) };
    if (results.length <= n) {
      const count = Math.min(chunk, max - results.length);
      results.push(...(await run(results.length, count)));
    }
    n++;
  }
}

function assess<T>(
  results: readonly T[],
  values: (result: T) => Readonly<Record<string, number | null>>,
  level: number,
  target: number,
): PrecisionFigure[] {
  const rows = results.map(values);
  const keys = Object.keys(rows[0] ?? {});
  return keys.map((key) => {
    const xs = rows.map((r) => r[key]);
    if (!xs.every((v): v is number => typeof v === 'number' && Number.isFinite(v)))
      return { key, mean: Number.NaN, halfWidth: Number.NaN, relativeHalfWidth: Number.NaN, met: false };
    const ci = confidenceInterval(xs, level);
    const hw = ci.stdDev === 0 ? 0 : ci.halfWidth;
    const rel = hw === 0 ? 0 : hw / Math.abs(ci.mean);
    return { key, mean: ci.mean, halfWidth: hw, relativeHalfWidth: rel, met: rel <= target };
  });
}
