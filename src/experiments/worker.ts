/**
 * The worker-thread entry of the replication pool (see `createReplicationPool`): runs one
 * {@link ReplicationTask} per call. Each worker keeps its own cache of loaded scenario variants.
 */
import { type ReplicationOutcome, type ReplicationTask, runReplicationSync } from './replication.js';

/** Tinypool calls the default export with each task. */
export default function runTask(task: ReplicationTask): ReplicationOutcome {
  return runReplicationSync(task);
}
