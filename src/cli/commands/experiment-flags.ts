import { SingleBar } from 'cli-progress';
import { defaultWorkers, type Objective, OverrideError } from '../../experiments/index.js';
import { parseDuration } from '../../scenario/index.js';
import { UsageError } from '../usage-error.js';

/** Flags shared by `compare` and `sweep`. */
export interface ExperimentFlags {
  seed?: number;
  replications?: number;
  horizon?: string;
  warmup?: string;
  kpi?: string[];
  objective?: string;
  workers?: number;
  json: boolean;
  quiet: boolean;
}

/**
 * A figure key as typed: `cycleTimeS` is short for `kpis.cycleTimeS`.
 * @throws UsageError for an empty one.
 */
export function figureKey(text: string): string {
  const key = text.trim();
  if (key === '')
    throw new UsageError('a figure flag (--kpi, --precision-kpi) needs a figure, e.g. kpis.wip');
  return key.includes('.') ? key : `kpis.${key}`;
}

/** `--objective key:max|min` (the direction is required). */
export function parseObjective(text: string | undefined): Objective | undefined {
  if (text === undefined) return undefined;
  // A figure path has no ':', so anything after one must be the direction. The direction is required:
  // "best" WIP or cycle time is the least, best throughput the most, and a guess would rank backwards.
  const m = /^([^:]+):(max|min)$/.exec(text.trim());
  if (m === null || m[1] === undefined || m[1].trim() === '')
    throw new UsageError(
      `--objective must be figure:max or figure:min (whether more or less is better), e.g. kpis.cycleTimeS:min (got "${text}")`,
    );
  return { key: figureKey(m[1]), maximize: m[2] === 'max' };
}

/** A duration flag in seconds (undefined when absent). */
export function durationSeconds(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return parseDuration(text);
  } catch {
    throw new UsageError(`--${name} must be a duration such as "8h" or "90min" (got "${text}")`);
  }
}

/** `--workers`: an integer ≥ 1, default every core. */
export function workerCount(value: number | undefined): number {
  if (value === undefined) return defaultWorkers();
  if (!(Number.isInteger(value) && value >= 1 && value <= 1024))
    throw new UsageError(`--workers must be an integer from 1 to 1024 (got ${value})`);
  return value;
}

/** Runs `body`, turning the library's OverrideError (bad path, value, design) into a usage error (exit 2). */
export async function asUsage<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof OverrideError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** A progress bar with an ETA on stderr when it is a terminal (not with --json or --quiet). */
export function progressBar(
  show: boolean,
  what: string,
  unit = 'replications',
): { update(done: number, total: number): void; stop(): void } {
  if (!show || process.stderr.isTTY !== true) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${what} [{bar}] {percentage}% · {value}/{total} ${unit} · ETA {eta_formatted}`,
    etaBuffer: 50,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
