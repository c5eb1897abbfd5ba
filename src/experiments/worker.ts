/**
 * The worker-thread entry of the replication pool (see `createReplicationPool`): runs one
 * {@link ReplicationTask} per call. A task that carries its validated scenario (a sweep's) runs on the
 * simulator alone: this file imports only the model builder, the kernel and the figure declarations, so a
 * thread starts without the YAML parser, the schema library, the HTML report or the ONNX runtime. Other
 * tasks (compare's, tasks with trained policies) load their file through `runReplication`, imported on
 * first need; each worker keeps its own cache of loaded scenario variants and ONNX policies.
 * Asynchronous because a trained policy's inference is; Tinypool awaits the promise.
 */
import { revivePortableScenario } from '../scenario/portable.js';
import type { ReplicationOutcome, ReplicationTask } from './replication.js';
import { runLoadedReplication } from './replication-run.js';

/** Tinypool calls the default export with each task. */
export default async function runTask(task: ReplicationTask): Promise<ReplicationOutcome> {
  if (task.scenario !== undefined && (task.policies === undefined || task.policies.length === 0))
    return runLoadedReplication(task, revivePortableScenario(task.scenario));
  const { runReplication } = await import('./replication.js');
  return runReplication(task);
}
