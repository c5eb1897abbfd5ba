import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { CommandModule } from 'yargs';
import { DeadlockError } from '../../entities/index.js';
import { recordSchedule, type ScheduleRecorder } from '../../report/index.js';
import {
  BuildError,
  formatProblems,
  loadScenarioFile,
  parseDuration,
  runScenario,
} from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { formatReport } from '../report/format-report.js';
import { checkOutputFile, writeFileAtomic } from '../report/output-file.js';
import { writeCsv } from '../report/write-csv.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { checkRunFlags, checkScheduleFlag } from './check-run-flags.js';

interface RunArgs {
  file: string;
  seed?: number;
  replications?: number;
  horizon?: string;
  warmup?: string;
  json: boolean;
  quiet: boolean;
  csv?: string;
  schedule?: string;
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
      .option('csv', {
        type: 'string',
        describe:
          'also write kpis, stations, products, conveyors, robots, crews and buffers CSV files into this folder',
      })
      .option('schedule', {
        type: 'string',
        describe:
          'also write what happened in the first replication to this CSV file: one row per part at each ' +
          'station (queued, started, finished) and per setup, failure and preventive maintenance, with ' +
          'station, server and times in seconds (missing folders are created)',
      })
      .check(checkRunFlags)
      .check(checkScheduleFlag),
  handler: (argv) => runFile(argv.file, argv),
};

/** Options of {@link runFile}: the flags of `shopfloor run`. */
export interface RunFileOptions {
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
}

/** Loads, runs and reports one scenario file as `shopfloor run` does (also used by `shopfloor demo`). */
export function runFile(file: string, argv: RunFileOptions): void {
  const horizon = durationFlag('horizon', argv.horizon);
  const warmup = durationFlag('warmup', argv.warmup);
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems, file)}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const scenario = loaded.scenario;
  const h = horizon ?? scenario.run.horizon;
  const w = warmup ?? scenario.run.warmup;
  if (!(w < h)) throw new UsageError(`the warm-up (${w} s) must be shorter than the horizon (${h} s)`);
  // Checked before the run, so a typo does not cost a long run.
  const schedulePath = argv.schedule;
  if (schedulePath !== undefined) checkOutputFile('schedule', schedulePath);
  let schedule: ScheduleRecorder | undefined;
  const showBar = !argv.json && !argv.quiet && process.stderr.isTTY === true;
  const bar = showBar ? new SingleBar({ format: 'replications [{bar}] {value}/{total}' }) : undefined;
  const replications = argv.replications ?? scenario.run.replications;
  bar?.start(replications, 0);
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(scenario, {
      seed: argv.seed,
      replications,
      horizon,
      warmup,
      onReplication: (done) => bar?.update(done),
      // The schedule recorder reads events, not the parts' step history.
      stepHistory: false,
      onModel: (model, replication) => {
        if (schedulePath !== undefined && replication === 0) schedule = recordSchedule(model.plant);
      },
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
  writeSchedule(schedulePath, schedule, argv);
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
    process.stdout.write(`${JSON.stringify({ manifest, ...result }, null, 2)}\n`);
    return;
  }
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
