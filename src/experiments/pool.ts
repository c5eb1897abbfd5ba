import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ReplicationRunner } from './replication.js';
import { runReplication } from './replication.js';

/** A runner backed by worker threads, and how to stop them. */
export interface ReplicationPool {
  readonly run: ReplicationRunner;
  /** Worker threads (1: replications run in this thread, no pool). */
  readonly workers: number;
  /** Stops the workers (after the tasks running); call it once done. */
  close(): Promise<void>;
}

/** Default number of workers: every core Node reports (`os.availableParallelism()`). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A pool of `workers` worker threads running replications (Tinypool). Results do not depend on the
 * number of workers: each replication is a pure function of its task (file, overrides, seed). With one
 * worker, or where the compiled worker file is not there (running from TypeScript sources), replications
 * run in this thread instead.
 * @throws RangeError for a worker count that is not an integer ≥ 1.
 */
export function createReplicationPool(workers: number): ReplicationPool {
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new RangeError(`createReplicationPool: workers must be an integer >= 1 (got ${workers})`);
  const filename = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (workers === 1 || !existsSync(filename)) {
    return { run: runReplication, workers: 1, close: async () => {} };
  }
  const pool = new Tinypool({ filename, minThreads: workers, maxThreads: workers, isolateWorkers: false });
  return {
    run: (task) => pool.run(task),
    workers,
    close: () => pool.destroy(),
  };
}
