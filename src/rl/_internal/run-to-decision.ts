import type { RunResult } from '../../engine/index.js';
import type { DecisionStop, Plant } from '../../entities/index.js';
import { type LimitReason, PROGRESS_EVENTS, type RunLimits } from '../../scenario/index.js';
import type { EpisodePauses } from '../shopfloor-env.js';

/** Where {@link runToDecision} stopped, and the limit that stopped it (null when none did). */
export interface DecisionRunResult {
  readonly result: DecisionStop | RunResult;
  readonly stoppedBy: LimitReason | null;
}

/**
 * Runs an episode's plant to its next decision, to `horizonS` (seconds), or to a limit: through the
 * observers' pauses (`pauses.at` is called at each, once every event before it has run) and, with
 * `limits`, in steps of at most `PROGRESS_EVENTS` events so that the events and wall-clock limits are
 * checked (an episode stops at exactly `maxEvents` events, as a run without decisions does).
 * @throws DeadlockError as `Plant.runUntilDecision` does.
 */
export function runToDecision(
  plant: Plant,
  horizonS: number,
  pauses: EpisodePauses | undefined,
  limits: RunLimits | undefined,
): DecisionRunResult {
  const options: { until: number; maxEvents?: number } = { until: horizonS };
  for (;;) {
    const pause = pauses?.nextStopS(plant.sim.now) ?? Number.POSITIVE_INFINITY;
    options.until = Math.min(pause, horizonS);
    if (limits !== undefined) {
      // Checked before running too: the answer to a decision may come with the episode at its limit.
      const stoppedBy = limits.reached(plant.sim.eventCount);
      if (stoppedBy !== null)
        return { result: { reason: 'maxEvents', events: 0, now: plant.sim.now }, stoppedBy };
      options.maxEvents = Math.min(PROGRESS_EVENTS, limits.maxEvents - plant.sim.eventCount);
    }
    const result = plant.runUntilDecision(options);
    if (result.reason === 'maxEvents' && limits !== undefined) {
      const stoppedBy = limits.reached(plant.sim.eventCount);
      if (stoppedBy === null) continue;
      return { result, stoppedBy };
    }
    if (result.reason !== 'until' || pause >= horizonS) return { result, stoppedBy: null };
    pauses!.at(plant.sim.now);
  }
}
