import type { OrderReport, PlantReport } from '../../entities/index.js';
import type { Scenario } from '../schema.js';
import { type BuiltModel, buildPlant } from './build-plant.js';
import { type LimitReason, RunLimits } from './run-limits.js';
import { nextObserverStop, type RunObserver } from './run-observer.js';

/** Options of {@link runReplications} (and `runScenario` of src/report); each overrides the scenario's `run` section. */
export interface RunScenarioOptions {
  seed?: number;
  replications?: number;
  /** Seconds. */
  horizon?: number;
  /** Seconds. */
  warmup?: number;
  /** Called after each replication (for a progress bar). */
  onReplication?: (done: number, total: number) => void;
  /**
   * Called while a replication runs, every {@link PROGRESS_EVENTS} events and at its end, with how far
   * it got (for a progress bar that moves within a long replication).
   */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Events one replication may run (an integer ≥ 1); a replication that reaches it stops there, is
   * reported over the time it simulated, and the result is marked `partial`. Default: no limit.
   */
  maxEvents?: number;
  /**
   * Wall-clock seconds the whole run may take (> 0): when they are spent, the replication running stops
   * (checked every {@link PROGRESS_EVENTS} events), is reported over the time it simulated, the
   * replications after it are not run, and the result is marked `partial`. Default: no limit.
   */
  maxWallS?: number;
  /**
   * Events that may run at one simulated instant before a replication stops with a `ZeroTimeLoopError`
   * (see `Plant.run`; default 1,000,000).
   */
  maxEventsPerInstant?: number;
  /**
   * Called with each replication's model (`replication` from 0) after it is built and before it runs, so
   * an observer can subscribe to `model.plant.events` (e.g. `recordSchedule` of src/report).
   */
  onModel?: (model: BuiltModel, replication: number) => void;
  /**
   * Keep every station visit in each part's `steps` (see `BuildOptions.stepHistory`); default: only when
   * `onModel` is given (an observer may read them). Without it a part's memory does not grow with its routing.
   */
  stepHistory?: boolean;
  /**
   * Observers of every replication (a trace writer, a live stream, an event-log export; see
   * {@link RunObserver}): started after each build, paused for when they ask, ended after each run.
   */
  observe?: readonly RunObserver[];
}

/** Events {@link runReplications} runs between two calls of `onProgress` and two looks at the wall clock. */
export const PROGRESS_EVENTS = 50_000;

/** How far a run got: what {@link RunScenarioOptions.onProgress} receives. */
export interface RunProgress {
  /** The replication running, from 0. */
  readonly replication: number;
  /** Replications to run. */
  readonly replications: number;
  /** Its clock, s. */
  readonly nowS: number;
  /** Its horizon, s. */
  readonly horizonS: number;
}

/** One replication's raw results: what every figure of the report (src/report) is computed from. */
export interface ReplicationData {
  /** The plant's statistics over the observed period (after the warm-up) up to its end. */
  readonly plant: PlantReport;
  /** One entry per row of the order lists, over the whole run (null without order lists). */
  readonly orders: readonly OrderReport[] | null;
  /** Each crew pool's member crews, by pool id (crew statistics are kept per member). */
  readonly crewMembers: ReadonlyMap<string, readonly string[]>;
}

/** An initial transient found by warm-up detection (see {@link ReplicationRun.transient}). */
export interface ObservedTransient {
  /** Where the transient ends, s from the start of the run. */
  readonly endS: number;
  /** How it was found, in words (e.g. `MSER-5 on the WIP and cycle-time series of 5 pilot replications`). */
  readonly method: string;
  /** The truncation fell in the second half of the series: the run is too short to see its end. */
  readonly tooShort: boolean;
}

/** What {@link runReplications} returns: every replication's raw results, not yet aggregated. */
export interface ReplicationRun {
  seed: number;
  /** Replications run (fewer than asked when `maxWallS` stopped the run). */
  replications: number;
  /**
   * `true` when `maxEvents` or `maxWallS` stopped a replication before its horizon: its figures cover
   * only the time it simulated (see `partialReason`).
   */
  partial: boolean;
  /** Why the result is partial, in words (`null` when it is not). */
  partialReason: string | null;
  /** Seconds. */
  horizonS: number;
  /** Seconds. */
  warmupS: number;
  /** Events processed over all replications. */
  events: number;
  /**
   * The initial transient observed by warm-up detection (MSER-5, src/experiments), when the caller ran it
   * (`run --warmup auto` or `--warmup-check`); `runReplications` leaves it out. Read by the run warning
   * "warm-up shorter than the observed transient".
   */
  transient?: ObservedTransient;
  /** One entry per replication run, in order (replication i used master seed `seed + i`). */
  runs: ReplicationData[];
}

/**
 * Runs the scenario's replications (replication i uses master seed `seed + i`, so its streams are
 * independent of the others') and returns each one's raw results; `runScenario` of src/report aggregates
 * them into the figures of the report (mean ± 95% CI half-width). Each replication
 * runs in steps of {@link PROGRESS_EVENTS} events (the same events as one run), so `onProgress` can
 * report and `maxEvents`/`maxWallS` can stop it cleanly.
 * @throws RangeError for a bad `maxEvents` or `maxWallS`; `DeadlockError` (or `ZeroTimeLoopError`)
 * when a replication can make no more progress.
 */
export function runReplications(scenario: Scenario, options: RunScenarioOptions = {}): ReplicationRun {
  const seed = options.seed ?? scenario.run.seed;
  const replications = options.replications ?? scenario.run.replications;
  const horizonS = options.horizon ?? scenario.run.horizon;
  const warmupS = options.warmup ?? scenario.run.warmup;
  const effective: Scenario = { ...scenario, run: { ...scenario.run, horizon: horizonS, warmup: warmupS } };
  const runs: ReplicationData[] = [];
  const limits = new RunLimits(options);
  const { maxEvents } = limits;
  let events = 0;
  const partial: string[] = [];
  let ran = 0;
  for (let r = 0; r < replications; r++) {
    const model = buildPlant(effective, seed + r, {
      stepHistory: options.stepHistory ?? options.onModel !== undefined,
    });
    options.onModel?.(model, r);
    const plant = model.plant;
    const observers = options.observe ?? [];
    const run = { scenario: effective, replication: r, replications, seed: seed + r, horizonS, warmupS };
    for (const o of observers) o.start(model, run);
    let stopped: LimitReason | null = null;
    try {
      for (;;) {
        const left = maxEvents - plant.sim.eventCount;
        const until =
          observers.length === 0 ? horizonS : nextObserverStop(observers, plant.sim.now, horizonS);
        const step = plant.run({
          until,
          maxEvents: Math.min(PROGRESS_EVENTS, left),
          maxEventsPerInstant: options.maxEventsPerInstant,
        });
        options.onProgress?.({ replication: r, replications, nowS: plant.sim.now, horizonS });
        if (step.reason !== 'maxEvents') {
          if (until >= horizonS) break;
          for (const o of observers) o.at?.(plant.sim.now);
          continue;
        }
        stopped = limits.reached(plant.sim.eventCount);
        if (stopped !== null) break;
      }
    } catch (error) {
      for (const o of observers) o.abort?.(error);
      throw error;
    }
    events += model.sim.eventCount;
    const endS = stopped === null ? horizonS : plant.sim.now;
    for (const o of observers) o.end?.(endS, stopped === null ? 'horizon' : 'stopped');
    runs.push({
      plant: model.statistics!.report(endS),
      orders: model.orders === null ? null : model.orders.report(endS),
      crewMembers: new Map(model.crewMembers),
    });
    ran++;
    options.onReplication?.(r + 1, replications);
    if (stopped !== null) {
      partial.push(
        ...limits.notes(stopped, r, replications, { endS, horizonS, warmupS }, model.sim.eventCount),
      );
      if (stopped === 'maxWall') break;
    }
  }
  return {
    seed,
    replications: ran,
    partial: partial.length > 0,
    partialReason: partial.length > 0 ? partial.join('; ') : null,
    horizonS,
    warmupS,
    events,
    runs,
  };
}
