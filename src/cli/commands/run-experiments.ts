import {
  createReplicationPool,
  detectWarmup,
  detectWarmupFromSeries,
  type PrecisionResult,
  type ReplicationOutcome,
  sequentialReplications,
  type TransientSeries,
  tuneV8ForReplications,
  type WarmupDetection,
} from '../../experiments/index.js';
import type { ObservedTransient } from '../../scenario/index.js';
import { UsageError } from '../usage-error.js';
import { asUsage, durationSeconds, figureKey, workerCount } from './experiment-flags.js';

/** The output-analysis flags of `shopfloor run`. */
export interface RunAnalysisFlags {
  seed?: number;
  replications?: number;
  horizon?: string;
  warmup?: string;
  precision?: string;
  'precision-kpi'?: string[];
  'max-replications'?: number;
  workers?: number;
  json: boolean;
}

/** What the analysis decided before the run: the warm-up and replications to use, and what to say. */
export interface RunAnalysis {
  /** Replaces `--warmup auto` (a duration in seconds, e.g. `46061.2s`). */
  warmup?: string;
  /** Replaces `--replications` after `--precision`. */
  replications?: number;
  /** The detection, for the run's `transient` and its warning check. */
  transient?: ObservedTransient;
  /** Lines printed before the report (not with --json). */
  notes: string[];
  /** Added to the --json document. */
  json: Record<string, unknown>;
}

/** `--precision 5%` or `0.05` as a fraction in (0, 1). */
export function parsePrecision(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(text.trim());
  const value = m === null ? Number.NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
  if (!(value > 0 && value < 1))
    throw new UsageError(
      `--precision must be a relative half-width such as 5% or 0.05, in (0, 1) (got "${text}")`,
    );
  return value;
}

/** Default figures of `--precision`: throughput, mean cycle time and WIP. */
export const PRECISION_DEFAULT_KPIS = ['kpis.throughputPerHour', 'kpis.cycleTimeS', 'kpis.wip'] as const;

/**
 * The flags that only mean something with `--precision` or `--warmup auto` are refused without them
 * rather than ignored, and `--replications` with `--precision` (which chooses the number itself).
 * @throws UsageError naming the flag.
 */
function checkAnalysisFlags(argv: RunAnalysisFlags): void {
  if (argv.precision === undefined) {
    if (argv['precision-kpi'] !== undefined)
      throw new UsageError(
        '--precision-kpi goes with --precision (it names the figures --precision looks at)',
      );
    if (argv['max-replications'] !== undefined)
      throw new UsageError(
        '--max-replications goes with --precision (it caps the replications --precision adds)',
      );
  } else if (argv.replications !== undefined)
    throw new UsageError(
      '--replications and --precision both set the number of replications; give one (--max-replications caps --precision)',
    );
  if (argv.workers !== undefined && argv.precision === undefined && argv.warmup !== 'auto')
    throw new UsageError(
      "--workers goes with --precision or --warmup auto (a run's own replications run one after another in this process)",
    );
}

/**
 * `--warmup auto` (MSER-5 on 5 pilot replications) and `--precision` (Law & Kelton's sequential
 * procedure), run before `shopfloor run`'s own replications. Does nothing when neither is given.
 */
export function analyseRun(file: string, argv: RunAnalysisFlags): Promise<RunAnalysis> {
  return asUsage(async () => {
    const out: RunAnalysis = { notes: [], json: {} };
    checkAnalysisFlags(argv);
    if (argv.warmup !== 'auto' && argv.precision === undefined) return out;
    const { loadScenarioFile } = await import('../../scenario/index.js');
    const loaded = loadScenarioFile(file);
    // An invalid file is reported by the run itself, with every problem.
    if (!loaded.ok) return out;
    const seed = argv.seed ?? loaded.scenario.run.seed;
    const horizonS = durationSeconds('horizon', argv.horizon);
    tuneV8ForReplications();
    const pool = createReplicationPool(workerCount(argv.workers));
    try {
      let warmupS = durationSeconds('warmup', argv.warmup === 'auto' ? undefined : argv.warmup);
      if (argv.warmup === 'auto') {
        const d = await detectWarmup({ file, seed, horizonS, runner: pool.run });
        warmupS = d.warmupS;
        out.warmup = `${d.warmupS}s`;
        out.transient = observed(d, 'MSER-5 on the WIP and cycle-time series of 5 pilot replications');
        out.notes.push(`warm-up: auto → ${describe(d)}`);
        out.json.warmupDetection = d;
      }
      if (argv.precision !== undefined) {
        const relative = parsePrecision(argv.precision);
        const keys = (argv['precision-kpi'] ?? [...PRECISION_DEFAULT_KPIS]).map(figureKey);
        const max = argv['max-replications'] ?? 100;
        if (!(Number.isInteger(max) && max >= 5))
          throw new UsageError(`--max-replications must be an integer >= 5 (got ${max})`);
        const res: PrecisionResult<ReplicationOutcome> = await sequentialReplications(
          { relative, min: 5, max, chunk: pool.workers },
          (from, count) =>
            Promise.all(
              Array.from({ length: count }, (_, i) =>
                pool.run({ file, overrides: [], seed: seed + from + i, horizonS, warmupS }),
              ),
            ),
          (o) => {
            for (const key of keys)
              if (!(key in o.values)) throw new UsageError(`--precision-kpi: unknown figure "${key}"`);
            return Object.fromEntries(keys.map((key) => [key, o.values[key] ?? null]));
          },
        );
        out.replications = res.replications;
        const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
        out.notes.push(
          `precision ${pct(relative)} (Law & Kelton, relative half-width ≤ ${pct(res.target)}): ${res.met ? 'reached' : 'NOT reached'} after ${res.replications} replications` +
            `${res.met ? '' : ` (the cap, --max-replications ${max})`}: ${res.figures.map((f) => `${f.key} ${pct(f.relativeHalfWidth)}`).join(', ')}`,
        );
        out.json.precision = {
          relative,
          target: res.target,
          replications: res.replications,
          met: res.met,
          figures: res.figures,
        };
      }
      return out;
    } finally {
      await pool.close();
    }
  });
}

function observed(d: WarmupDetection, method: string): ObservedTransient {
  return { endS: d.warmupS, method, tooShort: d.warning !== null };
}

function describe(d: WarmupDetection): string {
  const h = (s: number) => `${(s / 3600).toFixed(2)} h`;
  const ct = d.cycleTime === null ? 'too few parts for cycle time' : `cycle time ${h(d.cycleTime.warmupS)}`;
  return `${h(d.warmupS)} (MSER-5 on ${d.pilots} pilot replications: WIP ${h(d.wip.warmupS)}, ${ct})${d.warning === null ? '' : `; ${d.warning}`}`;
}

/** `--warmup-check`: MSER-5 on the run's own replications' series (no extra runs). */
export function transientOfRun(series: readonly TransientSeries[]): ObservedTransient | undefined {
  try {
    return observed(
      detectWarmupFromSeries(series),
      `MSER-5 on the WIP and cycle-time series of the run's ${series.length} replication(s)`,
    );
  } catch {
    // Too short a series for MSER-5 (fewer than 25 intervals): nothing to say.
    return undefined;
  }
}
