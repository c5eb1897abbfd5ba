import type { CrewJobView, CrewPoint, CrewPolicy } from '../policies/contract.js';
import type { Plant } from './plant.js';
import type { Position } from './position.js';
import type { CrewState } from './server-state.js';
import type { CrewSnapshot } from './snapshot-types.js';
import {
  type Waiting,
  type Worker,
  type WorkerJobRef,
  WorkerPool,
  type WorkerRequest,
  type WorkerSpec,
  type WorkerTravel,
} from './worker-pool.js';

/** One crew of a pool. */
export type CrewSpec = WorkerSpec;

/**
 * How a crew gets to a machine: a fixed time (seconds), layout distance at a speed (m/s), or a random
 * time (seconds) drawn for each trip from the pool's stream `${pool}/travel`.
 */
export type CrewTravel = WorkerTravel;

/** Options of a {@link CrewPool}. */
export interface CrewPoolOptions {
  /** Id, unique in the plant. */
  readonly id: string;
  /**
   * The crews (at least one), or their number `n`: then `n` identical crews with ids `1`…`n` and the
   * skills of `skills`.
   */
  readonly crews: readonly CrewSpec[] | number;
  /** Skills of every crew when `crews` is a number (default none). */
  readonly skills?: readonly string[];
  /** Which waiting job a crew that becomes free takes (default: the oldest request, first failed first served). */
  readonly dispatch?: CrewPolicy;
  /** Default `{ fixedS: 0 }`. With `speedMps`, travel is 0 when a position is unknown. */
  readonly travel?: CrewTravel;
}

/** A repair or maintenance job asked of a crew pool by a station. */
export interface CrewJob {
  readonly kind: 'repair' | 'maintenance';
  readonly station: string;
  readonly server: number;
  /** Required skill, or `undefined` for any crew. */
  readonly skill: string | undefined;
  /** Station priority (higher is more urgent; what a priority crew policy looks at). */
  readonly priority: number;
  /** Machine position, metres (for travel by distance). */
  readonly position: Position | undefined;
  /** Work time once at the machine, seconds. */
  readonly durationS: number;
  /** Called when the crew arrives at the machine and starts working. */
  readonly onStart: () => void;
  /** Called when the work is done (the crew is free again right after). */
  readonly onDone: () => void;
}

/** Which job a crew serves, as published (`crewJobChanged`) and snapshot. */
export interface CrewJobRef extends WorkerJobRef {
  readonly kind: 'repair' | 'maintenance';
  readonly station: string;
  readonly server: number;
}

interface CrewRequest extends WorkerRequest {
  readonly job: CrewJob;
}

/**
 * A pool of maintenance crews serving repair and preventive-maintenance jobs (a {@link WorkerPool} whose
 * jobs last a known time). Assignments are `crew` decisions, taken at the end of the instant: the first
 * idle crew (in the order given) that is skilled for some waiting job takes the one its
 * {@link CrewPolicy} chooses among those (default: the first requested; ties by station id in natural
 * order, then server); then the next idle crew, and so on. A crew travels (state `travelling`,
 * straight-line distance at its speed, or a fixed time), works (`working`) for the job's duration, then
 * stays at that machine. States are published as `crewStateChanged`, jobs taken and finished as
 * `crewJobChanged`, trips as `crewMoved`.
 */
export class CrewPool extends WorkerPool<CrewRequest, CrewJobRef> {
  readonly kind = 'crew' as const;
  readonly policy: CrewPolicy | undefined;

  constructor(plant: Plant, options: CrewPoolOptions) {
    super(
      plant,
      {
        id: options.id,
        workers: options.crews,
        ...(options.skills === undefined ? {} : { skills: options.skills }),
        ...(options.travel === undefined ? {} : { travel: options.travel }),
      },
      'CrewPool',
      'crew',
    );
    this.policy = options.dispatch;
    plant.registerCrewPool(this);
    this.startShifts();
  }

  /** Crew ids, in the order given. */
  get crewIds(): readonly string[] {
    return this.workerIds;
  }

  /** Current state of crew `crewId`. */
  crewState(crewId: string): CrewState {
    return this.workerState(crewId);
  }

  /** Whether crew `crewId` is within its working time. */
  crewOnShift(crewId: string): boolean {
    return this.workerOnShift(crewId);
  }

  /**
   * Each crew as plain data at `now` (seconds): state, position (interpolated on a trip), the trip under
   * way and the job served.
   */
  crewSnapshots(now: number): CrewSnapshot[] {
    return this.workerSnapshots(now);
  }

  /** Asks for a crew. Throws if no crew of the pool has the skill (the job could never be served). */
  request(job: CrewJob): void {
    const sim = this.plant.sim;
    this.enqueue({
      job,
      station: job.station,
      server: job.server,
      skill: job.skill,
      position: job.position,
      onArrive: (crew: Worker) => {
        job.onStart();
        sim.schedule(job.durationS, () => {
          // The job ends before the crew is free, so a job requested from onDone queues behind older ones.
          job.onDone();
          this.release(crew);
        });
      },
    });
  }

  protected publish(crew: Worker<CrewJobRef>, from: CrewState, to: CrewState): void {
    this.plant.events.emit('crewStateChanged', this.id, crew.id, from, to, this.plant.sim.now);
  }

  protected publishJob(crew: Worker<CrewJobRef>, job: CrewJobRef | null): void {
    this.plant.events.emit('crewJobChanged', this.id, crew.id, job, this.plant.sim.now);
  }

  protected publishMove(crew: Worker<CrewJobRef>, from: Position, to: Position, arriveS: number): void {
    this.plant.events.emit('crewMoved', this.id, crew.id, from, to, arriveS, this.plant.sim.now);
  }

  protected jobRef({ job }: CrewRequest): CrewJobRef {
    return { kind: job.kind, station: job.station, server: job.server };
  }

  protected point(crew: Worker<CrewJobRef>, eligible: readonly Waiting<CrewRequest>[]): CrewPoint {
    const options: CrewJobView[] = eligible.map(({ job: { job }, requestedS }) => {
      const { kind, station, server, priority, position } = job;
      return {
        kind,
        station,
        server,
        priority,
        position,
        requestedS,
        distanceM: this.distanceTo(crew, position),
      };
    });
    return {
      kind: 'crew',
      at: this.id,
      now: this.plant.sim.now,
      options,
      crew: crew.id,
      crewPosition: crew.position,
    };
  }
}
