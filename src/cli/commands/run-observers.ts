import { readFileSync } from 'node:fs';
import type { RunObserver } from '../../scenario/index.js';
import { OcelWriter } from '../../stream/ocel.js';
import { TraceWriter } from '../../stream/trace-writer.js';
import { checkOutputFile } from '../report/output-file.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';

/** The flags of `shopfloor run` that attach observers. */
export interface ObserverFlags {
  trace?: string;
  ocel?: string;
  'trace-replication'?: number;
}

/**
 * The observers asked for by `--trace` and `--ocel` (recording replication `--trace-replication`, default
 * the first), checked before the run, and a function that says what they wrote.
 * @throws UsageError for a replication out of range or without `--trace`/`--ocel`, or a file that cannot be
 * written.
 */
export function runObservers(
  file: string,
  argv: ObserverFlags,
  replications: number,
): { observers: RunObserver[]; written: () => string[] } {
  if (argv['trace-replication'] !== undefined && argv.trace === undefined && argv.ocel === undefined)
    throw new UsageError(
      '--trace-replication goes with --trace or --ocel (it picks the replication they record)',
    );
  const replication = argv['trace-replication'] ?? 0;
  if (!(Number.isInteger(replication) && replication >= 0 && replication < replications)) {
    throw new UsageError(
      `--trace-replication must be an integer from 0 to ${replications - 1} (the replications run; got ${replication})`,
    );
  }
  const observers: RunObserver[] = [];
  const written: (() => string | null)[] = [];
  if (argv.trace !== undefined) {
    checkOutputFile('trace', argv.trace);
    const trace = new TraceWriter({
      path: argv.trace,
      scenarioText: readFileSync(file, 'utf8'),
      version: VERSION,
      replication,
    });
    observers.push(trace);
    written.push(() => {
      const s = trace.summary;
      return s === null
        ? `--trace: replication ${replication + 1} was not run (the run stopped early), so no trace was written`
        : `wrote ${s.path} (${(s.bytes / 1e6).toFixed(1)} MB, ${s.frames.toLocaleString('en-US')} frames, replication ${replication + 1})`;
    });
  }
  if (argv.ocel !== undefined) {
    checkOutputFile('ocel', argv.ocel);
    const ocel = new OcelWriter({ path: argv.ocel, replication });
    observers.push(ocel);
    written.push(() => {
      const s = ocel.summary;
      if (s === null)
        return `--ocel: replication ${replication + 1} was not run (the run stopped early), so no log was written`;
      const n = Object.values(s.events).reduce((a, b) => a + b, 0);
      return `wrote ${s.path} (OCEL 2.0: ${n.toLocaleString('en-US')} events, replication ${replication + 1})`;
    });
  }
  return { observers, written: () => written.map((w) => w()).filter((x) => x !== null) };
}
