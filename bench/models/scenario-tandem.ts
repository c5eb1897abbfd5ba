import { fileURLToPath } from 'node:url';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import type { QueueModelResult } from './types.js';

const FILE = fileURLToPath(new URL('../../../bench/scenarios/tandem5.yaml', import.meta.url));

/**
 * The tandem line as a scenario file, through the code path of `shopfloor run`: load and validate the
 * file, build the entities, run with statistics on, aggregate the report. Time in system in minutes.
 */
export function scenarioTandem5(horizonS: number): QueueModelResult {
  const loaded = loadScenarioFile(FILE);
  if (!loaded.ok) throw new Error(`bench/scenarios/tandem5.yaml is invalid: ${loaded.problems[0]?.message}`);
  const result = runScenario(loaded.scenario, { horizon: horizonS, replications: 1 });
  return { jobs: result.kpis.finished.mean, meanTimeInSystem: result.kpis.cycleTimeS.mean / 60 };
}
