import { Tally, TimeWeighted } from '../engine/index.js';
import { StateClock } from './_internal/state-clock.js';
import { Conveyor } from './conveyor.js';
import { CONVEYOR_STATES, type ConveyorState } from './conveyor-state.js';
import type { Plant } from './plant.js';

/** Per-conveyor figures of a {@link ConveyorStatistics} report, over the observed period. */
export interface ConveyorReport {
  /** Number of items on it: time-average and maximum. */
  readonly level: { readonly mean: number; readonly max: number };
  /** Fraction of time `stopped` (its head waiting at the end because the destination is full). */
  readonly stoppedFraction: number;
  /** Fraction of time in each state; they sum to 1 (`NaN` for an empty period). */
  readonly stateFractions: Readonly<Record<ConveyorState, number>>;
  /**
   * Mean time from entering it to being handed on at the far end, seconds, over the parts handed on
   * in the period whose entry was observed (`NaN` when none was).
   */
  readonly meanTransitS: number;
  /** Parts handed on at the far end in the period. */
  readonly moved: number;
}

interface ConveyorStats {
  readonly level: TimeWeighted;
  readonly states: StateClock;
  readonly transit: Tally;
  moved: number;
}

const STATE_INDEX = new Map<ConveyorState, number>(CONVEYOR_STATES.map((s, i) => [s, i]));

/**
 * Statistics of the conveyors of a plant, computed only from the events the plant publishes
 * (`conveyorLevelChanged`, `conveyorStateChanged`, and `partMoved` for the transit times: entry is the
 * move onto a conveyor, delivery the move off it). Build it after every conveyor and before the run;
 * conveyors built later are not observed. Implements `reset(now)`, so it can be passed to the engine's
 * `scheduleWarmup`. Note that listening to `partMoved` makes every entity publish it (one emission per
 * move of any part).
 */
export class ConveyorStatistics {
  private readonly plant: Plant;
  private readonly conveyors = new Map<string, ConveyorStats>();
  /** Entry time (seconds) of each part on an observed conveyor, by part id. */
  private readonly enteredS = new Map<number, number>();
  private startS: number;

  constructor(plant: Plant) {
    this.plant = plant;
    const now = plant.sim.now;
    this.startS = now;
    for (const [id, carrier] of plant.carriers) {
      if (!(carrier instanceof Conveyor)) continue;
      this.conveyors.set(id, {
        level: new TimeWeighted({ now, level: carrier.level }),
        states: new StateClock(CONVEYOR_STATES.length, STATE_INDEX.get(carrier.state)!, now),
        transit: new Tally({ quantiles: false }),
        moved: 0,
      });
    }
    const ev = plant.events;
    ev.on('conveyorLevelChanged', (conveyor, level, t) =>
      this.conveyors.get(conveyor)?.level.update(t, level),
    );
    ev.on('conveyorStateChanged', (conveyor, _from, to, t) =>
      this.conveyors.get(conveyor)?.states.update(t, STATE_INDEX.get(to)!),
    );
    ev.on('partMoved', (part, from, to, t) => {
      if (this.conveyors.has(to)) this.enteredS.set(part.id, t);
      const c = this.conveyors.get(from);
      if (c === undefined) return;
      const entered = this.enteredS.get(part.id);
      this.enteredS.delete(part.id);
      c.moved++;
      if (entered !== undefined) c.transit.add(t - entered);
    });
  }

  /** Discards everything observed before `now` (levels, states and parts on the belts are kept). */
  reset(now: number): void {
    this.startS = now;
    for (const c of this.conveyors.values()) {
      c.level.reset(now);
      c.states.reset(now);
      c.transit.reset();
      c.moved = 0;
    }
  }

  /**
   * Seconds `conveyor` spent in each state since the start of the period (they sum to the elapsed
   * time); every state 0 for an unknown id.
   */
  stateDurations(conveyor: string, now = this.plant.sim.now): Record<ConveyorState, number> {
    const seconds = this.conveyors.get(conveyor)?.states.durations(now) ?? [];
    const out = {} as Record<ConveyorState, number>;
    CONVEYOR_STATES.forEach((name, i) => {
      out[name] = seconds[i] ?? 0;
    });
    return out;
  }

  /** The figures of each conveyor, by id, from the start of the period (or last reset) to `now`. */
  report(now = this.plant.sim.now): Readonly<Record<string, ConveyorReport>> {
    const elapsedS = now - this.startS;
    const out: Record<string, ConveyorReport> = {};
    for (const [id, c] of this.conveyors) {
      const d = this.stateDurations(id, now);
      const fractions = {} as Record<ConveyorState, number>;
      for (const name of CONVEYOR_STATES) fractions[name] = elapsedS > 0 ? d[name] / elapsedS : Number.NaN;
      out[id] = {
        level: { mean: c.level.mean(now), max: c.level.max },
        stoppedFraction: fractions.stopped,
        stateFractions: fractions,
        meanTransitS: c.transit.count > 0 ? c.transit.mean : Number.NaN,
        moved: c.moved,
      };
    }
    return out;
  }
}
