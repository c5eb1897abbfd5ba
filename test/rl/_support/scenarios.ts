import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  jobShopToScenarioYaml,
  loadScenario,
  loadScenarioFile,
  parseJobShop,
  type Scenario,
} from '../../../src/scenario/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** The job-shop instance `data/jobshop/<name>.txt` as a scenario (durations in minutes). */
export function jobShop(name: string): Scenario {
  const parsed = parseJobShop(readFileSync(join(root, 'data', 'jobshop', `${name}.txt`), 'utf8'), name);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const loaded = loadScenario(jobShopToScenarioYaml(parsed.instance), { fileName: `${name}.yaml` });
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.scenario;
}

/** The example scenario `scenarios/<file>`. */
export function example(file: string): Scenario {
  const loaded = loadScenarioFile(join(root, 'scenarios', file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.scenario;
}

/** The file names of every example scenario. */
export function exampleFiles(): string[] {
  return readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** A scenario from YAML text (throws on problems). */
export function scenarioFrom(text: string): Scenario {
  const loaded = loadScenario(text, { fileName: 'inline.yaml' });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return loaded.scenario;
}
