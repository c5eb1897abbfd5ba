import type { Scenario } from '../schema.js';
import type { BuiltModel } from './build-plant.js';

/** What a {@link RunObserver} is told of the replication it watches. */
export interface ObservedRun {
  /** The scenario as run (its `run` section with the overrides of the call). */
  readonly scenario: Scenario;
  /** The replication, from 0. */
  readonly replication: number;
  /** Replications of the run. */
  readonly replications: number;
  /** Master seed of this replication (`seed + replication`). */
  readonly seed: number;
  /** Horizon and warm-up, s. */
  readonly horizonS: number;
  readonly warmupS: number;
}

/**
 * Something that watches a run from outside (a trace writer, a live stream, an event-log export): the run
 * API calls it; the entities never know it. It subscribes to `model.plant.events` in `start` and may ask
 * the run to pause at times of its choosing (`nextStopS`, then `at`), e.g. to take a keyframe when every
 * event before that time has run and none at it. Pausing changes no event and no random draw.
 */
export interface RunObserver {
  /** Called with each replication's model after it is built and before its first event. */
  start(model: BuiltModel, run: ObservedRun): void;
  /** The next time (s, later than `nowS`) at which the run should pause for {@link RunObserver.at}; `Infinity` for none. */
  nextStopS?(nowS: number): number;
  /** Called when the run paused at a time this or another observer asked for. */
  at?(nowS: number): void;
  /** Called when the replication ended: at its horizon, or stopped early (`maxEvents`, `maxWall`) at `endS` (s). */
  end?(endS: number, reason: 'horizon' | 'stopped'): void;
  /** Called instead of `end` when the replication failed with `error` (a deadlock, a zero-time loop). */
  abort?(error: unknown): void;
}

/** The earliest pause any observer asks for after `nowS`, capped at `horizonS`. */
export function nextObserverStop(observers: readonly RunObserver[], nowS: number, horizonS: number): number {
  let stop = horizonS;
  for (const o of observers) {
    const s = o.nextStopS?.(nowS) ?? Number.POSITIVE_INFINITY;
    if (!(s > nowS))
      throw new RangeError(`runScenario: an observer asked to pause at ${s} s, not after now (${nowS} s)`);
    if (s < stop) stop = s;
  }
  return stop;
}
