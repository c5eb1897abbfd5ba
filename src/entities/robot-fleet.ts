import { objectArray } from '../engine/_internal/object-array.js';
import {
  type Distribution,
  InvalidArgumentError,
  InvalidStateError,
  type RandomStream,
} from '../engine/index.js';
import type {
  AnyDecisionPoint,
  TransportPoint,
  TransportPolicy,
  TransportView,
} from '../policies/contract.js';
import type { SpaceWaiter } from './buffer.js';
import type { DecisionTask } from './decisions/decision-task.js';
import { naturalKey } from './decisions/natural-key.js';
import type { MachineTender, TendRequest } from './machine-tender.js';
import type { Part } from './part.js';
import type { PartReceiver, Plant } from './plant.js';
import { distanceM, type Position } from './position.js';
import type { RobotJobKind, RobotState } from './robot-state.js';
import { positionAt } from './snapshot-motion.js';
import type { RobotSnapshot } from './snapshot-types.js';

/** One robot of a fleet. */
export interface RobotSpec {
  /** Id, unique in the fleet. */
  readonly id: string;
  /** Where it starts and parks, metres (default: the fleet's `park`). */
  readonly home?: Position;
}

/** Options of a {@link RobotFleet}. */
export interface RobotFleetOptions {
  /** Id, unique in the plant (product `via` entries name it). */
  readonly id: string;
  /** The robots (at least one), or their number `n`: then `n` robots with ids `1`…`n` parked at `park`. */
  readonly robots: readonly RobotSpec[] | number;
  /** Driving speed without a part, m/s (> 0). */
  readonly speedEmptyMps: number;
  /** Driving speed with a part, m/s (> 0). */
  readonly speedLoadedMps: number;
  /** Time to pick a part up, seconds; drawn from the stream `${id}/handling`. */
  readonly pickTime: Distribution;
  /** Time to put a part down, seconds; drawn from the stream `${id}/handling`. */
  readonly placeTime: Distribution;
  /** Home of the robots that give none, metres. */
  readonly park?: Position;
  /**
   * `true`: after every job a robot drives back to its home (its dispatch point: a dock, a charger) and
   * takes its next job only from there, even when jobs wait. `false` (default): it stays where it put the
   * part down and takes the next job from there.
   */
  readonly returnHome?: boolean;
  /** Which idle robot takes which waiting job (default: the oldest job, the first idle robot). */
  readonly dispatch?: TransportPolicy;
}

interface Job {
  readonly kind: RobotJobKind;
  readonly part: Part;
  readonly requestedS: number;
  /** Pickup position, m. */
  readonly from: Position | undefined;
  /** Drop position, m. */
  readonly to: Position | undefined;
  /** The station's request, for `load` and `unload`. */
  readonly tend: TendRequest | undefined;
}

/** Tie-break order of waiting jobs: request time, then product in natural order, then part id. */
function compareJobs(a: Job, b: Job): number {
  if (a.requestedS !== b.requestedS) return a.requestedS - b.requestedS;
  const ka = a.part.plan.sortKey;
  const kb = b.part.plan.sortKey;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.part.id - b.part.id;
}

/** A straight-line trip under way, for the interpolated position. */
interface Trip {
  readonly from: Position;
  readonly to: Position;
  readonly startS: number;
  readonly endS: number;
}

interface Robot {
  readonly id: string;
  /** `fleet/robot`: what `part.location` and `partMoved` name while it holds a part. */
  readonly key: string;
  readonly home: Position | undefined;
  position: Position | undefined;
  state: RobotState;
  trip: Trip | null;
  /** The job served (from `robotJobStarted` to `robotJobDone`). */
  job: Job | null;
  /** Invalidates a stale wake-up for space. */
  waitToken: number;
}

/**
 * A fleet of mobile robots (AGVs, AMRs) or a cell robot, carrying parts between machines and loading
 * and unloading tended machines.
 *
 * **As a carrier** (a product hop with `via: <fleet id>`), it always has room: a part handed to it waits
 * at an unbounded pickup spot next to the machine it came from, so the upstream server is freed at once.
 * It becomes a transport job from the position of the station the part last visited (the one it just
 * left) to the position of its next station; a position the layout does not give (a source, a sink, a
 * station without `position`) counts as distance 0.
 *
 * **As a {@link MachineTender}** (a station's `tender`), `load` sends a robot to the station to pick the
 * part from the queue and place it on the machine; `unload` sends one to pick the processed part off the
 * machine (then the server is free), carry it to its next station and hand it on. When the next hop
 * names a carrier itself, the robot hands the part to it at the machine.
 *
 * One robot serves one job at a time: it drives empty to the pickup (`travelling-empty`, straight line at
 * `speedEmptyMps`), picks (`picking`), drives loaded to the drop (`travelling-loaded`, `speedLoadedMps`),
 * places (`placing`, the place time is spent before the hand-over); if the destination is then full it
 * holds the part (`waiting`) and hands it over the instant a slot frees (robots that all wait this way while
 * the machines wait for them are stuck: once nothing else is scheduled, `plant.run` reports a deadlock). A trip of 0 m takes no time
 * and publishes nothing. A robot with no home is wherever its first job is. With `returnHome` it drives
 * back after every job and takes the next one only at home, so a job requested meanwhile waits for it to
 * arrive there. Jobs of all three kinds wait in one queue in request order; whenever a robot
 * is idle and a job waits, the {@link TransportPolicy} chooses the pair (it is not asked when there is
 * only one pair). Publishes `robotStateChanged`, `robotMoved`, `robotJobStarted`, `robotJobDone`, and
 * `partMoved` when a robot picks a part up or puts it on a machine; `part.location` is `fleet/robot`
 * while carried.
 */
export class RobotFleet implements PartReceiver, MachineTender, DecisionTask {
  readonly id: string;
  readonly kind = 'transport' as const;
  /** @internal decision order key. */
  readonly key: string;
  /** @internal */
  queued = false;
  private readonly plant: Plant;
  private readonly robots: Robot[];
  private readonly speedEmptyMps: number;
  private readonly speedLoadedMps: number;
  private readonly pickTime: Distribution;
  private readonly placeTime: Distribution;
  private readonly handling: RandomStream;
  private readonly returnHome: boolean;
  readonly policy: TransportPolicy | undefined;
  private readonly queue: Job[] = objectArray();
  private choice: { jobs: Job[]; idle: Robot[] } | null = null;

  constructor(plant: Plant, options: RobotFleetOptions) {
    const id = options.id;
    const specs: readonly RobotSpec[] =
      typeof options.robots === 'number'
        ? Array.from({ length: Number.isInteger(options.robots) ? options.robots : 0 }, (_, i) => ({
            id: String(i + 1),
          }))
        : options.robots;
    if (specs.length === 0) {
      throw new InvalidArgumentError(
        `RobotFleet: ${id} needs at least one robot (got ${JSON.stringify(options.robots)})`,
      );
    }
    const ids = new Set<string>();
    for (const r of specs) {
      if (ids.has(r.id)) throw new InvalidArgumentError(`RobotFleet: duplicate robot ${r.id} in ${id}`);
      ids.add(r.id);
    }
    for (const [name, v] of [
      ['speedEmptyMps', options.speedEmptyMps],
      ['speedLoadedMps', options.speedLoadedMps],
    ] as const) {
      if (!(v > 0 && Number.isFinite(v))) {
        throw new InvalidArgumentError(`RobotFleet: ${name} of ${id} must be > 0 m/s (got ${v})`);
      }
    }
    const returnHome = options.returnHome ?? false;
    if (returnHome) {
      const homeless = specs.find((r) => (r.home ?? options.park) === undefined);
      if (homeless !== undefined) {
        throw new InvalidArgumentError(
          `RobotFleet: returnHome of ${id} needs a home for robot ${homeless.id} (give it one, or give the fleet a park)`,
        );
      }
    }
    this.id = id;
    this.plant = plant;
    plant.registerCarrier(this);
    this.speedEmptyMps = options.speedEmptyMps;
    this.speedLoadedMps = options.speedLoadedMps;
    this.pickTime = options.pickTime;
    this.placeTime = options.placeTime;
    this.handling = plant.sim.streams.get(`${id}/handling`);
    this.returnHome = returnHome;
    this.policy = options.dispatch;
    this.key = naturalKey(id);
    this.robots = specs.map((r) => {
      const home = r.home ?? options.park;
      return {
        id: r.id,
        key: `${id}/${r.id}`,
        home,
        position: home,
        state: 'idle' as RobotState,
        trip: null,
        job: null,
        waitToken: 0,
      };
    });
  }

  /** Robot ids, in the order given. */
  get robotIds(): readonly string[] {
    return this.robots.map((r) => r.id);
  }

  /** Number of jobs waiting for a robot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Current state of robot `robotId`. */
  robotState(robotId: string): RobotState {
    return this.robot(robotId, 'robotState').state;
  }

  /**
   * Where robot `robotId` is now, metres: on a trip, the point reached along the straight line so far
   * (`undefined` while it has no known position).
   */
  robotPosition(robotId: string): Position | undefined {
    const r = this.robot(robotId, 'robotPosition');
    const trip = r.trip;
    if (trip === null) return r.position;
    const f = Math.min(1, Math.max(0, (this.plant.sim.now - trip.startS) / (trip.endS - trip.startS)));
    return { x: trip.from.x + (trip.to.x - trip.from.x) * f, y: trip.from.y + (trip.to.y - trip.from.y) * f };
  }

  /**
   * Each robot as plain data at `now` (seconds): state, position (interpolated on a trip), the trip under
   * way, the job served and the part held (its location is the robot's `fleet/robot` key).
   */
  robotSnapshots(now: number, carrying: ReadonlyMap<string, number>): RobotSnapshot[] {
    return this.robots.map((r) => {
      const trip = r.trip !== null && now < r.trip.endS ? r.trip : null;
      const motion =
        trip === null ? null : { from: trip.from, to: trip.to, fromT: trip.startS, toT: trip.endS };
      const position = motion !== null ? positionAt(motion, now) : (r.trip?.to ?? r.position ?? null);
      return {
        id: r.id,
        state: r.state,
        position,
        motion,
        job: r.job === null ? null : { kind: r.job.kind, part: r.job.part.id },
        carrying: carrying.get(r.key) ?? null,
      };
    });
  }

  private robot(robotId: string, api: string): Robot {
    const r = this.robots.find((x) => x.id === robotId);
    if (r === undefined)
      throw new InvalidArgumentError(`RobotFleet.${api}: ${this.id} has no robot ${robotId}`);
    return r;
  }

  /** Always `true`: parts wait for a robot at an unbounded pickup spot. */
  hasRoom(): boolean {
    return true;
  }

  /**
   * Takes `part` (handed over by `plant.forward`) to its pickup spot and requests its transport to its
   * next station (or sink). Always succeeds.
   */
  tryPut(part: Part): boolean {
    part.location = this.id;
    this.request(
      'transport',
      part,
      this.lastStationPosition(part),
      this.stationPosition(part, part.step),
      undefined,
    );
    return true;
  }

  /** Never needed (the fleet is never full); calls nothing. */
  onSpace(_waiter: SpaceWaiter): void {}

  /** {@inheritDoc MachineTender.load} */
  load(request: TendRequest): void {
    this.request('load', request.part, request.position, request.position, request);
  }

  /** {@inheritDoc MachineTender.unload} */
  unload(request: TendRequest): void {
    const part = request.part;
    // A carrier on the next hop picks the part up at this machine, so the robot hands it over right here.
    const to = part.via[part.step] !== undefined ? request.position : this.stationPosition(part, part.step);
    this.request('unload', part, request.position, to, request);
  }

  /** The position of the station `part` visited last: the one it just left (`undefined` from a source). */
  private lastStationPosition(part: Part): Position | undefined {
    // NOTE: the last visit record, not routing[step − 1], so a part sent back for rework is fetched
    // from where it really is.
    const last = part.steps[part.steps.length - 1];
    return last === undefined ? undefined : this.plant.stations.get(last.station)?.position;
  }

  /** The position of the station of `part`'s routing step `step` (`undefined` for the sink or an unplaced station). */
  private stationPosition(part: Part, step: number): Position | undefined {
    const station = part.stationAt(step);
    return station === undefined ? undefined : this.plant.stations.get(station)?.position;
  }

  private request(
    kind: RobotJobKind,
    part: Part,
    from: Position | undefined,
    to: Position | undefined,
    tend: TendRequest | undefined,
  ): void {
    this.queue.push({ kind, part, requestedS: this.plant.sim.now, from, to, tend });
    this.requestDecision();
  }

  private requestDecision(): void {
    if (this.queue.length > 0) this.plant.broker.request(this);
  }

  /** Waiting jobs in tie-break order (request time, product in natural order, part id) and the idle robots. */
  private candidates(): { jobs: Job[]; idle: Robot[] } | null {
    if (this.queue.length === 0) return null;
    const idle = this.robots.filter((r) => r.state === 'idle');
    if (idle.length === 0) return null;
    const jobs = [...this.queue].sort(compareJobs);
    return { jobs, idle };
  }

  /** @internal the transport decision (see {@link DecisionTask}): every (waiting job, idle robot) pair, job-major. */
  build(): TransportPoint | null {
    const c = this.candidates();
    if (c === null) return null;
    this.choice = c;
    const options: TransportView[] = [];
    for (const job of c.jobs) {
      for (const r of c.idle) {
        options.push({
          robot: r.id,
          robotAt: r.position,
          job: job.kind,
          partId: job.part.id,
          product: job.part.product,
          requestedS: job.requestedS,
          from: job.from,
          to: job.to,
          distanceM: r.position === undefined || job.from === undefined ? 0 : distanceM(r.position, job.from),
        });
      }
    }
    return { kind: 'transport', at: this.id, now: this.plant.sim.now, options };
  }

  /** @internal */
  apply(_point: AnyDecisionPoint, index: number): void {
    const c = this.choice!;
    this.choice = null;
    this.take(c.jobs[Math.floor(index / c.idle.length)]!, c.idle[index % c.idle.length]!);
  }

  /** @internal */
  applyFirst(): boolean {
    // NOTE: the first idle robot and the first job in tie-break order, found by a scan: what
    // candidates() would give first, without copying and sorting the queue, for speed.
    const queue = this.queue;
    if (queue.length === 0) return false;
    let robot: Robot | undefined;
    for (let i = 0; i < this.robots.length && robot === undefined; i++) {
      if (this.robots[i]!.state === 'idle') robot = this.robots[i];
    }
    if (robot === undefined) return false;
    let first = queue[0]!;
    for (let i = 1; i < queue.length; i++) if (compareJobs(queue[i]!, first) < 0) first = queue[i]!;
    this.take(first, robot);
    return true;
  }

  private take(job: Job, r: Robot): void {
    const queue = this.queue;
    // Removed in place (splice would make an array of the removed job), keeping the others' order.
    for (let i = queue.indexOf(job); i < queue.length - 1; i++) queue[i] = queue[i + 1]!;
    queue.length--;
    this.assign(r, job);
    this.requestDecision();
  }

  private setState(r: Robot, to: RobotState): void {
    const from = r.state;
    if (from === to) return;
    r.state = to;
    this.plant.events.emit('robotStateChanged', this.id, r.id, from, to, this.plant.sim.now);
  }

  private assign(r: Robot, job: Job): void {
    const now = this.plant.sim.now;
    r.job = job;
    this.plant.events.emit('robotJobStarted', this.id, r.id, job.kind, job.part, job.requestedS, now);
    this.travel(r, job.from, 'travelling-empty', this.speedEmptyMps, () => this.pick(r, job));
  }

  /**
   * Drives `r` in a straight line to `to` in state `state`, then calls `then`. Nothing happens (no time,
   * no event) when the distance is 0 or a position is unknown; the robot then stands at `to` if known.
   */
  private travel(
    r: Robot,
    to: Position | undefined,
    state: RobotState,
    speedMps: number,
    then: () => void,
  ): void {
    const from = r.position;
    const d = from === undefined || to === undefined ? 0 : distanceM(from, to);
    if (d === 0) {
      r.position = to ?? from;
      then();
      return;
    }
    const sim = this.plant.sim;
    const start = sim.now;
    const durationS = d / speedMps;
    r.trip = { from: from!, to: to!, startS: start, endS: start + durationS };
    this.setState(r, state);
    this.plant.events.emit('robotMoved', this.id, r.id, from!, to!, speedMps, start);
    sim.schedule(durationS, () => {
      r.position = to;
      r.trip = null;
      then();
    });
  }

  private draw(dist: Distribution, what: string): number {
    const s = dist.sample(this.handling);
    if (!(s >= 0 && s < Number.POSITIVE_INFINITY)) {
      throw new InvalidStateError(`RobotFleet: ${what} time of ${this.id} drew ${s} s`);
    }
    return s;
  }

  private pick(r: Robot, job: Job): void {
    this.setState(r, 'picking');
    this.plant.sim.schedule(this.draw(this.pickTime, 'pick'), () => {
      const part = job.part;
      this.move(part, r.key);
      // Off the machine: the server is free from now on.
      if (job.kind === 'unload') job.tend!.done();
      this.travel(r, job.to, 'travelling-loaded', this.speedLoadedMps, () => this.place(r, job));
    });
  }

  private place(r: Robot, job: Job): void {
    this.setState(r, 'placing');
    this.plant.sim.schedule(this.draw(this.placeTime, 'place'), () => this.handOver(r, job));
  }

  /** Puts the part down where it goes, or waits holding it while that is full. */
  private handOver(r: Robot, job: Job): void {
    const { part, tend } = job;
    let ok: boolean;
    if (job.kind === 'load') {
      this.move(part, `${tend!.station}/${tend!.server}`);
      tend!.done();
      ok = true;
    } else {
      ok = job.kind === 'transport' ? this.plant.deliver(part, r.key) : this.plant.forward(part, r.key);
    }
    if (ok) {
      this.finish(r, job);
      return;
    }
    this.setState(r, 'waiting');
    const dest = job.kind === 'transport' ? this.plant.finalDestination(part) : this.plant.destination(part);
    const token = ++r.waitToken;
    dest.onSpace(() => {
      // A slot freed: try again at this instant (another holder may have taken it first).
      if (r.waitToken === token && r.state === 'waiting') this.handOver(r, job);
    });
  }

  /** Publishes `partMoved` from the part's holder to `to` and moves it there. */
  private move(part: Part, to: string): void {
    const events = this.plant.events;
    if (events.has('partMoved')) events.emit('partMoved', part, part.location, to, this.plant.sim.now);
    part.location = to;
  }

  private finish(r: Robot, job: Job): void {
    r.job = null;
    this.plant.events.emit(
      'robotJobDone',
      this.id,
      r.id,
      job.kind,
      job.part,
      job.requestedS,
      this.plant.sim.now,
    );
    if (this.returnHome) {
      this.travel(r, r.home, 'travelling-empty', this.speedEmptyMps, () => this.becomeIdle(r));
      return;
    }
    this.becomeIdle(r);
  }

  private becomeIdle(r: Robot): void {
    this.setState(r, 'idle');
    this.requestDecision();
  }
}
