import { type RunScenarioOptions, runReplications, type Scenario } from '../scenario/index.js';
import { aggregateReplications } from './figures/aggregate.js';
import type { ScenarioResult } from './figures/sections.js';

/**
 * Runs the scenario's replications (replication i uses master seed `seed + i`, see `runReplications`)
 * and aggregates every declared figure over them (mean ± 95% CI half-width, pooled ratios…).
 * @throws RangeError for a bad `maxEvents` or `maxWallS`; `DeadlockError` (or `ZeroTimeLoopError`)
 * when a replication can make no more progress.
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioResult {
  return aggregateReplications(runReplications(scenario, options));
}
