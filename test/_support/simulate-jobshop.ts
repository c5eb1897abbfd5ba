import type { DispatchSpec } from '../../src/policies/index.js';
import { runScenario } from '../../src/report/index.js';
import { type JobShopInstance, jobShopToScenarioYaml, loadScenario } from '../../src/scenario/index.js';

/** Options of {@link simulatedMakespan}. */
export interface SimulateJobShopOptions {
  /** Due dates for the due-date rules: release + factor × the job's total work (default: none). */
  readonly dueDateFactor?: number;
}

/**
 * The makespan of a job-shop instance run through the simulator with one dispatch rule at every machine,
 * through the public scenario path (`jobShopToScenarioYaml` → `loadScenario` → `runScenario`), in the
 * instance's time unit. All jobs are released at 0, so the longest cycle time is the makespan.
 * @throws Error if the scenario does not load or not every job finishes within the horizon.
 */
export function simulatedMakespan(
  instance: JobShopInstance,
  dispatch: DispatchSpec,
  options: SimulateJobShopOptions = {},
): number {
  const yaml = jobShopToScenarioYaml(instance, {
    timeUnit: 's',
    dispatch,
    ...(options.dueDateFactor === undefined ? {} : { dueDateFactor: options.dueDateFactor }),
  });
  const loaded = loadScenario(yaml, { fileName: `${instance.name}.yaml` });
  if (!loaded.ok)
    throw new Error(`${instance.name}: ${loaded.problems[0]?.path}: ${loaded.problems[0]?.message}`);
  const result = runScenario(loaded.scenario, { replications: 1 });
  if (result.kpis.finished.mean !== instance.jobs) {
    throw new Error(`${instance.name}: ${result.kpis.finished.mean} of ${instance.jobs} jobs finished`);
  }
  return result.kpis.cycleTimeMaxS.mean;
}
