import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ReplicationOutcome, ReplicationRunner } from './replication.js';
import { runReplication } from './replication.js';

/** A runner backed by worker threads, and how to stop them. */
export interface ReplicationPool {
  readonly run: ReplicationRunner;
  /** Threads running replications: `workers` worker threads, or this thread alone when 1. */
  readonly workers: number;
  /** Stops the workers (after the tasks running); call it once done. */
  close(): Promise<void>;
}

/** Default number of workers: every core Node reports (`os.availableParallelism()`). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Tasks handed to each worker thread ahead of the one it runs, so that it starts the next one at once
 * instead of waiting for this thread to hear that it finished and send another (a message each way).
 * More would leave one thread with queued tasks at the end while the others have none.
 */
const AHEAD = 2;

/**
 * `workers` executors running replications. With 1, this thread runs them (no worker thread). With more,
 * `workers` worker threads (Tinypool) run them and this thread only hands out tasks and collects results.
 * The threads start (and load the simulator) as soon as the pool is created, so create it before planning.
 *
 * This thread does not run replications beside the workers: a replication is tens of milliseconds that
 * this thread cannot answer in, and a worker that finished its queued tasks in that time sat idle — about
 * a sixth of a worker's time in a 2-worker sweep of the demo factory. Both designs warm up the same number
 * of simulators (this thread's own work is only loading and checking the file).
 *
 * Results do not depend on the number of workers: each replication is a pure function of its task (file,
 * overrides, seed). Where the compiled worker file is not there (running from TypeScript sources),
 * replications run in this thread only.
 * @throws RangeError for a worker count that is not an integer ≥ 1.
 */
export function createReplicationPool(workers: number): ReplicationPool {
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new RangeError(`createReplicationPool: workers must be an integer >= 1 (got ${workers})`);
  const filename = workerFile();
  if (workers === 1 || filename === undefined) {
    return { run: runReplication, workers: 1, close: async () => {} };
  }
  const pool = new Tinypool({
    filename,
    minThreads: workers,
    maxThreads: workers,
    isolateWorkers: false,
    concurrentTasksPerWorker: AHEAD,
  });
  return {
    run: (task) => pool.run(task) as Promise<ReplicationOutcome>,
    workers,
    close: () => pool.destroy(),
  };
}

/**
 * The worker thread's file: the bundle `npm run build` writes (scripts/bundle-worker.mjs; it loads in
 * about 45 ms instead of 290–370 ms for the separate modules), else the compiled module, else none
 * (running from TypeScript sources).
 */
function workerFile(): string | undefined {
  for (const name of ['./worker.bundle.js', './worker.js']) {
    const path = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}
