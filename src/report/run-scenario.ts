// From its own module, not src/scenario/index.ts (which also reads files with node:fs): the viewer runs
// this in a Web Worker.
import {
  type ReplicationRun,
  type RunScenarioOptions,
  runReplications,
} from '../scenario/build/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { aggregateReplications } from './figures/aggregate.js';
import type { ScenarioResult } from './figures/sections.js';
import { observeRun, type RunObservations, type RunSampler } from './observe/run-observer.js';

/**
 * Runs the scenario's replications (replication i uses master seed `seed + i`, see `runReplications`)
 * and aggregates every declared figure over them (mean ± 95% CI half-width, pooled ratios…).
 * @throws RangeError for a bad `maxEvents` or `maxWallS`; `DeadlockError` (or `ZeroTimeLoopError`)
 * when a replication can make no more progress.
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioResult {
  return aggregateReplications(runReplications(scenario, options));
}

/** Samples a report's time series take over a run: the sampling step is the horizon / this. */
export const OBSERVATION_SAMPLES = 300;

/** What {@link runScenarioObserved} returns: the result, the raw run, and the first replication over time. */
export interface SampledRun {
  readonly result: ScenarioResult;
  readonly run: ReplicationRun;
  readonly observations: RunObservations;
}

/**
 * {@link runScenario}, watching the first replication with {@link observeRun} (time series sampled
 * {@link OBSERVATION_SAMPLES} times over the horizon, cycle times, active periods, schedule): what
 * `runReportHtml` draws. The run and its figures are the same as without observing.
 */
export function runScenarioObserved(scenario: Scenario, options: RunScenarioOptions = {}): SampledRun {
  const horizonS = options.horizon ?? scenario.run.horizon;
  const warmupS = options.warmup ?? scenario.run.warmup;
  let observer: RunSampler | undefined;
  const run = runReplications(scenario, {
    ...options,
    onModel: (model, replication) => {
      if (replication === 0)
        observer = observeRun(model.plant, { stepS: horizonS / OBSERVATION_SAMPLES, warmupS });
      options.onModel?.(model, replication);
    },
  });
  const first = run.runs[0]!;
  return {
    result: aggregateReplications(run),
    run,
    observations: observer!.finish(warmupS + first.plant.elapsedS),
  };
}
