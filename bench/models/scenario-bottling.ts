import { fileURLToPath } from 'node:url';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const FILE = fileURLToPath(new URL('../../../scenarios/bottling.yaml', import.meta.url));

/** What one run of the bottling line yields: simulated hours and events processed. */
export interface BottlingResult {
  readonly simulatedH: number;
  readonly events: number;
  readonly bottles: number;
}

/**
 * The bottling-line example (scenarios/bottling.yaml: conveyors, failures, a batch packer, energy) through
 * the code path of `shopfloor run`, one replication of `horizonS` seconds (default: the file's horizon).
 */
export function scenarioBottling(horizonS?: number): BottlingResult {
  const loaded = loadScenarioFile(FILE);
  if (!loaded.ok) throw new Error(`scenarios/bottling.yaml is invalid: ${loaded.problems[0]?.message}`);
  const horizon = horizonS ?? loaded.scenario.run.horizon;
  const result = runScenario(loaded.scenario, { horizon, replications: 1 });
  return { simulatedH: horizon / 3600, events: result.events, bottles: result.kpis.finished.mean };
}
