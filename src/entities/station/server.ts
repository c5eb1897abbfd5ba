import { objectArray } from '../../engine/_internal/object-array.js';
import type { EventId, RandomStream } from '../../engine/index.js';
import type { SpaceHolder } from '../buffer.js';
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

/** "No event scheduled" in an `EventId` slot. */
export const NO_EVENT: EventId = -1;

/**
 * The empty list that the servers of a station without failure modes and maintenance plans share for
 * their clocks, pending failures and due plans, and every server for `others` while it holds one part:
 * one array for all, not five per server, for speed. Frozen, so that a push onto it fails loudly.
 */
const NOTHING = Object.freeze([]) as unknown as never[];

/** Who finishes a server's jobs: its station. @internal */
export interface ServerOwner {
  /** The work of `s`'s job has ended (the event scheduled at its start). */
  finishJob(s: Server): void;
  /** A slot freed up in the buffer `s` waits on, for its wait numbered `token` (see `Server.waitToken`). */
  spaceFreed(s: Server, token: number): void;
}

/** Numbers per server in a {@link ServerNumbers} row. */
const STRIDE = 6;
const REMAINING = 0;
const JOB = 1;
const WORK_END = 2;
const BUSY_SINCE = 3;
const FINISH_ID = 4;
const MAINTAINED = 5;

/**
 * The numbers (seconds and event ids) of every server of one plant, one row per server in one flat
 * array, so that a job's start and finish read and write one cache line, not a boxed number of their
 * own per field (V8 keeps a double-valued field as a separate heap object).
 */
class ServerNumbers {
  values = new Float64Array(64 * STRIDE);
  used = 0;

  /** A new row, its numbers `NaN`. */
  add(): number {
    if ((this.used + 1) * STRIDE > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const at = this.used++ * STRIDE;
    this.values.fill(Number.NaN, at, at + STRIDE);
    return at;
  }
}

/** The server numbers of each plant (keyed by anything that lives as long as the plant, e.g. its simulation). */
const tables = new WeakMap<object, ServerNumbers>();

/**
 * One server of a station: its state, the part(s) it holds, the clocks of its failure modes and
 * maintenance plans, and (in its plant's flat table) its work and event numbers.
 */
export class Server implements SpaceHolder {
  readonly index: number;
  /** `station/index` */
  readonly id: string;
  // NOTE: the fields read on every job first, so that they share the object's first cache lines, for speed.
  state: ServerState = 'idle';
  part: Part | null = null;
  /** The part held has been processed (waiting to be passed on). */
  processed = false;
  /** Failures that fell due while it was down or in maintenance, or a `cycles` failure after a part. */
  readonly pending: FailureClock[];
  /** Maintenance plans that fell due and wait for the server to be free. */
  readonly pmDue: PlanClock[];
  /** Further parts held with `part`: the rest of a batch or of an assembly kit. */
  others: Part[] = NOTHING;
  /** Its station. */
  readonly owner: ServerOwner;
  private readonly numbers: ServerNumbers;
  /** Its row in `numbers`. */
  private readonly at: number;
  /** Product of the last part it started (for setups). */
  lastProduct: string | undefined = undefined;
  /** Starts of `lastProduct` in a row (parts, or batches), the last one included; 0 before the first. */
  runLength = 0;
  blockedOn: PartReceiver | null = null;
  waitToken = 0;
  readonly failures: FailureClock[];
  plans: PlanClock[];
  /** Failures since the end of its last preventive maintenance. */
  failuresSinceMaintenance = 0;

  constructor(
    index: number,
    id: string,
    nowS: number,
    failures: FailureClock[] | null,
    owner: ServerOwner,
    plant: object,
  ) {
    const clocked = failures !== null;
    this.index = index;
    this.id = id;
    this.pending = clocked ? objectArray() : NOTHING;
    this.pmDue = clocked ? objectArray() : NOTHING;
    this.owner = owner;
    let numbers = tables.get(plant);
    if (numbers === undefined) {
      numbers = new ServerNumbers();
      tables.set(plant, numbers);
    }
    this.numbers = numbers;
    this.at = numbers.add();
    this.failures = clocked ? failures : NOTHING;
    this.plans = clocked ? objectArray() : NOTHING;
    this.remainingWorkS = 0;
    this.jobWorkS = 0;
    this.finishId = NO_EVENT;
    this.maintainedS = nowS;
  }

  /** @internal Space freed up in the buffer it waits on (see `Buffer.holdFor`): its station decides. */
  spaceFreed(token: number): void {
    this.owner.spaceFreed(this, token);
  }

  /** Work seconds still owed on the part, after an interruption. */
  get remainingWorkS(): number {
    return this.numbers.values[this.at + REMAINING]!;
  }
  set remainingWorkS(v: number) {
    this.numbers.values[this.at + REMAINING] = v;
  }

  /** Work seconds drawn for the job it holds (the whole job, whatever interruptions). */
  get jobWorkS(): number {
    return this.numbers.values[this.at + JOB]!;
  }
  set jobWorkS(v: number) {
    this.numbers.values[this.at + JOB] = v;
  }

  /** When the work in progress ends, s (`NaN` before the first job). */
  get workEndS(): number {
    return this.numbers.values[this.at + WORK_END]!;
  }
  set workEndS(v: number) {
    this.numbers.values[this.at + WORK_END] = v;
  }

  /** Start of the current busy period, s (`NaN` when not busy). */
  get busySinceS(): number {
    return this.numbers.values[this.at + BUSY_SINCE]!;
  }
  set busySinceS(v: number) {
    this.numbers.values[this.at + BUSY_SINCE] = v;
  }

  /** The event that ends the work in progress, or {@link NO_EVENT}. */
  get finishId(): EventId {
    return this.numbers.values[this.at + FINISH_ID]!;
  }
  set finishId(v: EventId) {
    this.numbers.values[this.at + FINISH_ID] = v;
  }

  /** End of its last preventive maintenance (or its creation), s: the wear clock of inspections. */
  get maintainedS(): number {
    return this.numbers.values[this.at + MAINTAINED]!;
  }
  set maintainedS(v: number) {
    this.numbers.values[this.at + MAINTAINED] = v;
  }
}
