import type { BuiltModel } from '../scenario/index.js';

/**
 * The output series of one replication that warm-up detection reads, over the whole run (warm-up
 * included): the work in process averaged over equal intervals, and every finished part's cycle time in
 * order of completion.
 */
export interface TransientSeries {
  /** Length of one WIP interval, s. */
  readonly intervalS: number;
  /** Time-average WIP (parts) in [iΔ, (i + 1)Δ) for each interval i up to the horizon. */
  readonly wip: number[];
  /** Cycle times of finished parts, s, in order of completion. */
  readonly cycleTimeS: number[];
  /** Completion time of each of those parts, s (same order). */
  readonly finishedAtS: number[];
}

/**
 * Subscribes to a built model's events and records its {@link TransientSeries} up to `horizonS`.
 * Call it before the model runs (e.g. from `runScenario`'s `onModel`); read `series(endS)` after.
 */
export function recordTransient(
  model: BuiltModel,
  horizonS: number,
  intervals: number,
): { series(endS: number): TransientSeries } {
  const dt = horizonS / intervals;
  const wip = new Array<number>(intervals).fill(0);
  let level = model.plant.inSystem;
  let last = 0;
  // Adds level × (t − last) into the intervals it spans.
  const advance = (t: number) => {
    while (last < t) {
      const i = Math.min(intervals - 1, Math.floor(last / dt));
      const end = Math.min(t, (i + 1) * dt);
      wip[i]! += level * (end - last);
      if (end <= last) break;
      last = end;
    }
  };
  const change = (delta: number) => (t: number) => {
    advance(t);
    level += delta;
  };
  const up = change(1);
  const down = change(-1);
  const cycleTimeS: number[] = [];
  const finishedAtS: number[] = [];
  const ev = model.plant.events;
  ev.on('partReleased', (_p, t) => up(t));
  ev.on('partAssembled', (_p, _a, t) => up(t));
  ev.on('partConsumed', (_p, _a, t) => down(t));
  ev.on('partScrapped', (_p, _a, t) => down(t));
  ev.on('partFinished', (part, _s, t) => {
    down(t);
    cycleTimeS.push(t - part.releaseS);
    finishedAtS.push(t);
  });
  return {
    series(endS: number): TransientSeries {
      advance(endS);
      const n = Math.max(1, Math.min(intervals, Math.floor(endS / dt + 1e-9)));
      return {
        intervalS: dt,
        wip: wip.slice(0, n).map((area) => area / dt),
        cycleTimeS,
        finishedAtS,
      };
    },
  };
}
