import { InvalidArgumentError, InvalidStateError, type RandomStreams } from '../../engine/index.js';
import type { CrewJob, CrewPool } from '../crew-pool.js';
import type { FailureModeOptions } from '../failure-mode.js';
import type { MaintenancePlanOptions } from '../maintenance-plan.js';
import { MaintenanceTask } from './maintenance-task.js';
import { type FailureClock, NO_EVENT, type PlanClock, type Server } from './server.js';
import type { ServerTransitions } from './server-machine.js';
import type { Station } from './station.js';
import { checkUnique } from './station-checks.js';

/** One server's clocks of the failure modes `failures` of station `station`, drawn from `station/failure/<name>`. */
export function failureClocks(
  streams: RandomStreams,
  station: string,
  failures: readonly FailureModeOptions[],
): FailureClock[] {
  return failures.map((mode) => ({
    name: mode.name,
    basis: mode.basis ?? 'calendar',
    mode,
    stream: streams.get(`${station}/failure/${mode.name}`),
    remainingS: 0,
    count: 0,
    eventId: NO_EVENT,
  }));
}

/** The clock of maintenance plan `plan` of `server` of `station`, drawn from `station/maintenance/<name>`. */
export function planClock(
  streams: RandomStreams,
  station: Station,
  server: Server,
  plan: MaintenancePlanOptions,
): PlanClock {
  return {
    plan,
    basis: plan.basis ?? 'calendar',
    stream: streams.get(`${station.id}/maintenance/${plan.name}`),
    remainingS: 0,
    eventId: NO_EVENT,
    postponed: 0,
    task: new MaintenanceTask(station, server, plan),
  };
}

/**
 * The failure and preventive-maintenance clocks of a station's servers, and the crew jobs they raise.
 *
 * Rules (unchanged from when they lived in `Station`):
 * - A `calendar` clock runs all the time; an `operating` clock runs only while its server is busy
 *   ({@link Upkeep.startClocks} / {@link Upkeep.stopClocks}); a `cycles` failure counts finished parts.
 * - A failure falls due only while the server is busy, idle or blocked; otherwise it waits in
 *   `server.pending` and the server machine takes it at the next state where the server could work.
 * - A due plan asks the plan's maintenance decision; "now" queues it in `server.pmDue`, started at once if
 *   the server is idle, else when it is next free.
 * - Every repair and maintenance time is drawn when the job is raised, from the clock's own stream.
 *
 * Upkeep changes server states only through {@link ServerTransitions}, so the station keeps its idle
 * count and its `serverStateChanged` events in one place.
 * @internal
 */
export class Upkeep {
  constructor(
    private readonly station: Pick<Station, 'id' | 'priority' | 'position' | 'plant'>,
    private readonly crews: CrewPool | undefined,
    private readonly to: ServerTransitions,
  ) {}

  /** Arms every clock of `s` (at creation): its failure modes first, then its plans. */
  arm(s: Server): void {
    for (const c of s.failures) this.armFailure(s, c);
    for (const p of s.plans) this.armPlan(s, p);
  }

  /** Starts the operating clocks of `s`, which just became busy. */
  startClocks(s: Server): void {
    const sim = this.station.plant.sim;
    for (const c of s.failures) {
      if (c.basis === 'operating') c.eventId = sim.schedule(c.remainingS, () => this.failureDue(s, c));
    }
    for (const p of s.plans) {
      if (p.basis === 'operating' && p.remainingS >= 0) {
        p.eventId = sim.schedule(p.remainingS, () => this.planDue(p));
      }
    }
  }

  /** Stops the operating clocks of `s` at the end of (or an interruption of) its busy time since `s.busySinceS`. */
  stopClocks(s: Server): void {
    const sim = this.station.plant.sim;
    const elapsed = sim.now - s.busySinceS;
    for (const c of s.failures) {
      if (c.basis === 'operating' && c.eventId !== NO_EVENT) {
        sim.cancel(c.eventId);
        c.eventId = NO_EVENT;
        c.remainingS = Math.max(0, c.remainingS - elapsed);
        // Worn out exactly as the work ended (same instant): fail once the server is free.
        if (c.remainingS === 0) s.pending.push(c);
      }
    }
    for (const p of s.plans) {
      if (p.basis === 'operating' && p.eventId !== NO_EVENT) {
        sim.cancel(p.eventId);
        p.eventId = NO_EVENT;
        p.remainingS = Math.max(0, p.remainingS - elapsed);
        if (p.remainingS === 0) {
          p.remainingS = -1;
          s.pmDue.push(p);
        }
      }
    }
  }

  /** Counts one finished cycle on `s`: a `cycles` failure that reaches its count becomes pending. */
  countCycle(s: Server): void {
    for (const c of s.failures) {
      if (c.basis === 'cycles' && ++c.count >= (c.mode.cycles ?? 1)) {
        c.count = 0;
        s.pending.push(c);
      }
    }
  }

  private armFailure(s: Server, c: FailureClock): void {
    if (c.basis === 'cycles') return;
    const sim = this.station.plant.sim;
    const ttf = c.mode.timeToFailure!.sample(c.stream);
    if (c.basis === 'operating') {
      c.remainingS = ttf;
      if (s.state === 'busy') {
        c.eventId = sim.schedule(ttf, () => this.failureDue(s, c));
      }
    } else {
      c.eventId = sim.schedule(ttf, () => this.failureDue(s, c));
    }
  }

  private failureDue(s: Server, c: FailureClock): void {
    c.eventId = NO_EVENT;
    c.remainingS = 0;
    // Not while it is already down, in maintenance, off shift, changing over or being loaded/unloaded:
    // the failure then strikes as soon as it could work again (the machine's check of `pending`).
    if (s.state !== 'busy' && s.state !== 'idle' && s.state !== 'blocked') {
      s.pending.push(c);
      return;
    }
    this.goDown(s, c);
  }

  /** `s` fails under `c`: its work stops, it waits for a crew, and is up again after the repair. */
  goDown(s: Server, c: FailureClock): void {
    const st = this.station;
    const sim = st.plant.sim;
    this.to.interrupt(s);
    s.waitToken++;
    this.to.setState(s, 'down-waiting');
    s.failuresSinceMaintenance++;
    st.plant.events.emit('failed', st.id, s.index, c.name, sim.now);
    const durationS = c.mode.timeToRepair.sample(c.stream);
    this.requestCrew({
      kind: 'repair',
      station: st.id,
      server: s.index,
      skill: c.mode.skill,
      priority: st.priority,
      position: st.position,
      durationS,
      onStart: () => this.to.setState(s, 'repair'),
      onDone: () => {
        st.plant.events.emit('repaired', st.id, s.index, c.name, sim.now);
        this.armFailure(s, c);
        this.to.becomeUp(s);
      },
    });
  }

  private armPlan(s: Server, p: PlanClock): void {
    const sim = this.station.plant.sim;
    if (p.basis === 'operating') {
      p.remainingS = p.plan.intervalS;
      if (s.state === 'busy') p.eventId = sim.schedule(p.remainingS, () => this.planDue(p));
    } else {
      p.eventId = sim.schedule(p.plan.intervalS, () => this.planDue(p));
    }
  }

  private planDue(p: PlanClock): void {
    p.eventId = NO_EVENT;
    // NOTE: -1 marks "due, not re-armed", so startClocks does not schedule it again.
    p.remainingS = -1;
    this.station.plant.broker.request(p.task);
  }

  /**
   * The maintenance decision of plan `p` of `s`: `now` queues it (it starts as soon as the server is
   * free), `postpone` asks again `delayS` seconds later.
   */
  maintain(s: Server, p: PlanClock, now: boolean, delayS: number): void {
    if (now) {
      p.postponed = 0;
      s.pmDue.push(p);
      if (s.state === 'idle') this.startMaintenance(s);
      return;
    }
    p.postponed++;
    const st = this.station;
    const sim = st.plant.sim;
    st.plant.events.emit('maintenancePostponed', st.id, s.index, p.plan.name, delayS, sim.now);
    p.eventId = sim.schedule(delayS, () => this.planDue(p));
  }

  /** Starts the first queued maintenance of `s` (`s.pmDue` is not empty). */
  startMaintenance(s: Server): void {
    const st = this.station;
    const p = s.pmDue.shift()!;
    const sim = st.plant.sim;
    this.to.setState(s, 'maintenance');
    st.plant.events.emit('maintenanceStarted', st.id, s.index, p.plan.name, sim.now);
    const durationS = p.plan.duration.sample(p.stream);
    this.requestCrew({
      kind: 'maintenance',
      station: st.id,
      server: s.index,
      skill: p.plan.skill,
      priority: st.priority,
      position: st.position,
      durationS,
      onStart: () => {},
      onDone: () => {
        st.plant.events.emit('maintenanceEnded', st.id, s.index, p.plan.name, sim.now);
        s.maintainedS = sim.now;
        s.failuresSinceMaintenance = 0;
        this.armPlan(s, p);
        this.to.becomeUp(s);
      },
    });
  }

  /** Hands `job` to the crews, or (without crews) starts it at once and ends it `durationS` later. */
  private requestCrew(job: CrewJob): void {
    if (!(job.durationS >= 0 && job.durationS < Number.POSITIVE_INFINITY)) {
      throw new InvalidStateError(`Station: ${job.kind} time of ${this.station.id} drew ${job.durationS} s`);
    }
    if (this.crews !== undefined) {
      this.crews.request(job);
      return;
    }
    job.onStart();
    this.station.plant.sim.schedule(job.durationS, job.onDone);
  }
}

/**
 * Checks the failure modes and maintenance plans of station `id`: unique names (they name random
 * streams), the fields each basis needs, and skills the crews have. Throws `InvalidArgumentError`.
 * @internal
 */
export function checkUpkeep(
  id: string,
  crews: CrewPool | undefined,
  failures: readonly FailureModeOptions[],
  plans: readonly MaintenancePlanOptions[],
): void {
  checkUnique(id, 'failure mode', failures);
  checkUnique(id, 'maintenance plan', plans);
  const checkSkill = (skill: string | undefined, what: string): void => {
    if (crews !== undefined && !crews.canDo(skill)) {
      throw new InvalidArgumentError(
        `Station: ${what} of ${id} needs skill ${JSON.stringify(skill)}, which no crew of ${crews.id} has`,
      );
    }
  };
  for (const f of failures) {
    const basis = f.basis ?? 'calendar';
    if (basis === 'cycles') {
      if (!(Number.isInteger(f.cycles) && (f.cycles ?? 0) >= 1)) {
        throw new InvalidArgumentError(
          `Station: failure ${f.name} of ${id} (cycles basis) needs cycles, an integer >= 1 (got ${f.cycles})`,
        );
      }
    } else if (f.timeToFailure === undefined) {
      throw new InvalidArgumentError(
        `Station: failure ${f.name} of ${id} (${basis} basis) needs timeToFailure`,
      );
    }
    checkSkill(f.skill, `failure ${f.name}`);
  }
  for (const p of plans) {
    if (!(p.intervalS > 0 && Number.isFinite(p.intervalS))) {
      throw new InvalidArgumentError(
        `Station: maintenance ${p.name} of ${id} needs intervalS > 0 s (got ${p.intervalS})`,
      );
    }
    if (p.postponeS !== undefined && !(p.postponeS > 0 && Number.isFinite(p.postponeS))) {
      throw new InvalidArgumentError(
        `Station: maintenance ${p.name} of ${id} needs postponeS > 0 s (got ${p.postponeS})`,
      );
    }
    checkSkill(p.skill, `maintenance ${p.name}`);
  }
}
