import { InvalidArgumentError, InvalidStateError } from '../engine/index.js';
import type { CrewJobView, CrewPolicy } from './decision.js';
import type { Plant } from './plant.js';
import { distanceM, type Position } from './position.js';
import type { CrewState } from './server-state.js';
import type { ShiftCalendar } from './shift-calendar.js';

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

/** How a crew gets to a machine: a fixed time, or layout distance at a speed. */
export type CrewTravel = { readonly fixedS: number } | { readonly speedMps: number };

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

interface Crew {
  readonly id: string;
  readonly skills: ReadonlySet<string>;
  position: Position | undefined;
  state: CrewState;
  onShift: boolean;
}

interface Waiting {
  readonly job: CrewJob;
  readonly requestedS: number;
}

/**
 * A pool of maintenance crews serving repair and preventive-maintenance jobs. A job goes to the
 * first free crew (in the order given) that has the skill; otherwise it waits, and a crew that
 * becomes free takes, among the jobs it is skilled for, the one its {@link CrewPolicy} chooses
 * (default: the first requested). A crew travels (state `travelling`), works (`working`),
 * then stays at that machine. States are published as `crewStateChanged`.
 */
export class CrewPool {
  readonly id: string;
  private readonly policy: CrewPolicy | undefined;
  private readonly plant: Plant;
  private readonly crews: Crew[];
  private readonly travel: CrewTravel;
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
      'fixedS' in travel ? !(travel.fixedS >= 0 && Number.isFinite(travel.fixedS)) : !(travel.speedMps > 0)
    ) {
      throw new InvalidArgumentError(
        `CrewPool: travel of ${options.id} must be fixedS >= 0 s or speedMps > 0 m/s (got ${JSON.stringify(travel)})`,
      );
    }
    this.id = options.id;
    this.plant = plant;
    this.policy = options.dispatch?.alwaysFirst === true ? undefined : options.dispatch;
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
    for (const crew of this.crews) {
      if (crew.state === 'idle' && (job.skill === undefined || crew.skills.has(job.skill))) {
        this.assign(crew, job);
        return;
      }
    }
    this.queue.push({ job, requestedS: this.plant.sim.now });
  }

  private travelS(crew: Crew, job: CrewJob): number {
    const t = this.travel;
    if ('fixedS' in t) return t.fixedS;
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
    const travelS = this.travelS(crew, job);
    this.setState(crew, 'travelling');
    sim.schedule(travelS, () => {
      crew.position = job.position ?? crew.position;
      this.setState(crew, 'working');
      job.onStart();
      sim.schedule(job.durationS, () => {
        // The job ends before the crew is free, so a job requested from onDone queues behind older ones.
        job.onDone();
        if (!crew.onShift) {
          this.setState(crew, 'off-shift');
          return;
        }
        this.setState(crew, 'idle');
        this.next(crew);
      });
    });
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
        this.next(crew);
      } else if (!crew.onShift && crew.state === 'idle') {
        this.setState(crew, 'off-shift');
      }
      this.scheduleShift(crew, shifts);
    });
  }

  private next(crew: Crew): void {
    const eligible: number[] = [];
    for (let i = 0; i < this.queue.length; i++) {
      const skill = this.queue[i]!.job.skill;
      if (skill === undefined || crew.skills.has(skill)) {
        eligible.push(i);
        if (this.policy === undefined) break;
      }
    }
    if (eligible.length === 0) return;
    let chosen = 0;
    if (this.policy !== undefined && eligible.length > 1) {
      const options: CrewJobView[] = eligible.map((i) => {
        const { job, requestedS } = this.queue[i]!;
        const { kind, station, server, priority, position } = job;
        return { kind, station, server, priority, position, requestedS };
      });
      const now = this.plant.sim.now;
      chosen = this.policy.decide({
        kind: 'crew',
        at: this.id,
        now,
        options,
        crew: crew.id,
        crewPosition: crew.position,
      });
      if (!(Number.isInteger(chosen) && chosen >= 0 && chosen < options.length)) {
        throw new InvalidStateError(
          `CrewPool: policy ${this.policy.name} of ${this.id} returned ${chosen}, not an index into ${options.length} jobs`,
        );
      }
    }
    const [w] = this.queue.splice(eligible[chosen]!, 1);
    this.assign(crew, w!.job);
  }
}
