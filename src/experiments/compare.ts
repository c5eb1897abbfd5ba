import { confidenceInterval } from '../engine/index.js';
import { type KimNelsonResult, kimNelson } from './kim-nelson.js';
import type { Override } from './overrides.js';
import { type DifferenceInterval, pairedDifference, welchDifference } from './paired.js';
import {
  type FigureValues,
  type ReplicationOutcome,
  type ReplicationRunner,
  runReplication,
} from './replication.js';

/** One alternative of a comparison: a scenario file and the overrides that make it different. */
export interface Alternative {
  /** Its name in the report (the file name, or the settings that define it). */
  readonly name: string;
  readonly file: string;
  readonly overrides: readonly Override[];
  /**
   * `kind=file.onnx` texts: a trained policy takes those decisions (see `ReplicationTask.policies`);
   * it runs on the same seeds as every other alternative.
   */
  readonly policies?: readonly string[];
}

/** A figure and whether more is better (for "best" and the selection). */
export interface Objective {
  /** Figure key, e.g. `kpis.throughputPerHour`. */
  readonly key: string;
  readonly maximize: boolean;
}

/** Options of {@link compareAlternatives}. */
export interface CompareOptions {
  /** Replications of each alternative (≥ 2; the first stage of the selection procedure too). */
  readonly replications: number;
  /** Master seed: replication r of every alternative uses seed + r. */
  readonly seed: number;
  /** Horizon and warm-up, s (default each scenario's). */
  readonly horizonS?: number;
  readonly warmupS?: number;
  /** Figures to report (default every `kpis.*` figure defined in every replication). */
  readonly kpis?: readonly string[];
  /** Objective for `baseline: 'best'` and for the selection (default throughput, more is better). */
  readonly objective?: Objective;
  /** Differences are taken to the first alternative (default) or to the best by the objective. */
  readonly baseline?: 'first' | 'best';
  /**
   * Indifference zone δ of the selection, in the objective's unit; with more than two alternatives and δ
   * given, Kim–Nelson's procedure selects the best (it may add replications).
   */
  readonly delta?: number;
  /** 1 − probability of correct selection (default 0.05). */
  readonly alpha?: number;
  /** Cap on replications per alternative in the selection (default 200). */
  readonly maxReplications?: number;
  /**
   * Common random numbers (default true). `false` gives alternative i the seeds seed + r + i·1,000,003:
   * independent runs, for showing what CRN buys; differences are then Welch intervals.
   */
  readonly crn?: boolean;
  /** Runs one replication (default: in this thread). */
  readonly runner?: ReplicationRunner;
  /** Called after each replication with how many are done of the first stage. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A figure of one alternative: mean and 95% CI half-width over its replications. */
export interface CompareEstimate {
  readonly mean: number;
  /** Null with fewer than two values. */
  readonly halfWidth: number | null;
}

/** What {@link compareAlternatives} found. */
export interface CompareResult {
  /** `"paired-t (common random numbers)"` or `"Welch (independent seeds)"`. */
  readonly method: string;
  readonly seed: number;
  readonly replications: number;
  readonly kpis: readonly string[];
  readonly objective: Objective;
  /** Index of the alternative the differences are taken to. */
  readonly baseline: number;
  readonly alternatives: readonly {
    readonly name: string;
    readonly overrides: readonly Override[];
    /** The trained policies it runs (`kind=file.onnx`), empty for none. */
    readonly policies: readonly string[];
    readonly file: string;
    readonly estimates: Readonly<Record<string, CompareEstimate>>;
    /** The objective's value in each replication (the paired samples). */
    readonly samples: Readonly<Record<string, readonly number[]>>;
  }[];
  /** For each alternative other than the baseline and each figure: the difference alternative − baseline. */
  readonly differences: readonly {
    readonly alternative: number;
    readonly key: string;
    readonly interval: DifferenceInterval;
  }[];
  /** The ranking-and-selection statement (with more than two alternatives and a δ). */
  readonly selection: SelectionStatement | null;
}

/** The selection procedure's outcome, in words and numbers. */
export interface SelectionStatement {
  readonly procedure: string;
  readonly delta: number;
  readonly alpha: number;
  readonly result: KimNelsonResult;
  /** One sentence for the report. */
  readonly statement: string;
}

/** Seed offset between alternatives without common random numbers (a prime, far from any replication count). */
const INDEPENDENT_OFFSET = 1_000_003;

/**
 * Runs every alternative on the same replication seeds (common random numbers: the same named random
 * streams draw the same arrivals and failures wherever the alternatives do not differ) and compares
 * them: each figure per alternative with its CI, the paired difference to the baseline with its paired-t
 * 95% CI and significance, and with more than two alternatives and a δ, Kim–Nelson's selection.
 * @throws RangeError for fewer than two alternatives or replications; OverrideError for a variant that does not load.
 */
export async function compareAlternatives(
  alternatives: readonly Alternative[],
  options: CompareOptions,
): Promise<CompareResult> {
  const k = alternatives.length;
  if (k < 2) throw new RangeError(`compare: needs at least 2 alternatives (got ${k})`);
  const n = options.replications;
  if (!(Number.isInteger(n) && n >= 2))
    throw new RangeError(`compare: replications must be an integer >= 2 (got ${n})`);
  const crn = options.crn ?? true;
  const runner = options.runner ?? runReplication;
  const objective = options.objective ?? { key: 'kpis.throughputPerHour', maximize: true };
  const seedOf = (alt: number, r: number) => options.seed + r + (crn ? 0 : alt * INDEPENDENT_OFFSET);
  const run = (alt: number, r: number): Promise<ReplicationOutcome> => {
    const a = alternatives[alt]!;
    return runner({
      file: a.file,
      overrides: a.overrides,
      ...(a.policies !== undefined && a.policies.length > 0 ? { policies: a.policies } : {}),
      seed: seedOf(alt, r),
      horizonS: options.horizonS,
      warmupS: options.warmupS,
    });
  };
  let done = 0;
  const total = n * k;
  const outcomes: ReplicationOutcome[][] = await Promise.all(
    alternatives.map((_, alt) =>
      Promise.all(
        Array.from({ length: n }, (_, r) =>
          run(alt, r).then((o) => {
            options.onProgress?.(++done, total);
            return o;
          }),
        ),
      ),
    ),
  );
  const defined = (key: string) =>
    outcomes.every((reps) => reps.every((o) => typeof o.values[key] === 'number'));
  const allKeys = Object.keys(outcomes[0]![0]!.values);
  const kpis = options.kpis ?? allKeys.filter((key) => key.startsWith('kpis.') && defined(key));
  for (const key of [...kpis, objective.key]) {
    if (!allKeys.includes(key)) {
      throw new RangeError(`compare: unknown figure "${key}" (e.g. ${allKeys.slice(0, 6).join(', ')}, …)`);
    }
  }
  const sample = (alt: number, key: string): number[] =>
    outcomes[alt]!.map((o) => o.values[key]).filter((v): v is number => typeof v === 'number');
  const estimate = (xs: number[]): CompareEstimate => {
    if (xs.length === 0) return { mean: Number.NaN, halfWidth: null };
    const ci = confidenceInterval(xs);
    return { mean: ci.mean, halfWidth: xs.length < 2 ? null : ci.stdDev === 0 ? 0 : ci.halfWidth };
  };
  const keys = [...new Set([...kpis, objective.key])];
  const rows = alternatives.map((a, alt) => ({
    name: a.name,
    file: a.file,
    overrides: a.overrides,
    policies: a.policies ?? [],
    estimates: Object.fromEntries(keys.map((key) => [key, estimate(sample(alt, key))])),
    samples: Object.fromEntries(keys.map((key) => [key, sample(alt, key)])),
  }));
  const sign = objective.maximize ? 1 : -1;
  const baseline =
    options.baseline === 'best'
      ? rows.reduce(
          (b, row, i) =>
            sign * row.estimates[objective.key]!.mean > sign * rows[b]!.estimates[objective.key]!.mean
              ? i
              : b,
          0,
        )
      : 0;
  const differences: CompareResult['differences'][number][] = [];
  for (let alt = 0; alt < k; alt++) {
    if (alt === baseline) continue;
    for (const key of keys) {
      const a = sample(baseline, key);
      const b = sample(alt, key);
      if (a.length !== n || b.length !== n) continue;
      differences.push({
        alternative: alt,
        key,
        interval: crn ? pairedDifference(a, b) : welchDifference(a, b),
      });
    }
  }
  let selection: SelectionStatement | null = null;
  if (k > 2 && options.delta !== undefined) {
    const alpha = options.alpha ?? 0.05;
    const objectiveKey = objective.key;
    const result = await kimNelson(
      {
        k,
        n0: n,
        delta: options.delta,
        alpha,
        maximize: objective.maximize,
        maxReplications: options.maxReplications ?? 200,
      },
      async (r, alts) => {
        if (r < n) return alts.map((alt) => outcomes[alt]![r]!.values[objectiveKey] ?? Number.NaN);
        const values = await Promise.all(alts.map((alt) => run(alt, r)));
        return values.map((o) => o.values[objectiveKey] ?? Number.NaN);
      },
    );
    const procedure = `Kim–Nelson KN fully sequential indifference-zone selection (valid with common random numbers), P(correct selection) ≥ ${1 - alpha} when the best is at least δ = ${options.delta} better`;
    const what = `${objective.maximize ? 'largest' : 'smallest'} ${objectiveKey}`;
    const statement =
      result.selected !== null
        ? `With ${((1 - alpha) * 100).toFixed(0)} % confidence, "${alternatives[result.selected]!.name}" has the ${what}, or is within δ = ${options.delta} of it (replications used: ${result.replications.join(', ')}).`
        : `No single best within ${options.maxReplications ?? 200} replications: still in contention ${result.survivors.map((i) => `"${alternatives[i]!.name}"`).join(', ')} after ${Math.max(...result.replications)} replications each (their differences are below what δ = ${options.delta} can resolve at this cap).`;
    selection = { procedure, delta: options.delta, alpha, result, statement };
  }
  return {
    method: crn ? 'paired-t (common random numbers)' : 'Welch (independent seeds)',
    seed: options.seed,
    replications: n,
    kpis: keys,
    objective,
    baseline,
    alternatives: rows,
    differences,
    selection,
  };
}

/** The figures every replication of an outcome defines (for choosing default KPIs). */
export function definedKeys(values: readonly FigureValues[]): string[] {
  const first = values[0];
  if (first === undefined) return [];
  return Object.keys(first).filter((key) => values.every((v) => typeof v[key] === 'number'));
}
