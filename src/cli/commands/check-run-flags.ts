import { LIMITS } from '../../scenario/index.js';
import { UsageError } from '../usage-error.js';

/**
 * Checks the `--seed`/`--replications` flags shared by `run` and `demo` (yargs `check`): a seed must be
 * a safe integer, replications an integer in [1, `LIMITS.replications`].
 * @throws UsageError naming the flag and the value given.
 */
export function checkRunFlags(argv: { seed?: number; replications?: number }): true {
  if (argv.seed !== undefined && !Number.isSafeInteger(argv.seed)) {
    throw new UsageError(`--seed must be an integer (got ${argv.seed})`);
  }
  if (argv.replications !== undefined && !(Number.isInteger(argv.replications) && argv.replications >= 1)) {
    throw new UsageError(`--replications must be an integer >= 1 (got ${argv.replications})`);
  }
  if (argv.replications !== undefined && argv.replications > LIMITS.replications) {
    throw new UsageError(
      `--replications must be at most ${LIMITS.replications.toLocaleString('en-US')} (got ${argv.replications})`,
    );
  }
  return true;
}

/**
 * Checks the `--schedule` flag of `run` (yargs `check`): a non-empty path (given once: see `repeatedFlags`). Whether the
 * file can be written is checked before the run, by `checkOutputFile`.
 * @throws UsageError naming the flag.
 */
export function checkScheduleFlag(argv: { schedule?: unknown }): true {
  const value = argv.schedule;
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new UsageError('--schedule needs a file path, e.g. --schedule schedule.csv');
  }
  return true;
}

/**
 * Checks `--html` for yargs `check`: one file path (whether it can be written is checked before the run).
 * @throws UsageError naming the flag.
 */
export function checkHtmlFlag(argv: { html?: unknown }): true {
  const value = argv.html;
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new UsageError('--html needs a file path, e.g. --html report.html');
  }
  return true;
}
