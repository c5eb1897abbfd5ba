import { UsageError } from '../usage-error.js';

/**
 * Checks the `--seed`/`--replications` flags shared by `run` and `demo` (yargs `check`): a seed must be
 * a safe integer, replications an integer ≥ 1.
 * @throws UsageError naming the flag and the value given.
 */
export function checkRunFlags(argv: { seed?: number; replications?: number }): true {
  if (argv.seed !== undefined && !Number.isSafeInteger(argv.seed)) {
    throw new UsageError(`--seed must be an integer (got ${argv.seed})`);
  }
  if (argv.replications !== undefined && !(Number.isInteger(argv.replications) && argv.replications >= 1)) {
    throw new UsageError(`--replications must be an integer >= 1 (got ${argv.replications})`);
  }
  return true;
}
