import type { Distribution } from '../../engine/index.js';
import type { DispatchPolicy, MaintenancePolicy } from '../../policies/contract.js';
import type { Buffer } from '../buffer.js';
import type { CrewPool } from '../crew-pool.js';
import type { FailureModeOptions } from '../failure-mode.js';
import type { InspectionOptions } from '../inspection.js';
import type { MachineTender } from '../machine-tender.js';
import type { MaintenancePlanOptions } from '../maintenance-plan.js';
import type { Position } from '../position.js';
import type { ShiftCalendar } from '../shift-calendar.js';
import type { OperatorNeedOptions } from './operator-need.js';
import type { SetupTable } from './setup-table.js';
import type { StepsFrom, StepTimesSpec } from './step-times.js';

/** Options of a `Station` (see station.ts for the behaviour they set). */
export interface StationOptions {
  /** Id, unique in the plant (routings name it). */
  readonly id: string;
  /** Number of parallel identical servers, an integer ≥ 1 (default 1). */
  readonly servers?: number;
  /** Input buffer; default: the station's own unbounded FIFO queue with id `${id}/queue`. */
  readonly input?: Buffer;
  /**
   * Process time per product id, seconds, drawn from the stream `${id}/process`: one distribution for
   * every visit, or one per routing step of the product (`undefined` for the steps not done here), or
   * the steps from one on as `{ fromStep, steps }` (no slots for the steps before it; see {@link StepsFrom}).
   */
  readonly processTimes: StepTimesSpec<Distribution>;
  /**
   * Standard (ideal) time of a job per product id, seconds, for OEE's performance factor: one figure for
   * every visit, or one per routing step (`undefined` where none is given), in either per-step form of
   * `processTimes`. It must not exceed the lowest
   * possible process time (the caller checks). Where none is given, the standard time of a job is the
   * process time drawn for it.
   */
  readonly standardTimes?: StepTimesSpec<number>;
  /**
   * Which waiting part a free server takes (a `dispatch` decision; default: the first in tie-break order,
   * i.e. the oldest — first in, first out).
   */
  readonly dispatch?: DispatchPolicy;
  /** Whether a due preventive maintenance is done now or postponed (default: now). */
  readonly maintenancePolicy?: MaintenancePolicy;
  /** Priority of its repair and maintenance jobs for a crew pool with `priority` dispatch (default 0). */
  readonly priority?: number;
  /** Layout position, metres (for crew travel by distance). */
  readonly position?: Position;
  /** Failure modes; every server fails independently under each. */
  readonly failures?: readonly FailureModeOptions[];
  /** Preventive maintenance plans, applied to each server. */
  readonly maintenance?: readonly MaintenancePlanOptions[];
  /** Crews that repair and maintain it; without one, repairs and maintenance start at once. */
  readonly crews?: CrewPool;
  /**
   * Sequence-dependent setup times, seconds: the entry for `from → to` is drawn (stream `${id}/setup`) when
   * a server changes from a part of product `from` to one of product `to`. Either key may be `'*'` (any
   * product); the most specific entry wins (see {@link setupFor}). A change no entry covers needs no
   * setup, nor does a product after itself or a server's first part.
   */
  readonly setupTimes?: SetupTable;
  /** A robot that loads and unloads the servers (a robot cell); default: parts move on their own. */
  readonly tender?: MachineTender;
  /**
   * Operators its servers need, from one pool, for some of loading, setups, the whole processing time and
   * unloading (see `OperatorNeed`); default none. Loading and unloading by an operator exclude a `tender`.
   */
  readonly operator?: OperatorNeedOptions;
  /** Working-time calendar of the servers; default: always on shift. */
  readonly shifts?: ShiftCalendar;
  /**
   * At a shift end, a part in process is finished first (`finish`, default; no new part starts) or
   * stopped and resumed with its remaining work when the next shift starts (`stop`).
   */
  readonly atShiftEnd?: 'finish' | 'stop';
  /** Inline inspection of every part right after processing. */
  readonly inspection?: InspectionOptions;
  /**
   * Each server processes up to `size` parts of one product at once (an oven), for one process time of
   * that product. A free server starts a full batch at once; a partial one only when its oldest part has
   * waited `maxWaitS` seconds (without `maxWaitS` it waits for a full batch). The parts of a batch are the
   * one the dispatch policy chooses plus the oldest others of its product.
   */
  readonly batch?: { readonly size: number; readonly maxWaitS?: number };
  /**
   * Joins parts by a bill of materials: a free server starts when its queue holds `inputs[product]` parts
   * of every input product (the oldest of each), works for the process time of `output`, then the inputs
   * leave the system (consumed) and one new part of `output` goes on along its routing after this station.
   */
  readonly assembly?: { readonly output: string; readonly inputs: Readonly<Record<string, number>> };
}
