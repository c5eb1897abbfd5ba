// The kernel-side modules are imported by path, not through src/scenario/index.ts, so that a worker
// thread importing this file does not load the YAML parser and the schema library (see worker.ts).
import type { BuiltModel } from '../scenario/build/build-plant.js';
import { type ReplicationRun, runReplications } from '../scenario/build/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { figureValues } from './figures.js';
import type { ReplicationOutcome, ReplicationTask } from './replication.js';
import { recordTransient } from './transient.js';

/**
 * One replication task on its scenario, already loaded: the part of a replication that needs the
 * simulator only (no file, no YAML, no schema). {@link runReplication} loads the scenario and calls it;
 * a worker thread that receives the scenario with the task calls it directly.
 */

/** The figures of a one-replication run, as every runner returns them. */
export function outcomeOf(
  task: ReplicationTask,
  run: ReplicationRun,
  recorder: ReturnType<typeof recordTransient> | undefined,
  horizonS: number,
): ReplicationOutcome {
  return {
    seed: task.seed,
    values: figureValues(run),
    events: run.events,
    horizonS: run.horizonS,
    warmupS: run.warmupS,
    ...(recorder === undefined ? {} : { transient: recorder.series(horizonS) }),
  };
}

/**
 * Runs one replication of `scenario` (the task's file with its overrides, loaded) on the task's seed,
 * horizon and warm-up, in this thread. Tasks with ONNX policies go through `runReplication`.
 */
export function runLoadedReplication(task: ReplicationTask, scenario: Scenario): ReplicationOutcome {
  const horizonS = task.horizonS ?? scenario.run.horizon;
  let recorder: ReturnType<typeof recordTransient> | undefined;
  const run = runReplications(scenario, {
    seed: task.seed,
    replications: 1,
    horizon: task.horizonS,
    warmup: task.warmupS,
    stepHistory: false,
    onModel:
      task.transientIntervals === undefined
        ? undefined
        : (model: BuiltModel) => {
            recorder = recordTransient(model, horizonS, task.transientIntervals!);
          },
  });
  return outcomeOf(task, run, recorder, horizonS);
}
