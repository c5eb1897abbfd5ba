/**
 * The worker-thread entry of the replication pool (see `createReplicationPool`): runs one
 * {@link ReplicationTask} per call. Each worker keeps its own cache of loaded scenario variants (and of
 * ONNX policies, for tasks that have some). Asynchronous because a trained policy's inference is;
 * Tinypool awaits the promise.
 */
import { type ReplicationOutcome, type ReplicationTask, runReplication } from './replication.js';

/** Tinypool calls the default export with each task. */
export default function runTask(task: ReplicationTask): Promise<ReplicationOutcome> {
  return runReplication(task);
}
