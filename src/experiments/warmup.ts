import { type MserResult, mser } from './mser.js';
import type { Override } from './overrides.js';
import { type ReplicationRunner, runReplication } from './replication.js';
import type { TransientSeries } from './transient.js';

/**
 * Automatic warm-up (`--warmup auto`): MSER-5 on the WIP and cycle-time series of pilot replications.
 * The pilots run without warm-up deletion; their series are averaged point by point (WIP interval i
 * across pilots; the j-th finished part's cycle time across pilots), which smooths the noise while
 * keeping the transient, and MSER-5 picks each series' truncation point. The warm-up is the later of
 * the two, in seconds.
 */

/** One series' truncation. */
export interface SeriesTruncation {
  readonly mser: MserResult;
  /** The truncation point in simulated time, s. */
  readonly warmupS: number;
}

/** What {@link detectWarmupFromSeries} and {@link detectWarmup} found. */
export interface WarmupDetection {
  /** The warm-up to use, s: the later of the two truncation points. */
  readonly warmupS: number;
  readonly wip: SeriesTruncation;
  /** Null when too few parts finished for MSER-5 (fewer than 25 in the shortest pilot). */
  readonly cycleTime: SeriesTruncation | null;
  readonly pilots: number;
  /** A truncation point in the second half of its series: the run is too short (in words), else null. */
  readonly warning: string | null;
}

/**
 * MSER-5 on pilot replications' series (all of the same horizon and interval).
 * @throws RangeError without pilots, or with too few WIP intervals (fewer than 25).
 */
export function detectWarmupFromSeries(series: readonly TransientSeries[]): WarmupDetection {
  if (series.length === 0) throw new RangeError('detectWarmup: needs at least one pilot replication');
  const intervals = Math.min(...series.map((s) => s.wip.length));
  const dt = series[0]!.intervalS;
  const wipMean = Array.from(
    { length: intervals },
    (_, i) => series.reduce((sum, s) => sum + s.wip[i]!, 0) / series.length,
  );
  const wipMser = mser(wipMean, 5);
  const wip: SeriesTruncation = { mser: wipMser, warmupS: wipMser.truncatedObservations * dt };
  const parts = Math.min(...series.map((s) => s.cycleTimeS.length));
  let cycleTime: SeriesTruncation | null = null;
  if (parts >= 25) {
    const ctMean = Array.from(
      { length: parts },
      (_, j) => series.reduce((sum, s) => sum + s.cycleTimeS[j]!, 0) / series.length,
    );
    const ctMser = mser(ctMean, 5);
    const d = ctMser.truncatedObservations;
    // The time the d-th part finished, averaged over the pilots (0 when nothing is cut).
    const at = d === 0 ? 0 : series.reduce((sum, s) => sum + s.finishedAtS[d - 1]!, 0) / series.length;
    cycleTime = { mser: ctMser, warmupS: at };
  }
  const late = [
    wipMser.secondHalf ? `WIP (${wipMser.truncatedBatches} of ${wipMser.batches} batches)` : null,
    cycleTime?.mser.secondHalf === true
      ? `cycle time (${cycleTime.mser.truncatedBatches} of ${cycleTime.mser.batches} batches)`
      : null,
  ].filter((x) => x !== null);
  return {
    warmupS: Math.max(wip.warmupS, cycleTime?.warmupS ?? 0),
    wip,
    cycleTime,
    pilots: series.length,
    warning:
      late.length === 0
        ? null
        : `MSER-5 truncates the ${late.join(' and ')} in the second half of the run: the run is too short to see the end of the transient; lengthen the horizon`,
  };
}

/** Options of {@link detectWarmup}. */
export interface DetectWarmupOptions {
  readonly file: string;
  readonly overrides?: readonly Override[];
  /** `kind=file.onnx` texts: the pilots run with these trained policies (see `ReplicationTask.policies`). */
  readonly policies?: readonly string[];
  /** Seed of the first pilot (pilot p uses seed + p). */
  readonly seed: number;
  /** Pilot replications (default 5). */
  readonly pilots?: number;
  /** Horizon, s (default the scenario's). */
  readonly horizonS?: number;
  /** WIP intervals over the horizon (default 500, i.e. 100 batches of 5). */
  readonly intervals?: number;
  readonly runner?: ReplicationRunner;
}

/**
 * Runs pilot replications with no warm-up deletion and applies {@link detectWarmupFromSeries}.
 * @throws OverrideError when the scenario does not load; RangeError for bad options.
 */
export async function detectWarmup(options: DetectWarmupOptions): Promise<WarmupDetection> {
  const pilots = options.pilots ?? 5;
  if (!(Number.isInteger(pilots) && pilots >= 1))
    throw new RangeError(`detectWarmup: pilots must be an integer >= 1 (got ${pilots})`);
  const intervals = options.intervals ?? 500;
  if (!(Number.isInteger(intervals) && intervals >= 25))
    throw new RangeError(`detectWarmup: intervals must be an integer >= 25 (got ${intervals})`);
  const runner = options.runner ?? runReplication;
  const outcomes = await Promise.all(
    Array.from({ length: pilots }, (_, p) =>
      runner({
        file: options.file,
        overrides: options.overrides ?? [],
        ...(options.policies !== undefined && options.policies.length > 0
          ? { policies: options.policies }
          : {}),
        seed: options.seed + p,
        horizonS: options.horizonS,
        warmupS: 0,
        transientIntervals: intervals,
      }),
    ),
  );
  return detectWarmupFromSeries(outcomes.map((o) => o.transient!));
}
