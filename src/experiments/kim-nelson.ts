/**
 * Kim and Nelson's fully sequential ranking-and-selection procedure KN (Kim & Nelson 2001, "A fully
 * sequential procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)): select the
 * alternative with the largest mean, with probability at least 1 − α of a correct selection whenever the
 * best is at least δ better than the second (the indifference zone). It works with common random numbers:
 * it uses the variance of each pairwise difference, which CRN shrinks, so it needs fewer replications
 * with CRN, not more. (Rinott's two-stage procedure assumes independent alternatives.)
 *
 * Steps, with k alternatives and a first stage of n0 replications of each:
 * η = ½[(2α/(k−1))^(−2/(n0−1)) − 1], h² = 2η(n0 − 1); S²ᵢₗ = sample variance of Xᵢⱼ − Xₗⱼ over the first
 * stage. At r ≥ n0 replications, alternative i survives if X̄ᵢ(r) ≥ X̄ₗ(r) − Wᵢₗ(r) for every other
 * survivor l, Wᵢₗ(r) = max(0, δ/(2r)·(h²S²ᵢₗ/δ² − r)). Stop when one survives; otherwise one more
 * replication of each survivor. After max Nᵢₗ + 1 replications (Nᵢₗ = ⌊h²S²ᵢₗ/δ²⌋) every W is 0 and
 * the largest mean is taken.
 */

/** Options of {@link kimNelson}. */
export interface KimNelsonOptions {
  /** Number of alternatives, ≥ 2. */
  readonly k: number;
  /** First-stage replications per alternative, ≥ 2 (10 or more is advised). */
  readonly n0: number;
  /** Indifference zone δ > 0, in the unit of the figure: a difference smaller than δ does not matter. */
  readonly delta: number;
  /** 1 − the probability of correct selection, in (0, 1 − 1/k); default 0.05. */
  readonly alpha?: number;
  /** Select the largest mean (default) or the smallest. */
  readonly maximize?: boolean;
  /** Stop after this many replications of a survivor even if several remain (default: none). */
  readonly maxReplications?: number;
}

/** What {@link kimNelson} found. */
export interface KimNelsonResult {
  /** Index of the selected alternative; null when `maxReplications` stopped it with several survivors. */
  readonly selected: number | null;
  /** Alternatives still in contention at the end (just the selected one, unless stopped by the cap). */
  readonly survivors: readonly number[];
  /** Replications each alternative got (those eliminated early got fewer). */
  readonly replications: readonly number[];
  /** Sample mean of each alternative over its replications. */
  readonly means: readonly number[];
  /** The procedure's constant h² (dimensionless). */
  readonly h2: number;
  /** Largest replication count the procedure could need, max Nᵢₗ + 1. */
  readonly maxNeeded: number;
}

/** The constant h² of KN for k alternatives, n0 first-stage replications and error α. */
export function kimNelsonH2(k: number, n0: number, alpha: number): number {
  const eta = 0.5 * ((2 * alpha) / (k - 1)) ** (-2 / (n0 - 1)) - 0.5;
  return 2 * eta * (n0 - 1);
}

/**
 * Runs KN. `sample(r, alternatives)` returns replication r (from 0) of each listed alternative, in order;
 * it is called once for the first n0 replications of all (r = 0 … n0 − 1, as one call per r), then once
 * per further replication with the survivors only. Replication r of every alternative should use the same
 * seed (common random numbers).
 * @throws RangeError for bad options.
 */
export async function kimNelson(
  options: KimNelsonOptions,
  sample: (r: number, alternatives: readonly number[]) => Promise<readonly number[]>,
): Promise<KimNelsonResult> {
  const { k, n0, delta } = options;
  const alpha = options.alpha ?? 0.05;
  const sign = options.maximize === false ? -1 : 1;
  if (!(Number.isInteger(k) && k >= 2))
    throw new RangeError(`kimNelson: k must be an integer >= 2 (got ${k})`);
  if (!(Number.isInteger(n0) && n0 >= 2))
    throw new RangeError(`kimNelson: n0 must be an integer >= 2 (got ${n0})`);
  if (!(delta > 0 && Number.isFinite(delta)))
    throw new RangeError(`kimNelson: delta must be > 0 (got ${delta})`);
  if (!(alpha > 0 && alpha < 1 - 1 / k))
    throw new RangeError(`kimNelson: alpha must be in (0, 1 − 1/k) (got ${alpha})`);
  const cap = options.maxReplications ?? Number.POSITIVE_INFINITY;
  if (!(cap >= n0)) throw new RangeError(`kimNelson: maxReplications must be >= n0 (got ${cap})`);
  const all = Array.from({ length: k }, (_, i) => i);
  const x: number[][] = all.map(() => []);
  for (let r = 0; r < n0; r++) {
    const values = await sample(r, all);
    for (const i of all) x[i]!.push(sign * values[i]!);
  }
  const h2 = kimNelsonH2(k, n0, alpha);
  const s2: number[][] = all.map(() => new Array<number>(k).fill(0));
  let maxN = 0;
  for (let i = 0; i < k; i++) {
    for (let l = i + 1; l < k; l++) {
      const d = x[i]!.map((v, j) => v - x[l]![j]!);
      const m = d.reduce((a, b) => a + b, 0) / n0;
      const v = d.reduce((a, b) => a + (b - m) ** 2, 0) / (n0 - 1);
      s2[i]![l] = v;
      s2[l]![i] = v;
      maxN = Math.max(maxN, Math.floor((h2 * v) / (delta * delta)));
    }
  }
  const sums = x.map((xs) => xs.reduce((a, b) => a + b, 0));
  const counts = all.map(() => n0);
  let survivors = all;
  let r = n0;
  for (;;) {
    const mean = (i: number) => sums[i]! / r;
    if (r > maxN) {
      // Every W is 0 now: the largest mean wins.
      const best = survivors.reduce((b, i) => (mean(i) > mean(b) ? i : b), survivors[0]!);
      survivors = [best];
      break;
    }
    const old = survivors;
    survivors = old.filter((i) =>
      old.every((l) => {
        if (l === i) return true;
        const w = Math.max(0, (delta / (2 * r)) * ((h2 * s2[i]![l]!) / (delta * delta) - r));
        return mean(i) >= mean(l) - w;
      }),
    );
    if (survivors.length <= 1 || r >= cap) break;
    const values = await sample(r, survivors);
    survivors.forEach((i, j) => {
      sums[i] = sums[i]! + sign * values[j]!;
      counts[i] = r + 1;
    });
    r++;
  }
  return {
    selected: survivors.length === 1 ? survivors[0]! : null,
    survivors,
    replications: counts,
    means: all.map((i) => (sign * sums[i]!) / counts[i]!),
    h2,
    maxNeeded: maxN + 1,
  };
}
