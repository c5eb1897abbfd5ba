import {
  type Distribution,
  InvalidArgumentError,
  InvalidStateError,
  type RandomStream,
} from '../engine/index.js';
import type { AnyDecisionPoint, CrewJobView, CrewPoint, CrewPolicy } from '../policies/contract.js';
import type { DecisionTask } from './decisions/decision-task.js';
import { naturalKey } from './decisions/natural-key.js';
import type { Plant } from './plant.js';
import { distanceM, type Position } from './position.js';
import type { CrewState } from './server-state.js';
import type { ShiftCalendar } from './shift-calendar.js';
import { positionAt } from './snapshot-motion.js';
import type { CrewSnapshot } from './snapshot-types.js';

/** One crew of a pool. */
export interface CrewSpec {
  /** Id, unique in the pool. */
  readonly id: string;
  /** Skills it has; a job with no required skill can be done by any crew (default none). */
  readonly skills?: readonly string[];
  /** Where it starts, metres (for travel by distance). */
  readonly home?: Position;
  /**
   * Working-time calendar (default: always on shift). Off shift it takes no new job; a job in hand at the
   * shift end is finished first.
   */
  readonly shifts?: ShiftCalendar;
}

/**
 * How a crew gets to a machine: a fixed time (seconds), layout distance at a speed (m/s), or a random
 * time (seconds) drawn for each trip from the pool's stream `${pool}/travel`.
 */
export type CrewTravel =
  | { readonly fixedS: number }
  | { readonly speedMps: number }
  | { readonly timeS: Distribution };

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
export interface CrewJobRef {
  readonly kind: 'repair' | 'maintenance';
  readonly station: string;
  readonly server: number;
}

interface Crew {
  readonly id: string;
  readonly skills: ReadonlySet<string>;
  position: Position | undefined;
  state: CrewState;
  onShift: boolean;
  /** The trip under way (times in seconds), for the interpolated position. */
  trip: {
    readonly from: Position;
    readonly to: Position;
    readonly startS: number;
    readonly endS: number;
  } | null;
  job: CrewJobRef | null;
}

interface Waiting {
  readonly job: CrewJob;
  readonly requestedS: number;
  /** Tie-break key: station id in natural order, then server index. */
  readonly key: string;
}

/** Waiting jobs in tie-break order: request time, then station (natural order), then server. */
function before(a: Waiting, b: Waiting): boolean {
  return a.requestedS < b.requestedS || (a.requestedS === b.requestedS && a.key < b.key);
}

/**
 * A pool of maintenance crews serving repair and preventive-maintenance jobs. Assignments are `crew`
 * decisions, taken at the end of the instant: the first idle crew (in the order given) that is skilled
 * for some waiting job takes the one its {@link CrewPolicy} chooses among those (default: the first
 * requested; ties by station id in natural order, then server); then the next idle crew, and so on. A
 * crew travels (state `travelling`, straight-line distance at its speed, or a fixed time), works
 * (`working`), then stays at that machine. States are published as `crewStateChanged`.
 */
export class CrewPool implements DecisionTask {
  readonly id: string;
  readonly kind = 'crew' as const;
  /** @internal decision order key. */
  readonly key: string;
  /** @internal */
  queued = false;
  readonly policy: CrewPolicy | undefined;
  private choice: { crew: Crew; eligible: number[] } | null = null;
  private readonly plant: Plant;
  private readonly crews: Crew[];
  private readonly travel: CrewTravel;
  /** Stream of random travel times (only with `timeS`, so other pools' draws never shift). */
  private readonly travelStream: RandomStream | undefined;
  private readonly queue: Waiting[] = [];

  constructor(plant: Plant, options: CrewPoolOptions) {
    const specs: readonly CrewSpec[] =
      typeof options.crews === 'number'
        ? Array.from({ length: Number.isInteger(options.crews) ? options.crews : 0 }, (_, i) => ({
            id: String(i + 1),
            skills: options.skills ?? [],
          }))
        : options.crews;
    if (specs.length === 0) {
      throw new InvalidArgumentError(
        `CrewPool: ${options.id} needs at least one crew (got ${JSON.stringify(options.crews)})`,
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
        `CrewPool: travel of ${options.id} must be fixedS >= 0 s, speedMps > 0 m/s or a timeS distribution of durations (got ${'timeS' in travel ? travel.timeS.toString() : JSON.stringify(travel)})`,
      );
    }
    this.travelStream = 'timeS' in travel ? plant.sim.streams.get(`${options.id}/travel`) : undefined;
    this.id = options.id;
    this.plant = plant;
    this.policy = options.dispatch;
    this.key = naturalKey(options.id);
    this.travel = travel;
    const now = plant.sim.now;
    this.crews = specs.map((c) => {
      const onShift = c.shifts?.isOn(now) ?? true;
      return {
        id: c.id,
        skills: new Set(c.skills ?? []),
        position: c.home,
        state: (onShift ? 'idle' : 'off-shift') as CrewState,
        onShift,
        trip: null,
        job: null,
      };
    });
    plant.registerCrewPool(this);
    specs.forEach((spec, i) => {
      if (spec.shifts !== undefined) this.scheduleShift(this.crews[i]!, spec.shifts);
    });
  }

  /** Crew ids, in the order given. */
  get crewIds(): readonly string[] {
    return this.crews.map((c) => c.id);
  }

  /** Number of jobs waiting for a crew. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Current state of crew `crewId`. */
  crewState(crewId: string): CrewState {
    const crew = this.crews.find((c) => c.id === crewId);
    if (crew === undefined)
      throw new InvalidArgumentError(`CrewPool.crewState: ${this.id} has no crew ${crewId}`);
    return crew.state;
  }

  /** `true` if some crew of the pool has `skill` (any crew when `undefined`). */
  canDo(skill: string | undefined): boolean {
    return this.crews.some((c) => skill === undefined || c.skills.has(skill));
  }

  /**
   * Asks for a crew. Throws if no crew of the pool has the skill (the job could never be served).
   */
  request(job: CrewJob): void {
    if (!this.canDo(job.skill)) {
      throw new InvalidArgumentError(
        `CrewPool.request: no crew of ${this.id} has skill ${JSON.stringify(job.skill)} (needed by ${job.station})`,
      );
    }
    const key = `${naturalKey(job.station)}\u0001${String(job.server).padStart(6, '0')}`;
    this.queue.push({ job, requestedS: this.plant.sim.now, key });
    this.requestDecision();
  }

  private requestDecision(): void {
    if (this.queue.length > 0) this.plant.broker.request(this);
  }

  /** The first idle crew with a job it is skilled for, and the indexes of those jobs in tie-break order. */
  private firstChoice(): { crew: Crew; eligible: number[] } | null {
    for (const crew of this.crews) {
      if (crew.state !== 'idle') continue;
      const eligible: number[] = [];
      for (let i = 0; i < this.queue.length; i++) {
        const skill = this.queue[i]!.job.skill;
        if (skill === undefined || crew.skills.has(skill)) eligible.push(i);
      }
      if (eligible.length === 0) continue;
      eligible.sort((a, b) => (before(this.queue[a]!, this.queue[b]!) ? -1 : 1));
      return { crew, eligible };
    }
    return null;
  }

  /** @internal the crew decision (see {@link DecisionTask}). */
  build(): CrewPoint | null {
    const c = this.firstChoice();
    if (c === null) return null;
    this.choice = c;
    const options: CrewJobView[] = c.eligible.map((i) => {
      const { job, requestedS } = this.queue[i]!;
      const { kind, station, server, priority, position } = job;
      const d =
        c.crew.position === undefined || position === undefined ? 0 : distanceM(c.crew.position, position);
      return { kind, station, server, priority, position, requestedS, distanceM: d };
    });
    return {
      kind: 'crew',
      at: this.id,
      now: this.plant.sim.now,
      options,
      crew: c.crew.id,
      crewPosition: c.crew.position,
    };
  }

  /** @internal */
  apply(_point: AnyDecisionPoint, index: number): void {
    const c = this.choice!;
    this.choice = null;
    this.take(c.crew, c.eligible[index]!);
  }

  /** @internal */
  applyFirst(): boolean {
    const c = this.firstChoice();
    if (c === null) return false;
    this.take(c.crew, c.eligible[0]!);
    return true;
  }

  private take(crew: Crew, queueIndex: number): void {
    const [w] = this.queue.splice(queueIndex, 1);
    this.assign(crew, w!.job);
    this.requestDecision();
  }

  private travelS(crew: Crew, job: CrewJob): number {
    const t = this.travel;
    if ('fixedS' in t) return t.fixedS;
    if ('timeS' in t) {
      const drawn = t.timeS.sample(this.travelStream!);
      if (!(drawn >= 0 && drawn < Number.POSITIVE_INFINITY)) {
        throw new InvalidStateError(`CrewPool: travel time of ${this.id} to ${job.station} drew ${drawn} s`);
      }
      return drawn;
    }
    if (crew.position === undefined || job.position === undefined) return 0;
    return distanceM(crew.position, job.position) / t.speedMps;
  }

  private setState(crew: Crew, to: CrewState): void {
    const from = crew.state;
    crew.state = to;
    this.plant.events.emit('crewStateChanged', this.id, crew.id, from, to, this.plant.sim.now);
  }

  private assign(crew: Crew, job: CrewJob): void {
    const sim = this.plant.sim;
    const events = this.plant.events;
    const travelS = this.travelS(crew, job);
    const now = sim.now;
    crew.job = { kind: job.kind, station: job.station, server: job.server };
    events.emit('crewJobChanged', this.id, crew.id, crew.job, now);
    this.setState(crew, 'travelling');
    const from = crew.position;
    const to = job.position;
    if (from !== undefined && to !== undefined && travelS > 0 && (from.x !== to.x || from.y !== to.y)) {
      crew.trip = { from, to, startS: now, endS: now + travelS };
      events.emit('crewMoved', this.id, crew.id, from, to, now + travelS, now);
    }
    sim.schedule(travelS, () => {
      crew.trip = null;
      crew.position = job.position ?? crew.position;
      this.setState(crew, 'working');
      job.onStart();
      sim.schedule(job.durationS, () => {
        // The job ends before the crew is free, so a job requested from onDone queues behind older ones.
        job.onDone();
        crew.job = null;
        this.plant.events.emit('crewJobChanged', this.id, crew.id, null, sim.now);
        if (!crew.onShift) {
          this.setState(crew, 'off-shift');
          return;
        }
        this.setState(crew, 'idle');
        this.requestDecision();
      });
    });
  }

  /**
   * Each crew as plain data at `now` (seconds): state, position (interpolated on a trip), the trip under
   * way and the job served.
   */
  crewSnapshots(now: number): CrewSnapshot[] {
    return this.crews.map((c) => {
      const trip = c.trip !== null && now < c.trip.endS ? c.trip : null;
      const motion =
        trip === null ? null : { from: trip.from, to: trip.to, fromT: trip.startS, toT: trip.endS };
      const position = motion !== null ? positionAt(motion, now) : (c.trip?.to ?? c.position ?? null);
      return { id: c.id, state: c.state, position, motion, job: c.job };
    });
  }

  /** Whether crew `crewId` is within its working time. */
  crewOnShift(crewId: string): boolean {
    const crew = this.crews.find((c) => c.id === crewId);
    if (crew === undefined)
      throw new InvalidArgumentError(`CrewPool.crewOnShift: ${this.id} has no crew ${crewId}`);
    return crew.onShift;
  }

  private scheduleShift(crew: Crew, shifts: ShiftCalendar): void {
    const sim = this.plant.sim;
    const at = shifts.nextChange(sim.now);
    if (at === Number.POSITIVE_INFINITY) return;
    sim.scheduleAt(at, () => {
      crew.onShift = !crew.onShift;
      this.plant.events.emit('shiftChanged', `${this.id}/${crew.id}`, crew.onShift, sim.now);
      if (crew.onShift && crew.state === 'off-shift') {
        this.setState(crew, 'idle');
        this.requestDecision();
      } else if (!crew.onShift && crew.state === 'idle') {
        this.setState(crew, 'off-shift');
      }
      this.scheduleShift(crew, shifts);
    });
  }
}
