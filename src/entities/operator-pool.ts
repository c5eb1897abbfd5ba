import type { OperatorJobView, OperatorPoint, OperatorPolicy, OperatorTask } from '../policies/contract.js';
import type { Plant } from './plant.js';
import type { Position } from './position.js';
import type { OperatorState } from './server-state.js';
import type { OperatorSnapshot } from './snapshot-types.js';
import {
  type Waiting,
  type Worker,
  type WorkerJobRef,
  WorkerPool,
  type WorkerRequest,
  type WorkerSpec,
  type WorkerTravel,
} from './worker-pool.js';

/** Options of an {@link OperatorPool}. */
export interface OperatorPoolOptions {
  /** Id, unique in the plant (stations name it). */
  readonly id: string;
  /**
   * The operators (at least one), with their skills, home position and shift calendar; or their number
   * `n`: then `n` identical operators with ids `1`…`n` and the skills of `skills`.
   */
  readonly operators: readonly WorkerSpec[] | number;
  /** Skills of every operator when `operators` is a number (default none). */
  readonly skills?: readonly string[];
  /**
   * Which machine a free operator goes to (an `operator` decision; default: first come, first served —
   * the machine whose part entered its queue first).
   */
  readonly dispatch?: OperatorPolicy;
  /** Walking: a fixed time, a random time per trip, or straight-line distance / speed (default no time). */
  readonly travel?: WorkerTravel;
}

/** A machine's call for an operator (see {@link OperatorPool.request}). */
export interface OperatorJob extends WorkerRequest {
  /** What she will do there first. */
  readonly task: OperatorTask;
  /** Station priority (higher is more urgent). */
  readonly priority: number;
  /** Product of the part on the machine. */
  readonly product: string;
  /** When that part entered the station's queue, s (first come, first served compares it). */
  readonly partQueuedS: number;
}

/** Which job an operator serves, as published (`operatorJobChanged`) and snapshot. */
export interface OperatorJobRef extends WorkerJobRef {
  /** What she does there first (she may do later tasks of the same part before she is released). */
  readonly task: OperatorTask;
  readonly station: string;
  readonly server: number;
}

/**
 * A pool of machine operators: people a station needs to load, set up, attend or unload its machines (a
 * {@link WorkerPool}, as crews are). A machine that needs an operator asks the pool and waits (state
 * `waiting-operator`); a free operator with the job's skill is assigned by an `operator` decision at the
 * end of the instant, walks there (`travelling`), and works (`working`) until the station releases her —
 * after the last consecutive task of the part that needs her — then stays at that machine, free.
 * Options of the decision are ordered first come, first served: by the time the part on the machine
 * entered its station's queue, then request time, station id (natural order) and server. States are
 * published as `operatorStateChanged`, arrivals as `operatorAssigned`, jobs taken and finished as
 * `operatorJobChanged`, walks as `operatorMoved`.
 */
export class OperatorPool extends WorkerPool<OperatorJob, OperatorJobRef> {
  readonly kind = 'operator' as const;
  readonly policy: OperatorPolicy | undefined;

  constructor(plant: Plant, options: OperatorPoolOptions) {
    super(
      plant,
      {
        id: options.id,
        workers: options.operators,
        ...(options.skills === undefined ? {} : { skills: options.skills }),
        ...(options.travel === undefined ? {} : { travel: options.travel }),
      },
      'OperatorPool',
      'operator',
    );
    this.policy = options.dispatch;
    plant.registerOperatorPool(this);
    this.startShifts();
  }

  /** Operator ids, in the order given. */
  get operatorIds(): readonly string[] {
    return this.workerIds;
  }

  /** Current state of operator `id`. */
  operatorState(id: string): OperatorState {
    return this.workerState(id);
  }

  /** Whether operator `id` is within her working time. */
  operatorOnShift(id: string): boolean {
    return this.workerOnShift(id);
  }

  /**
   * Each operator as plain data at `now` (seconds): state, position (interpolated on a walk), the walk
   * under way and the job served.
   */
  operatorSnapshots(now: number): OperatorSnapshot[] {
    return this.workerSnapshots(now);
  }

  /**
   * Asks for an operator; `job.onArrive` is called when she is at the machine, and the caller ends her
   * work there with {@link WorkerPool.release}. Throws if nobody of the pool has the skill.
   */
  request(job: OperatorJob): void {
    const onArrive = job.onArrive;
    this.enqueue({
      ...job,
      onArrive: (op: Worker) => {
        this.plant.events.emit(
          'operatorAssigned',
          this.id,
          op.id,
          job.station,
          job.server,
          this.plant.sim.now,
        );
        onArrive(op);
      },
    });
  }

  protected override before(a: Waiting<OperatorJob>, b: Waiting<OperatorJob>): boolean {
    const qa = a.job.partQueuedS;
    const qb = b.job.partQueuedS;
    if (qa !== qb) return qa < qb;
    return a.requestedS < b.requestedS || (a.requestedS === b.requestedS && a.key < b.key);
  }

  protected publish(op: Worker<OperatorJobRef>, from: OperatorState, to: OperatorState): void {
    this.plant.events.emit('operatorStateChanged', this.id, op.id, from, to, this.plant.sim.now);
  }

  protected publishJob(op: Worker<OperatorJobRef>, job: OperatorJobRef | null): void {
    this.plant.events.emit('operatorJobChanged', this.id, op.id, job, this.plant.sim.now);
  }

  protected publishMove(op: Worker<OperatorJobRef>, from: Position, to: Position, arriveS: number): void {
    this.plant.events.emit('operatorMoved', this.id, op.id, from, to, arriveS, this.plant.sim.now);
  }

  protected jobRef(job: OperatorJob): OperatorJobRef {
    return { task: job.task, station: job.station, server: job.server };
  }

  protected point(op: Worker<OperatorJobRef>, eligible: readonly Waiting<OperatorJob>[]): OperatorPoint {
    const options: OperatorJobView[] = eligible.map(({ job, requestedS }) => ({
      task: job.task,
      station: job.station,
      server: job.server,
      priority: job.priority,
      product: job.product,
      partQueuedS: job.partQueuedS,
      requestedS,
      position: job.position as Position | undefined,
      distanceM: this.distanceTo(op, job.position),
    }));
    return {
      kind: 'operator',
      at: this.id,
      now: this.plant.sim.now,
      options,
      operator: op.id,
      operatorPosition: op.position,
    };
  }
}
