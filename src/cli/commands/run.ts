import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { CommandModule } from 'yargs';
import { DeadlockError } from '../../entities/index.js';
import { recordSchedule, type ScheduleRecorder } from '../../report/index.js';
import {
  BuildError,
  formatProblems,
  LIMITS,
  loadScenarioFile,
  parseDuration,
  runScenario,
  runWarnings,
} from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { formatReport } from '../report/format-report.js';
import { formatStrictWarnings, formatWarnings, useColor } from '../report/format-warnings.js';
import { checkOutputFile, makeFolders, writeFileAtomic } from '../report/output-file.js';
import { writeCsv } from '../report/write-csv.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { checkRunFlags, checkScheduleFlag } from './check-run-flags.js';
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
  'max-events'?: number;
  'max-wall'?: string;
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
      .option('warmup', { type: 'string', describe: 'warm-up to discard, e.g. 1h (overrides run.warmup)' })
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
      .check(checkLimitFlags),
  handler: (argv) => runFile(argv.file, argv),
};

/** Options of {@link runFile}: the flags of `shopfloor run`. */
export interface RunFileOptions extends ObserverFlags {
  /** Folder to write CSV files into. */
  csv?: string;
  /** File to write the first replication's schedule into (CSV, see `recordSchedule`). */
  schedule?: string;
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
  if (/^\d+(\.\d+)?$/.test(raw)) seconds = Number(raw);
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
export function runFile(file: string, argv: RunFileOptions): void {
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
  if (argv.csv !== undefined) {
    try {
      makeFolders(argv.csv);
    } catch (error) {
      throw new UsageError(`--csv: cannot write into ${argv.csv}: ${(error as Error).message}`);
    }
  }
  let schedule: ScheduleRecorder | undefined;
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
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(scenario, {
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
        if (schedulePath !== undefined && replication === 0) schedule = recordSchedule(model.plant);
      },
      observe: watch.observers,
    });
  } catch (error) {
    bar?.stop();
    if (error instanceof DeadlockError) {
      // A deadlock's schedule shows how the plant got stuck: write it too (a failure to write it must not
      // hide the deadlock).
      try {
        writeSchedule(schedulePath, schedule, argv);
      } catch (writeError) {
        process.stderr.write(`✖ ${(writeError as Error).message}\n`);
      }
    }
    if (error instanceof BuildError || error instanceof DeadlockError) {
      process.stderr.write(`✖ ${error.message}\n`);
      process.exitCode = error instanceof BuildError ? EXIT_USAGE : 3;
      return;
    }
    throw error;
  }
  bar?.stop();
  // Checks on the finished run (RUN_WARNING_CHECKS): printed before the report; with --strict the report
  // is still printed (the run is done) but the exit code is 2.
  const late = runWarnings(scenario, result, { lineOf: loaded.lineOf });
  if (!argv.json) process.stdout.write(formatWarnings(late, { color }));
  if (argv.strict === true && late.length > 0) {
    process.stderr.write(formatStrictWarnings(late, file));
    process.exitCode = EXIT_USAGE;
  }
  writeSchedule(schedulePath, schedule, argv);
  if (!argv.json && !argv.quiet) for (const line of watch.written()) process.stderr.write(`${line}\n`);
  if (argv.csv !== undefined) {
    try {
      const written = writeCsv(argv.csv, result);
      if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
    } catch (error) {
      throw new UsageError(`--csv: cannot write into ${argv.csv}: ${(error as Error).message}`);
    }
  }
  if (argv.json) {
    const text = readFileSync(file, 'utf8');
    const manifest = {
      shopfloorVersion: VERSION,
      scenario: file,
      scenarioSha256: createHash('sha256').update(text).digest('hex'),
      seed: result.seed,
      replications: result.replications,
      horizonS: result.horizonS,
      warmupS: result.warmupS,
    };
    if (result.partial) process.stderr.write(`⚠ partial result: ${result.partialReason}\n`);
    process.stdout.write(
      `${JSON.stringify({ manifest, warnings: [...warnings, ...late], ...result }, null, 2)}\n`,
    );
    return;
  }
  if (result.partial) process.stdout.write(`⚠ PARTIAL RESULT: ${result.partialReason}\n\n`);
  process.stdout.write(formatReport(scenario.name ?? file, result));
}

function writeSchedule(
  path: string | undefined,
  schedule: ScheduleRecorder | undefined,
  argv: RunFileOptions,
): void {
  if (path === undefined || schedule === undefined) return;
  try {
    writeFileAtomic(path, schedule.toCsv());
  } catch (error) {
    throw new UsageError(`--schedule: cannot write ${path}: ${(error as Error).message}`);
  }
  if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${path}\n`);
}
