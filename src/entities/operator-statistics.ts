import { Tally } from '../engine/index.js';
import { StateClock } from './_internal/state-clock.js';
import type { Plant } from './plant.js';
import { CREW_STATES, type OperatorState } from './server-state.js';

/**
 * Figures of one operator pool over a period, of operator-time (elapsed time × operators). "On shift"
 * is operator-time not in state `off-shift` (all of it without shift calendars).
 */
export interface OperatorPoolReport {
  /** (walking + working) / on-shift time (`NaN` when never on shift). */
  readonly utilization: number;
  /** Walking (state `travelling`) / on-shift time: the share of her working day spent walking (`NaN` when never on shift). */
  readonly walkingFraction: number;
  /** Fraction of operator-time in each state (of all time, shifts or not); they sum to 1. */
  readonly stateFractions: Readonly<Record<OperatorState, number>>;
  /** Machines she arrived at in the period (one visit may cover several tasks of a part). */
  readonly visits: number;
  /** Mean walk per visit, seconds (`NaN` without visits). */
  readonly meanWalkS: number;
}

/** What {@link OperatorStatistics.report} returns. */
export interface OperatorReport {
  /** Length of the observed period, seconds. */
  readonly elapsedS: number;
  /** Per pool id. */
  readonly pools: Readonly<Record<string, OperatorPoolReport>>;
  /** Per operator, keyed `pool/operator`: (walking + working) / on-shift time. */
  readonly operators: Readonly<Record<string, { readonly utilization: number }>>;
}

interface PoolStats {
  readonly clocks: Map<string, StateClock>;
  /** Per operator: when her current walk began (`NaN` when not walking). */
  readonly walkStart: Map<string, number>;
  readonly walk: Tally;
}

const STATE_INDEX = new Map<OperatorState, number>(CREW_STATES.map((s, i) => [s, i]));
const IDLE = STATE_INDEX.get('idle')!;
const WALK = STATE_INDEX.get('travelling')!;
const OFF = STATE_INDEX.get('off-shift')!;

/**
 * Statistics of the operator pools of a plant, computed only from the events they publish
 * (`operatorStateChanged`). Build it after every pool and before the run. Implements `reset(now)`, so it
 * can be passed to the engine's `scheduleWarmup`. The time machines wait for an operator is a station
 * state (`waiting-operator`) and lies with the station figures.
 */
export class OperatorStatistics {
  private readonly plant: Plant;
  private readonly pools = new Map<string, PoolStats>();
  private startS: number;

  constructor(plant: Plant) {
    this.plant = plant;
    const now = plant.sim.now;
    this.startS = now;
    for (const [id, pool] of plant.operatorPools) {
      const clocks = new Map<string, StateClock>();
      for (const op of pool.operatorIds)
        clocks.set(op, new StateClock(CREW_STATES.length, STATE_INDEX.get(pool.operatorState(op))!, now));
      this.pools.set(id, { clocks, walkStart: new Map(), walk: new Tally({ quantiles: false }) });
    }
    plant.events.on('operatorStateChanged', (pool, op, from, to, t) => {
      const p = this.pools.get(pool);
      if (p === undefined) return;
      p.clocks.get(op)?.update(t, STATE_INDEX.get(to)!);
      if (to === 'travelling') p.walkStart.set(op, t);
      else if (from === 'travelling') {
        const start = p.walkStart.get(op);
        // A walk that began before a reset counts from the reset.
        if (start !== undefined) p.walk.add(t - Math.max(start, this.startS));
        p.walkStart.delete(op);
      }
    });
  }

  /** Discards everything observed before `now` (states are kept). */
  reset(now: number): void {
    this.startS = now;
    for (const p of this.pools.values()) {
      for (const clock of p.clocks.values()) clock.reset(now);
      p.walk.reset();
    }
  }

  /** The figures of the period from the start (or last reset) to `now` (default: the clock). */
  report(now = this.plant.sim.now): OperatorReport {
    const elapsedS = now - this.startS;
    const pools: Record<string, OperatorPoolReport> = {};
    const operators: Record<string, { utilization: number }> = {};
    const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
    for (const [id, p] of this.pools) {
      const total = new Array<number>(CREW_STATES.length).fill(0);
      for (const [op, clock] of p.clocks) {
        const s = clock.durations(now);
        s.forEach((x, i) => {
          total[i]! += x;
        });
        operators[`${id}/${op}`] = { utilization: ratio(elapsedS - s[IDLE]! - s[OFF]!, elapsedS - s[OFF]!) };
      }
      const all = elapsedS * p.clocks.size;
      const onShift = all - total[OFF]!;
      const fractions = {} as Record<OperatorState, number>;
      CREW_STATES.forEach((name, i) => {
        fractions[name] = ratio(total[i]!, all);
      });
      pools[id] = {
        utilization: ratio(onShift - total[IDLE]!, onShift),
        walkingFraction: ratio(total[WALK]!, onShift),
        stateFractions: fractions,
        visits: p.walk.count,
        meanWalkS: p.walk.count > 0 ? p.walk.mean : Number.NaN,
      };
    }
    return { elapsedS, pools, operators };
  }
}
