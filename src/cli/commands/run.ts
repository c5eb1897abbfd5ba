import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { CommandModule } from 'yargs';
import { DeadlockError } from '../../entities/index.js';
import { recordTransient } from '../../experiments/index.js';
import {
  aggregateReplications,
  DEFAULT_GANTT_HOURS,
  formatReport,
  OBSERVATION_SAMPLES,
  observeRun,
  type RunSampler,
  runReportHtml,
  type ScenarioResult,
} from '../../report/index.js';
import { makeFolders } from '../../report/make-folders.js';
import {
  checkPoliciesFit,
  type LoadedPolicies,
  loadPolicies,
  PolicyError,
  runReplicationsWithPolicies,
} from '../../rl/index.js';
import {
  BuildError,
  formatProblems,
  LIMITS,
  loadScenarioFile,
  parseDuration,
  type RunScenarioOptions,
  runReplications,
  runWarnings,
  type Scenario,
} from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { formatStrictWarnings, formatWarnings, useColor } from '../report/format-warnings.js';
import { checkOutputFile, writeFileAtomic } from '../report/output-file.js';
import { ScheduleFile } from '../report/schedule-file.js';
import { writeCsv } from '../report/write-csv.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { checkHtmlFlag, checkRunFlags, checkScheduleFlag } from './check-run-flags.js';
import { analyseRun, type RunAnalysis, transientOfRun } from './run-experiments.js';
import { type ObserverFlags, runObservers } from './run-observers.js';

interface RunArgs {
  file: string;
  seed?: number;
  replications?: number;
  horizon?: string;
  warmup?: string;
  json: boolean;
  quiet: boolean;
  strict: boolean;
  csv?: string;
  schedule?: string;
  html?: string;
  'max-events'?: number;
  'max-wall'?: string;
  precision?: string;
  'precision-kpi'?: string[];
  'max-replications'?: number;
  'warmup-check': boolean;
  workers?: number;
  policy?: string | string[];
}

function durationFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return parseDuration(text);
  } catch {
    throw new UsageError(`--${name} must be a duration such as "8h" or "90min" (got "${text}")`);
  }
}

/** `shopfloor run FILE`: runs a scenario's replications and prints its KPIs. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <file>',
  describe: 'Run a scenario and print its KPIs (mean ± 95% CI half-width over replications)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('seed', { type: 'number', describe: 'master seed (overrides run.seed)' })
      .option('replications', { type: 'number', describe: 'replications (overrides run.replications)' })
      .option('horizon', { type: 'string', describe: 'simulated time, e.g. 8h (overrides run.horizon)' })
      .option('warmup', {
        type: 'string',
        describe:
          'warm-up to discard, e.g. 1h (overrides run.warmup), or "auto": MSER-5 on 5 pilot replications',
      })
      .option('warmup-check', {
        type: 'boolean',
        default: false,
        describe:
          "MSER-5 on the run's own WIP and cycle-time series; warn when the warm-up is shorter than the transient",
      })
      .option('precision', {
        type: 'string',
        describe:
          "add replications until each --precision-kpi's 95% half-width is within this share of its mean, e.g. 5%",
      })
      .option('precision-kpi', {
        type: 'string',
        array: true,
        describe: 'figures --precision looks at (default kpis.throughputPerHour, kpis.cycleTimeS, kpis.wip)',
      })
      .option('max-replications', { type: 'number', describe: 'cap of --precision (default 100)' })
      .option('workers', {
        type: 'number',
        describe: 'worker threads for --warmup auto and --precision (default all cores)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print one JSON document instead of tables',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' })
      .option('strict', {
        type: 'boolean',
        default: false,
        describe: 'treat warnings (a valid but probably wrong model) as errors: exit 2 without running',
      })
      .option('csv', {
        type: 'string',
        describe:
          'also write kpis, stations, products, conveyors, robots, crews, operators and buffers CSV files into this folder',
      })
      .option('schedule', {
        type: 'string',
        describe:
          'also write what happened in the first replication to this CSV file: one row per part at each ' +
          'station (queued, started, finished) and per setup, failure and preventive maintenance, with ' +
          'station, server and times in seconds (missing folders are created)',
      })
      .option('html', {
        type: 'string',
        describe:
          'also write one self-contained HTML report to this file (opens offline): manifest, KPI tables, ' +
          'and plots of WIP, throughput, queues, station states, cycle times, a Gantt chart and a bottleneck ranking',
      })
      .option('max-events', {
        type: 'number',
        describe:
          'stop each replication after this many events; the figures then cover the time it simulated and the result is marked partial',
      })
      .option('max-wall', {
        type: 'string',
        describe:
          'stop the run after this much wall-clock time, e.g. 30s or 5min (a plain number is seconds); the result is marked partial',
      })
      .option('policy', {
        type: 'string',
        array: true,
        describe:
          'who takes a kind of decision, repeatable: KIND=RULE (e.g. dispatch=fifo, routing=fastest) or ' +
          "KIND=FILE.onnx (a trained policy exported by shopfloor_gym.export_onnx); other kinds keep the scenario's rules",
      })
      .option('trace', {
        type: 'string',
        describe:
          'also record one replication (the first, or --trace-replication) to this trace file, for `shopfloor trace info` and the 3D viewer',
      })
      .option('ocel', {
        type: 'string',
        describe:
          'also write one replication (as --trace) as an OCEL 2.0 JSON event log, for process-mining tools such as pm4py',
      })
      .option('trace-replication', {
        type: 'number',
        describe: 'which replication --trace and --ocel record, from 0 (default 0: the first)',
      })
      .check(checkRunFlags)
      .check(checkScheduleFlag)
      .check(checkHtmlFlag)
      .check(checkLimitFlags),
  handler: async (argv) => {
    const analysis = await analyseRun(argv.file, argv);
    await runFile(argv.file, {
      ...argv,
      ...(analysis.warmup === undefined ? {} : { warmup: analysis.warmup }),
      ...(analysis.replications === undefined ? {} : { replications: analysis.replications }),
      analysis,
    });
  },
};

/** Options of {@link runFile}: the flags of `shopfloor run`. */
export interface RunFileOptions extends ObserverFlags {
  /** Folder to write CSV files into. */
  csv?: string;
  /** File to write the first replication's schedule into (CSV, see `recordSchedule`). */
  schedule?: string;
  /** File to write the HTML report into (see `runReportHtml`). */
  html?: string;
  seed?: number;
  replications?: number;
  horizon?: string;
  warmup?: string;
  json: boolean;
  quiet: boolean;
  /** Warnings are errors: print them and exit 2 without running. */
  strict?: boolean;
  /** `--max-events`: events per replication before it stops (partial result). */
  'max-events'?: number;
  /** `--max-wall`: wall-clock time of the whole run, a duration or plain seconds (partial result). */
  'max-wall'?: string;
  /** `--warmup-check`: MSER-5 on the run's own series, and the warm-up warning. */
  'warmup-check'?: boolean;
  /** What `--warmup auto` / `--precision` decided before the run. */
  analysis?: RunAnalysis;
  /** `--policy KIND=RULE|FILE.onnx`, once or more (see `loadPolicies`). */
  policy?: string | readonly string[];
}

/**
 * Checks `--max-events` (an integer ≥ 1) and `--max-wall` (a duration such as `30s`, or plain seconds,
 * > 0) for yargs `check`.
 * @throws UsageError naming the flag and the value given.
 */
export function checkLimitFlags(argv: { 'max-events'?: unknown; 'max-wall'?: unknown }): true {
  const events = argv['max-events'];
  if (events !== undefined && !(typeof events === 'number' && Number.isSafeInteger(events) && events >= 1))
    throw new UsageError(`--max-events must be an integer >= 1 (got ${String(events)})`);
  if (argv['max-wall'] !== undefined) wallSeconds(argv['max-wall']);
  return true;
}

/** `--max-wall` in seconds: a duration (`30s`, `5min`) or a plain number of seconds, > 0. */
function wallSeconds(text: unknown): number {
  const fail = () =>
    new UsageError(
      `--max-wall must be a duration such as "30s" or "5min", or seconds > 0 (got ${String(text)})`,
    );
  if (typeof text !== 'string' && typeof text !== 'number') throw fail();
  const raw = String(text).trim();
  let seconds: number;
  // Plain seconds in any number notation (`90`, `1.5`, `1e9`); else a duration.
  if (raw !== '' && Number.isFinite(Number(raw))) seconds = Number(raw);
  else {
    try {
      seconds = parseDuration(raw);
    } catch {
      throw fail();
    }
  }
  if (!(seconds > 0 && Number.isFinite(seconds))) throw fail();
  return seconds;
}

/** Loads, runs and reports one scenario file as `shopfloor run` does (also used by `shopfloor demo`). */
export async function runFile(file: string, argv: RunFileOptions): Promise<void> {
  const horizon = durationFlag('horizon', argv.horizon);
  const warmup = durationFlag('warmup', argv.warmup);
  const loaded = loadScenarioFile(file, { horizonS: horizon });
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems, file)}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const { scenario, warnings } = loaded;
  if (horizon !== undefined && horizon > LIMITS.horizonS)
    throw new UsageError(`--horizon must be at most 100 years (got ${argv.horizon})`);
  if (argv.strict === true && warnings.length > 0) {
    process.stderr.write(formatStrictWarnings(warnings, file));
    process.exitCode = EXIT_USAGE;
    return;
  }
  // Printed before the run, so a long run can be stopped at once; the report follows on stdout.
  const color = useColor(process.stdout, process.env);
  if (!argv.json) process.stdout.write(formatWarnings(warnings, { color }));
  const h = horizon ?? scenario.run.horizon;
  const w = warmup ?? scenario.run.warmup;
  if (!(w < h)) throw new UsageError(`the warm-up (${w} s) must be shorter than the horizon (${h} s)`);
  // Checked before the run, so a typo does not cost a long run.
  const schedulePath = argv.schedule;
  if (schedulePath !== undefined) checkOutputFile('schedule', schedulePath);
  const htmlPath = argv.html;
  if (htmlPath !== undefined) checkOutputFile('html', htmlPath);
  if (argv.csv !== undefined) {
    // An empty folder name would quietly mean the current folder.
    if (argv.csv.trim() === '') throw new UsageError('--csv needs a folder, e.g. --csv results');
    try {
      makeFolders(argv.csv);
    } catch (error) {
      throw new UsageError(`--csv: cannot write into ${argv.csv}: ${(error as Error).message}`);
    }
  }
  const policies = await policiesOf(argv, scenario);
  if (policies === null) return;
  let schedule: ScheduleFile | undefined;
  let observer: RunSampler | undefined;
  const transients: ReturnType<typeof recordTransient>[] = [];
  const maxWallS = argv['max-wall'] === undefined ? undefined : wallSeconds(argv['max-wall']);
  const showBar = !argv.json && !argv.quiet && process.stderr.isTTY === true;
  // The bar counts replications, with the running one's simulated time as a fraction, so a single long
  // replication moves it too.
  const bar = showBar
    ? new SingleBar({
        format: 'replication {rep}/{total} [{bar}] {percentage}% · simulated {sim} of {horizon} h',
      })
    : undefined;
  const replications = argv.replications ?? scenario.run.replications;
  const hours = (s: number) => (s / 3600).toFixed(1);
  // Checked before the run, like --schedule.
  const watch = runObservers(file, argv, replications);
  bar?.start(replications, 0, { rep: 1, sim: hours(0), horizon: hours(h) });
  let run: ReturnType<typeof runReplications>;
  try {
    const options: RunScenarioOptions = {
      seed: argv.seed,
      replications,
      horizon,
      warmup,
      maxEvents: argv['max-events'],
      maxWallS,
      onProgress: (p) =>
        bar?.update(p.replication + Math.min(1, p.nowS / p.horizonS), {
          rep: p.replication + 1,
          sim: hours(p.nowS),
          horizon: hours(p.horizonS),
        }),
      onReplication: (done) => bar?.update(done),
      // The schedule recorder reads events, not the parts' step history.
      stepHistory: false,
      onModel: (model, replication) => {
        if (schedulePath !== undefined && replication === 0) {
          schedule = openSchedule(schedulePath);
          schedule.record(model.plant);
        }
        if (htmlPath !== undefined && replication === 0)
          observer = observeRun(model.plant, {
            stepS: h / OBSERVATION_SAMPLES,
            warmupS: w,
            // The page draws the first hours of the schedule; a long run's whole schedule would not fit.
            scheduleUntilS: DEFAULT_GANTT_HOURS * 3600,
          });
        if (argv['warmup-check'] === true) transients.push(recordTransient(model, h, 500));
      },
      observe: watch.observers,
    };
    run =
      policies === undefined
        ? runReplications(scenario, options)
        : await runReplicationsWithPolicies(scenario, policies, options);
  } catch (error) {
    bar?.stop();
    if (error instanceof DeadlockError) {
      // A deadlock's schedule shows how the plant got stuck: write it too (a failure to write it must not
      // hide the deadlock).
      try {
        writeSchedule(schedule, argv);
      } catch (writeError) {
        process.stderr.write(`✖ ${(writeError as Error).message}\n`);
      }
    } else schedule?.discard();
    if (error instanceof PolicyError) {
      process.stderr.write(`✖ ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (error instanceof BuildError || error instanceof DeadlockError) {
      process.stderr.write(`✖ ${error.message}\n`);
      process.exitCode = error instanceof BuildError ? EXIT_USAGE : 3;
      return;
    }
    throw error;
  }
  bar?.stop();
  const result: ScenarioResult = aggregateReplications(run);
  const transient =
    argv['warmup-check'] === true
      ? transientOfRun(transients.map((t) => t.series(h)))
      : argv.analysis?.transient;
  if (transient !== undefined) run.transient = transient;
  if (!argv.json) for (const note of argv.analysis?.notes ?? []) process.stdout.write(`${note}\n`);
  // Checks on the finished run (RUN_WARNING_CHECKS): printed before the report; with --strict the report
  // is still printed (the run is done) but the exit code is 2.
  const late = runWarnings(scenario, run, { lineOf: loaded.lineOf });
  if (!argv.json) process.stdout.write(formatWarnings(late, { color }));
  if (argv.strict === true && late.length > 0) {
    process.stderr.write(formatStrictWarnings(late, file));
    process.exitCode = EXIT_USAGE;
  }
  writeSchedule(schedule, argv);
  if (!argv.json && !argv.quiet) for (const line of watch.written()) process.stderr.write(`${line}\n`);
  const text = readFileSync(file, 'utf8');
  const base = {
    shopfloorVersion: VERSION,
    scenario: file,
    scenarioSha256: createHash('sha256').update(text).digest('hex'),
    seed: result.seed,
    replications: result.replications,
    horizonS: result.horizonS,
    warmupS: result.warmupS,
  };
  const manifest = policies === undefined ? base : { ...base, policies: policies.choices.map((c) => c.text) };
  if (htmlPath !== undefined && observer !== undefined) {
    const html = runReportHtml({
      title: `shopfloor run — ${scenario.name ?? file}`,
      // One line per manifest item in the page: the policies as one text.
      manifest: policies === undefined ? base : { ...base, policies: policies.label },
      result,
      observations: observer.finish(w + run.runs[0]!.plant.elapsedS),
    });
    try {
      writeFileAtomic(htmlPath, html);
    } catch (error) {
      throw new UsageError(`--html: cannot write ${htmlPath}: ${(error as Error).message}`);
    }
    if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${htmlPath}\n`);
  }
  if (argv.csv !== undefined) {
    try {
      const written = writeCsv(argv.csv, result);
      if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
    } catch (error) {
      throw new UsageError(`--csv: cannot write into ${argv.csv}: ${(error as Error).message}`);
    }
  }
  if (argv.json) {
    if (result.partial) process.stderr.write(`⚠ partial result: ${result.partialReason}\n`);
    process.stdout.write(
      `${JSON.stringify({ manifest, warnings: [...warnings, ...late], ...result, ...(run.transient === undefined ? {} : { transient: run.transient }), ...argv.analysis?.json }, null, 2)}\n`,
    );
    return;
  }
  if (result.partial) process.stdout.write(`⚠ PARTIAL RESULT: ${result.partialReason}\n\n`);
  const title = scenario.name ?? file;
  process.stdout.write(formatReport(policies === undefined ? title : `${title} · ${policies.label}`, result));
}

/**
 * The `--policy` choices, loaded and checked against the scenario (`undefined` without the flag); `null`
 * after printing why they cannot run (exit code 2). Notes that do not stop the run go to stderr.
 */
async function policiesOf(
  argv: RunFileOptions,
  scenario: Scenario,
): Promise<LoadedPolicies | undefined | null> {
  const texts =
    argv.policy === undefined ? [] : typeof argv.policy === 'string' ? [argv.policy] : argv.policy;
  if (texts.length === 0) return undefined;
  try {
    const policies = await loadPolicies(texts);
    const fit = checkPoliciesFit(scenario, policies);
    for (const note of fit.notes) process.stderr.write(`note: ${note}\n`);
    return policies;
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    process.stderr.write(`✖ ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
    return null;
  }
}

function writeSchedule(schedule: ScheduleFile | undefined, argv: RunFileOptions): void {
  if (schedule === undefined) return;
  try {
    schedule.finish();
  } catch (error) {
    schedule.discard();
    throw new UsageError(`--schedule: cannot write ${schedule.path}: ${(error as Error).message}`);
  }
  if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${schedule.path}\n`);
}

/** The `--schedule` file, opened when the first replication is built. */
function openSchedule(path: string): ScheduleFile {
  try {
    return new ScheduleFile(path);
  } catch (error) {
    throw new UsageError(`--schedule: cannot write ${path}: ${(error as Error).message}`);
  }
}
