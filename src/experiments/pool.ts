import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ReplicationOutcome, ReplicationRunner, ReplicationTask } from './replication.js';
import { runReplication } from './replication.js';

/** A runner backed by worker threads, and how to stop them. */
export interface ReplicationPool {
  readonly run: ReplicationRunner;
  /** Executors: this thread plus `workers − 1` worker threads (1: this thread alone, no pool). */
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
 * even while this thread is busy with a replication of its own and cannot answer for a few tens of ms.
 */
const AHEAD = 2;

interface Waiting {
  readonly task: ReplicationTask;
  readonly resolve: (o: ReplicationOutcome) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * `workers` executors running replications: this thread and `workers − 1` worker threads (Tinypool),
 * which start (and load the simulator) as soon as the pool is created, so create it before planning.
 * This thread is one of the executors because a thread's start-up (loading modules, compiling the
 * simulator's hot code) costs about as much as tens of replications: with 2 workers on 2 cores, one new
 * thread instead of two. Tasks wait in one queue and each executor takes the next when it is free, so a
 * thread that is still warming up simply takes fewer.
 *
 * Results do not depend on the number of workers: each replication is a pure function of its task (file,
 * overrides, seed). With one worker, or where the compiled worker file is not there (running from
 * TypeScript sources), replications run in this thread only.
 * @throws RangeError for a worker count that is not an integer ≥ 1.
 */
export function createReplicationPool(workers: number): ReplicationPool {
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new RangeError(`createReplicationPool: workers must be an integer >= 1 (got ${workers})`);
  const filename = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (workers === 1 || !existsSync(filename)) {
    return { run: runReplication, workers: 1, close: async () => {} };
  }
  const threads = workers - 1;
  const pool = new Tinypool({
    filename,
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
    concurrentTasksPerWorker: AHEAD,
  });
  const queue: Waiting[] = [];
  let head = 0;
  let inThreads = 0;
  let hereBusy = false;
  const next = (): Waiting | undefined => {
    if (head === queue.length) return undefined;
    const w = queue[head++]!;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    return w;
  };
  const pump = (): void => {
    while (inThreads < threads * AHEAD) {
      const w = next();
      if (w === undefined) break;
      inThreads++;
      pool
        .run(w.task)
        .then(w.resolve, w.reject)
        .finally(() => {
          inThreads--;
          pump();
        });
    }
    if (!hereBusy) {
      const w = next();
      if (w === undefined) return;
      hereBusy = true;
      // runReplication yields to the event loop before it runs, so the threads' answers get through.
      runReplication(w.task)
        .then(w.resolve, w.reject)
        .finally(() => {
          hereBusy = false;
          pump();
        });
    }
  };
  return {
    run: (task) =>
      new Promise<ReplicationOutcome>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      }),
    workers,
    close: () => pool.destroy(),
  };
}
