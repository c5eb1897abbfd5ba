import { InvalidArgumentError, show } from './errors.js';
import type { Simulation } from './simulation.js';

/** Anything whose observations can be discarded at a point in time (tallies, time-weighted levels…). */
export interface Resettable {
  /** Discards what was observed so far; `now` is the time of the reset in seconds. */
  reset(now: number): void;
}

/**
 * Warm-up deletion: at `warmupS` seconds, resets every statistic so that observations made while the
 * model was still filling up (empty queues, idle machines) do not bias the estimates. Level statistics
 * keep their current level and restart their time integral there.
 *
 * @param warmupS warm-up length in seconds (≥ 0, finite); 0 resets at the current time.
 */
export function scheduleWarmup(sim: Simulation, warmupS: number, statistics: readonly Resettable[]): void {
  if (!(warmupS >= 0 && Number.isFinite(warmupS))) {
    throw new InvalidArgumentError(
      `scheduleWarmup: warmupS must be a finite number >= 0 s (got ${show(warmupS)})`,
    );
  }
  // NOTE: the lowest priority value, so the reset happens before any other event at the same instant.
  sim.scheduleAt(
    sim.now + warmupS,
    () => {
      for (const s of statistics) s.reset(sim.now);
    },
    undefined,
    -(2 ** 31),
  );
}
