import { Tally } from '../engine/index.js';
import { StateClock } from './_internal/state-clock.js';
import type { Plant } from './plant.js';
import { RobotFleet } from './robot-fleet.js';
import { ROBOT_JOB_KINDS, ROBOT_STATES, type RobotJobKind, type RobotState } from './robot-state.js';

/** Figures of one robot fleet over a period. Fractions are of elapsed time × robots. */
export interface RobotFleetReport {
  /** Fraction of robot-time not `idle` (travelling, handling or waiting), averaged over the robots. */
  readonly utilization: number;
  /** Fraction of robot-time in each state; they sum to 1. */
  readonly stateFractions: Readonly<Record<RobotState, number>>;
  /** Mean time from a job's request to its part being placed, seconds, over jobs done in the period (`NaN` if none). */
  readonly meanTransportS: number;
  /**
   * Mean time from a job's request to a robot taking it and setting off for the pickup, seconds, over jobs
   * taken in the period (`NaN` if none).
   */
  readonly meanWaitS: number;
  /** Jobs done (parts placed) in the period, all kinds. */
  readonly transports: number;
  /** Jobs done in the period, by kind. */
  readonly jobs: Readonly<Record<RobotJobKind, number>>;
}

/** What {@link RobotStatistics.report} returns. */
export interface RobotReport {
  /** Length of the observed period, seconds. */
  readonly elapsedS: number;
  /** Per fleet id. */
  readonly fleets: Readonly<Record<string, RobotFleetReport>>;
  /** Per robot, keyed `fleet/robot`: fraction of time not `idle`. */
  readonly robots: Readonly<Record<string, { readonly utilization: number }>>;
}

interface FleetStats {
  readonly robots: Map<string, StateClock>;
  readonly transport: Tally;
  readonly wait: Tally;
  readonly jobs: Record<RobotJobKind, number>;
}

const STATE_INDEX = new Map<RobotState, number>(ROBOT_STATES.map((s, i) => [s, i]));
const IDLE = STATE_INDEX.get('idle')!;

function zeroJobs(): Record<RobotJobKind, number> {
  const out = {} as Record<RobotJobKind, number>;
  for (const k of ROBOT_JOB_KINDS) out[k] = 0;
  return out;
}

/**
 * Statistics of the robot fleets of a plant, computed only from the events they publish. Build it after
 * every fleet (fleets built later are not observed) and before the run. Implements `reset(now)`, so it
 * can be passed to the engine's `scheduleWarmup`.
 */
export class RobotStatistics {
  private readonly plant: Plant;
  private readonly fleets = new Map<string, FleetStats>();
  private startS: number;

  constructor(plant: Plant) {
    this.plant = plant;
    const now = plant.sim.now;
    this.startS = now;
    for (const carrier of plant.carriers.values()) {
      if (!(carrier instanceof RobotFleet)) continue;
      const robots = new Map<string, StateClock>();
      for (const id of carrier.robotIds) {
        robots.set(id, new StateClock(ROBOT_STATES.length, STATE_INDEX.get(carrier.robotState(id))!, now));
      }
      this.fleets.set(carrier.id, {
        robots,
        transport: new Tally({ quantiles: false }),
        wait: new Tally({ quantiles: false }),
        jobs: zeroJobs(),
      });
    }
    const ev = plant.events;
    ev.on('robotStateChanged', (fleet, robot, _from, to, t) =>
      this.fleets.get(fleet)?.robots.get(robot)?.update(t, STATE_INDEX.get(to)!),
    );
    ev.on('robotJobStarted', (fleet, _robot, _kind, _part, requestedS, t) =>
      this.fleets.get(fleet)?.wait.add(t - requestedS),
    );
    ev.on('robotJobDone', (fleet, _robot, kind, _part, requestedS, t) => {
      const f = this.fleets.get(fleet);
      if (f === undefined) return;
      f.transport.add(t - requestedS);
      f.jobs[kind]++;
    });
  }

  /** Discards everything observed before `now` (states are kept). */
  reset(now: number): void {
    this.startS = now;
    for (const f of this.fleets.values()) {
      for (const clock of f.robots.values()) clock.reset(now);
      f.transport.reset();
      f.wait.reset();
      for (const k of ROBOT_JOB_KINDS) f.jobs[k] = 0;
    }
  }

  /**
   * Seconds each robot of `fleet` spent in each state since the start of the period, keyed by robot id
   * (the values of each sum to the elapsed time); empty for an unknown fleet.
   */
  stateDurations(fleet: string, now = this.plant.sim.now): Record<string, Record<RobotState, number>> {
    const out: Record<string, Record<RobotState, number>> = {};
    const f = this.fleets.get(fleet);
    if (f === undefined) return out;
    for (const [id, clock] of f.robots) {
      const seconds = clock.durations(now);
      const d = {} as Record<RobotState, number>;
      ROBOT_STATES.forEach((name, i) => {
        d[name] = seconds[i] ?? 0;
      });
      out[id] = d;
    }
    return out;
  }

  /** The figures of the period from the start (or last reset) to `now` (default: the clock). */
  report(now = this.plant.sim.now): RobotReport {
    const elapsedS = now - this.startS;
    const fleets: Record<string, RobotFleetReport> = {};
    const robots: Record<string, { utilization: number }> = {};
    for (const [id, f] of this.fleets) {
      const total = new Array<number>(ROBOT_STATES.length).fill(0);
      for (const [robot, clock] of f.robots) {
        const seconds = clock.durations(now);
        seconds.forEach((s, i) => {
          total[i]! += s;
        });
        robots[`${id}/${robot}`] = {
          utilization: elapsedS > 0 ? 1 - seconds[IDLE]! / elapsedS : Number.NaN,
        };
      }
      const robotTime = elapsedS * f.robots.size;
      const stateFractions = {} as Record<RobotState, number>;
      ROBOT_STATES.forEach((name, i) => {
        stateFractions[name] = robotTime > 0 ? total[i]! / robotTime : Number.NaN;
      });
      fleets[id] = {
        utilization: robotTime > 0 ? 1 - stateFractions.idle : Number.NaN,
        stateFractions,
        meanTransportS: f.transport.count > 0 ? f.transport.mean : Number.NaN,
        meanWaitS: f.wait.count > 0 ? f.wait.mean : Number.NaN,
        transports: f.transport.count,
        jobs: { ...f.jobs },
      };
    }
    return { elapsedS, fleets, robots };
  }
}
