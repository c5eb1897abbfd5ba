import {
  type Distribution,
  InvalidArgumentError,
  InvalidStateError,
  type RandomStream,
} from '../engine/index.js';
import type { AnyDecisionPoint } from '../policies/contract.js';
import type { DecisionTask } from './decisions/decision-task.js';
import { naturalKey } from './decisions/natural-key.js';
import type { Plant } from './plant.js';
import { distanceM, type Position } from './position.js';
import type { WorkerState } from './server-state.js';
import type { ShiftCalendar } from './shift-calendar.js';
import { positionAt } from './snapshot-motion.js';
import type { Motion } from './snapshot-types.js';

/** One person of a pool (a maintenance crew, or a machine operator). */
export interface WorkerSpec {
  /** Id, unique in the pool. */
  readonly id: string;
  /** Skills held; a job with no required skill can be done by anyone of the pool (default none). */
  readonly skills?: readonly string[];
  /** Where the worker starts, metres (for travel by distance). */
  readonly home?: Position;
  /**
   * Working-time calendar (default: always on shift). Off shift the worker takes no new job; a job in
   * hand at the shift end is finished first.
   */
  readonly shifts?: ShiftCalendar;
}

/**
 * How a worker gets to a machine: a fixed time (seconds), layout distance at a speed (m/s), or a random
 * time (seconds) drawn for each trip from the pool's stream `${pool}/travel`.
 */
export type WorkerTravel =
  | { readonly fixedS: number }
  | { readonly speedMps: number }
  | { readonly timeS: Distribution };

/**
 * Which job a worker serves, as published and snapshot: the machine, plus what each kind of pool adds
 * (a crew job's `kind`, an operator's first `task`).
 */
export interface WorkerJobRef {
  readonly station: string;
  readonly server: number;
}

/** A trip under way: from `from` at `startS` to `to` at `endS` (metres, seconds). */
export interface WorkerTrip {
  readonly from: Position;
  readonly to: Position;
  readonly startS: number;
  readonly endS: number;
}

/** A worker's place in a pool, handed to the job when the worker arrives (to release it later). */
export interface Worker<R extends WorkerJobRef = WorkerJobRef> {
  readonly id: string;
  readonly skills: ReadonlySet<string>;
  /** Where it stands, metres (`undefined` when unknown); during a trip, where it set off from. */
  position: Position | undefined;
  state: WorkerState;
  onShift: boolean;
  /** The trip under way (for the interpolated position), or `null`. */
  trip: WorkerTrip | null;
  /** The job it goes to or works on, or `null`. */
  job: R | null;
}

/** One worker as plain data at a time (what a pool's snapshot lists). */
export interface WorkerSnapshot<R extends WorkerJobRef = WorkerJobRef> {
  readonly id: string;
  readonly state: WorkerState;
  /** Where it is at the snapshot time, metres (interpolated on a trip; `null` when unknown). */
  readonly position: Position | null;
  /** The trip under way, if any. */
  readonly motion: Motion | null;
  readonly job: R | null;
}

/** A job asked of a pool: a worker goes to (`station`, `server`) and stays until released. */
export interface WorkerRequest {
  readonly station: string;
  readonly server: number;
  /** Required skill, or `undefined` for anyone. */
  readonly skill: string | undefined;
  /** Machine position, metres (for travel by distance). */
  readonly position: Position | undefined;
  /**
   * Called when the worker has arrived and starts working (state `working`); the caller ends the job
   * with {@link WorkerPool.release}.
   */
  readonly onArrive: (worker: Worker) => void;
}

/** A request in the queue of a pool. */
export interface Waiting<J extends WorkerRequest> {
  readonly job: J;
  /** Time the job was requested, s. */
  readonly requestedS: number;
  /** Tie-break key: station id in natural order, then server index. */
  readonly key: string;
}

/** Options common to every {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Id, unique in the plant. */
  readonly id: string;
  /** The workers (at least one), or their number `n`: `n` identical workers with ids `1`…`n` and `skills`. */
  readonly workers: readonly WorkerSpec[] | number;
  /** Skills of every worker when `workers` is a number (default none). */
  readonly skills?: readonly string[];
  /** Default `{ fixedS: 0 }`. With `speedMps`, travel is 0 when a position is unknown. */
  readonly travel?: WorkerTravel;
}

/**
 * A pool of people who go to machines to work there: the machinery that maintenance crews and machine
 * operators share.
 *
 * A job (a {@link WorkerRequest}) waits in the pool's queue until a worker is assigned. Assignments are
 * decisions of the pool's kind, taken at the end of the instant through the plant's broker: the first
 * idle worker (in the order given) that is skilled for some waiting job takes the one the pool's policy
 * chooses among those (option 0: the first in the pool's tie-break order, {@link WorkerPool.before});
 * then the next idle worker, and so on. The worker travels (state `travelling`: a fixed time, a random
 * time per trip, or the straight-line distance at a speed), works (`working`) until the job's owner
 * releases it, then stays at that machine. Off its shift calendar a worker takes no new job; one in hand
 * is finished first. Each subclass publishes, under its own events, the state changes, the job taken
 * (when the worker sets off) and finished (when it is released), and every trip between known, different
 * positions that takes time (so a viewer can interpolate); {@link WorkerPool.workerSnapshots} gives the
 * same as plain data.
 */
export abstract class WorkerPool<J extends WorkerRequest, R extends WorkerJobRef = WorkerJobRef>
  implements DecisionTask
{
  readonly id: string;
  abstract readonly kind: 'crew' | 'operator';
  /** @internal decision order key. */
  readonly key: string;
  /** @internal */
  queued = false;
  abstract readonly policy: DecisionTask['policy'];
  protected readonly plant: Plant;
  protected readonly workers: Worker<R>[];
  private readonly travel: WorkerTravel;
  /** Stream of random travel times (only with `timeS`, so other pools' draws never shift). */
  private readonly travelStream: RandomStream | undefined;
  protected readonly queue: Waiting<J>[] = [];
  private choice: { worker: Worker<R>; eligible: number[] } | null = null;

  /** `what` names the class in error messages (`CrewPool`, `OperatorPool`), `noun` one member (`crew`). */
  constructor(plant: Plant, options: WorkerPoolOptions, what: string, noun: string) {
    const specs: readonly WorkerSpec[] =
      typeof options.workers === 'number'
        ? Array.from({ length: Number.isInteger(options.workers) ? options.workers : 0 }, (_, i) => ({
            id: String(i + 1),
            skills: options.skills ?? [],
          }))
        : options.workers;
    if (specs.length === 0) {
      throw new InvalidArgumentError(
        `${what}: ${options.id} needs at least one ${noun} (got ${JSON.stringify(options.workers)})`,
      );
    }
    const travel = options.travel ?? { fixedS: 0 };
    if (
      'fixedS' in travel
        ? !(travel.fixedS >= 0 && Number.isFinite(travel.fixedS))
        : 'speedMps' in travel
          ? !(travel.speedMps > 0)
          : !(travel.timeS.mean >= 0 && Number.isFinite(travel.timeS.mean))
    ) {
      throw new InvalidArgumentError(
        `${what}: travel of ${options.id} must be fixedS >= 0 s, speedMps > 0 m/s or a timeS distribution of durations (got ${'timeS' in travel ? travel.timeS.toString() : JSON.stringify(travel)})`,
      );
    }
    this.travelStream = 'timeS' in travel ? plant.sim.streams.get(`${options.id}/travel`) : undefined;
    this.id = options.id;
    this.plant = plant;
    this.key = naturalKey(options.id);
    this.travel = travel;
    const now = plant.sim.now;
    this.workers = specs.map((c) => {
      const onShift = c.shifts?.isOn(now) ?? true;
      return {
        id: c.id,
        skills: new Set(c.skills ?? []),
        position: c.home,
        state: (onShift ? 'idle' : 'off-shift') as WorkerState,
        onShift,
        trip: null,
        job: null,
      };
    });
    this.specs = specs;
  }

  private readonly specs: readonly WorkerSpec[];

  /**
   * Arms the shift calendars; a subclass calls it at the end of its constructor, once it is registered
   * with the plant (so the first `shiftChanged` has a known emitter).
   */
  protected startShifts(): void {
    this.specs.forEach((spec, i) => {
      if (spec.shifts !== undefined) this.scheduleShift(this.workers[i]!, spec.shifts);
    });
  }

  /** Worker ids, in the order given. */
  get workerIds(): readonly string[] {
    return this.workers.map((c) => c.id);
  }

  /** Number of jobs waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Current state of worker `workerId`. */
  workerState(workerId: string): WorkerState {
    return this.worker(workerId).state;
  }

  /** Whether worker `workerId` is within its working time. */
  workerOnShift(workerId: string): boolean {
    return this.worker(workerId).onShift;
  }

  /**
   * Each worker as plain data at `now` (seconds): state, position (interpolated on a trip), the trip under
   * way and the job served.
   */
  workerSnapshots(now: number): WorkerSnapshot<R>[] {
    return this.workers.map((w) => {
      const trip = w.trip !== null && now < w.trip.endS ? w.trip : null;
      const motion =
        trip === null ? null : { from: trip.from, to: trip.to, fromT: trip.startS, toT: trip.endS };
      const position = motion !== null ? positionAt(motion, now) : (w.trip?.to ?? w.position ?? null);
      return { id: w.id, state: w.state, position, motion, job: w.job };
    });
  }

  private worker(workerId: string): Worker<R> {
    const w = this.workers.find((c) => c.id === workerId);
    if (w === undefined)
      throw new InvalidArgumentError(`${this.kind} pool ${this.id} has no member ${workerId}`);
    return w;
  }

  /** `true` if some worker of the pool has `skill` (anyone when `undefined`). */
  canDo(skill: string | undefined): boolean {
    return this.workers.some((c) => skill === undefined || c.skills.has(skill));
  }

  /** Queues `job`. Throws if nobody of the pool has its skill (it could never be served). */
  protected enqueue(job: J): void {
    if (!this.canDo(job.skill)) {
      throw new InvalidArgumentError(
        `${this.kind} pool ${this.id}: nobody has skill ${JSON.stringify(job.skill)} (needed by ${job.station})`,
      );
    }
    const key = `${naturalKey(job.station)}\u0001${String(job.server).padStart(6, '0')}`;
    this.queue.push({ job, requestedS: this.plant.sim.now, key });
    this.requestDecision();
  }

  /** Ends the job `worker` is working on: it stays where it is and is free for the next one. */
  release(released: Worker): void {
    // Every worker handed out by this pool was made here, with its job of type R.
    const worker = released as Worker<R>;
    if (worker.state !== 'working') {
      throw new InvalidStateError(
        `${this.kind} pool ${this.id}: ${worker.id} released while ${worker.state}`,
      );
    }
    worker.job = null;
    this.publishJob(worker, null);
    if (!worker.onShift) {
      this.setState(worker, 'off-shift');
      return;
    }
    this.setState(worker, 'idle');
    this.requestDecision();
  }

  /**
   * `true` when waiting job `a` goes before `b` in tie-break order (option 0 of the pool's decision).
   * Default: request time, then station id in natural order, then server.
   */
  protected before(a: Waiting<J>, b: Waiting<J>): boolean {
    return a.requestedS < b.requestedS || (a.requestedS === b.requestedS && a.key < b.key);
  }

  /** Publishes a change of state of `worker` (under the subclass's event). */
  protected abstract publish(worker: Worker<R>, from: WorkerState, to: WorkerState): void;

  /** Publishes that `worker` took `job` (it sets off), or with `null` finished its job. */
  protected abstract publishJob(worker: Worker<R>, job: R | null): void;

  /** Publishes that `worker` set off from `from` to `to` (metres), arriving at `arriveS` (seconds). */
  protected abstract publishMove(worker: Worker<R>, from: Position, to: Position, arriveS: number): void;

  /** The job as published and snapshot. */
  protected abstract jobRef(job: J): R;

  /** The decision point of `worker` choosing among `eligible` (waiting jobs in tie-break order). */
  protected abstract point(worker: Worker<R>, eligible: readonly Waiting<J>[]): AnyDecisionPoint;

  /** Straight-line distance from `worker` to `position`, m (0 when either is unknown). */
  protected distanceTo(worker: Worker<R>, position: Position | undefined): number {
    return worker.position === undefined || position === undefined ? 0 : distanceM(worker.position, position);
  }

  private requestDecision(): void {
    if (this.queue.length > 0) this.plant.broker.request(this);
  }

  /** The first idle worker with a job it is skilled for, and the indexes of those jobs in tie-break order. */
  private firstChoice(): { worker: Worker<R>; eligible: number[] } | null {
    for (const worker of this.workers) {
      if (worker.state !== 'idle') continue;
      const eligible: number[] = [];
      for (let i = 0; i < this.queue.length; i++) {
        const skill = this.queue[i]!.job.skill;
        if (skill === undefined || worker.skills.has(skill)) eligible.push(i);
      }
      if (eligible.length === 0) continue;
      eligible.sort((a, b) => (this.before(this.queue[a]!, this.queue[b]!) ? -1 : 1));
      return { worker, eligible };
    }
    return null;
  }

  /** @internal the pool's decision (see {@link DecisionTask}). */
  build(): AnyDecisionPoint | null {
    const c = this.firstChoice();
    if (c === null) return null;
    this.choice = c;
    return this.point(
      c.worker,
      c.eligible.map((i) => this.queue[i]!),
    );
  }

  /** @internal */
  apply(_point: AnyDecisionPoint, index: number): void {
    const c = this.choice!;
    this.choice = null;
    this.take(c.worker, c.eligible[index]!);
  }

  /** @internal */
  applyFirst(): boolean {
    const c = this.firstChoice();
    if (c === null) return false;
    this.take(c.worker, c.eligible[0]!);
    return true;
  }

  private take(worker: Worker<R>, queueIndex: number): void {
    const [w] = this.queue.splice(queueIndex, 1);
    this.assign(worker, w!.job);
    this.requestDecision();
  }

  private travelS(worker: Worker<R>, job: J): number {
    const t = this.travel;
    if ('fixedS' in t) return t.fixedS;
    if ('timeS' in t) {
      const drawn = t.timeS.sample(this.travelStream!);
      if (!(drawn >= 0 && drawn < Number.POSITIVE_INFINITY)) {
        throw new InvalidStateError(
          `${this.kind} pool ${this.id}: travel time to ${job.station} drew ${drawn} s`,
        );
      }
      return drawn;
    }
    return this.distanceTo(worker, job.position) / t.speedMps;
  }

  protected setState(worker: Worker<R>, to: WorkerState): void {
    const from = worker.state;
    worker.state = to;
    this.publish(worker, from, to);
  }

  private assign(worker: Worker<R>, job: J): void {
    const sim = this.plant.sim;
    const travelS = this.travelS(worker, job);
    const now = sim.now;
    worker.job = this.jobRef(job);
    this.publishJob(worker, worker.job);
    this.setState(worker, 'travelling');
    const from = worker.position;
    const to = job.position;
    if (from !== undefined && to !== undefined && travelS > 0 && (from.x !== to.x || from.y !== to.y)) {
      worker.trip = { from, to, startS: now, endS: now + travelS };
      this.publishMove(worker, from, to, now + travelS);
    }
    sim.schedule(travelS, () => {
      worker.trip = null;
      worker.position = job.position ?? worker.position;
      this.setState(worker, 'working');
      job.onArrive(worker);
    });
  }

  private scheduleShift(worker: Worker<R>, shifts: ShiftCalendar): void {
    const sim = this.plant.sim;
    const at = shifts.nextChange(sim.now);
    if (at === Number.POSITIVE_INFINITY) return;
    sim.scheduleAt(at, () => {
      worker.onShift = !worker.onShift;
      this.plant.events.emit('shiftChanged', `${this.id}/${worker.id}`, worker.onShift, sim.now);
      if (worker.onShift && worker.state === 'off-shift') {
        this.setState(worker, 'idle');
        this.requestDecision();
      } else if (!worker.onShift && worker.state === 'idle') {
        this.setState(worker, 'off-shift');
      }
      this.scheduleShift(worker, shifts);
    });
  }
}
