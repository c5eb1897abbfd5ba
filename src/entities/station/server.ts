import type { EventId, RandomStream } from '../../engine/index.js';
import type { DecisionTask } from '../decisions/decision-task.js';
import type { FailureBasis, FailureModeOptions } from '../failure-mode.js';
import type { MaintenancePlanOptions } from '../maintenance-plan.js';
import type { Part } from '../part.js';
import type { PartReceiver } from '../plant.js';
import type { ServerState } from '../server-state.js';

/**
 * The mutable records a `Station` keeps per server: its state, the part(s) it holds, and the clocks of
 * its failure modes and maintenance plans. Internal to the station.
 */

export interface FailureClock {
  readonly name: string;
  readonly basis: FailureBasis;
  readonly mode: FailureModeOptions;
  readonly stream: RandomStream;
  /** `operating`: busy seconds left before the failure. */
  remainingS: number;
  /** `cycles`: parts since the last failure. */
  count: number;
  eventId: EventId;
}

export interface PlanClock {
  readonly plan: MaintenancePlanOptions;
  /** Times the due maintenance was postponed (reset when it is done). */
  postponed: number;
  /** Its maintenance decision. */
  readonly task: DecisionTask;
  readonly basis: 'calendar' | 'operating';
  readonly stream: RandomStream;
  /** `operating`: busy seconds left before it falls due. */
  remainingS: number;
  eventId: EventId;
}

export interface Server {
  readonly index: number;
  /** `station/index` */
  readonly id: string;
  state: ServerState;
  part: Part | null;
  /** The part held has been processed (waiting to be passed on). */
  processed: boolean;
  /** Work seconds still owed on the part, after an interruption. */
  remainingWorkS: number;
  /** Work seconds drawn for the job it holds (the whole job, whatever interruptions). */
  jobWorkS: number;
  workEndS: number;
  busySinceS: number;
  finishId: EventId;
  blockedOn: PartReceiver | null;
  waitToken: number;
  readonly failures: FailureClock[];
  plans: PlanClock[];
  /** Failures that fell due while it was down or in maintenance, or a `cycles` failure after a part. */
  readonly pending: FailureClock[];
  /** Maintenance plans that fell due and wait for the server to be free. */
  readonly pmDue: PlanClock[];
  /** Further parts held with `part`: the rest of a batch or of an assembly kit. */
  others: Part[];
  /** Product of the last part it started (for setups). */
  lastProduct: string | undefined;
  /** Starts of `lastProduct` in a row (parts, or batches), the last one included; 0 before the first. */
  runLength: number;
  /** End of its last preventive maintenance (or its creation), s: the wear clock of inspections. */
  maintainedS: number;
  /** Failures since then. */
  failuresSinceMaintenance: number;
  readonly onFinish: () => void;
}

/** "No event scheduled" in an `EventId` slot. */
export const NO_EVENT: EventId = -1;

/**
 * The empty list that the servers of a station without failure modes and maintenance plans share for
 * their clocks, pending failures and due plans, and every server for `others` while it holds one part:
 * one array for all, not five per server, for speed. Frozen, so that a push onto it fails loudly.
 */
const NOTHING = Object.freeze([]) as unknown as never[];

/**
 * A new idle server, `index` of its station, with id `id` (`station/index`), at `nowS` seconds.
 * @param failures its failure clocks, or `null` when the station has neither failure modes nor
 *   maintenance plans (then its clock lists are the shared empty one).
 * @param onFinish called when its job's work ends.
 */
export function newServer(
  index: number,
  id: string,
  nowS: number,
  failures: FailureClock[] | null,
  onFinish: () => void,
): Server {
  const clocked = failures !== null;
  return {
    index,
    id,
    state: 'idle',
    part: null,
    processed: false,
    remainingWorkS: 0,
    jobWorkS: 0,
    workEndS: Number.NaN,
    busySinceS: Number.NaN,
    finishId: NO_EVENT,
    blockedOn: null,
    waitToken: 0,
    failures: clocked ? failures : NOTHING,
    plans: clocked ? [] : NOTHING,
    failuresSinceMaintenance: 0,
    pending: clocked ? [] : NOTHING,
    pmDue: clocked ? [] : NOTHING,
    others: NOTHING,
    lastProduct: undefined,
    runLength: 0,
    maintainedS: nowS,
    onFinish,
  };
}
