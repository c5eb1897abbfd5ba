import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  jobShopToScenarioYaml,
  loadJobShopInstance,
  loadScenario,
  loadScenarioFile,
  type Scenario,
} from '../../../src/scenario/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** The job-shop instance `data/jobshop/<name>.txt` as a scenario (durations in minutes). */
export function jobShop(name: string): Scenario {
  const loaded = loadScenario(jobShopToScenarioYaml(loadJobShopInstance(name)), { fileName: `${name}.yaml` });
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

/** Four machines failing often and one technician: crews choose among waiting repairs all the time. */
export const CREW_SHOP = `
run: { horizon: 2d, seed: 3 }
products: [{ id: a, routing: [{ station: m1, processTime: 5min }, { station: m2, processTime: 5min }, { station: m3, processTime: 5min }, { station: m4, processTime: 5min }] }]
sources: [{ id: s, product: a, interarrival: { exponential: { mean: 7min } } }]
stations:
  - { id: m1, failures: [{ name: f, basis: calendar, ttf: { exponential: { mean: 1h } }, ttr: { exponential: { mean: 20min } } }], position: { x: 0m, y: 0m } }
  - { id: m2, failures: [{ name: f, basis: calendar, ttf: { exponential: { mean: 1h } }, ttr: { exponential: { mean: 20min } } }], position: { x: 10m, y: 0m } }
  - { id: m3, failures: [{ name: f, basis: calendar, ttf: { exponential: { mean: 1h } }, ttr: { exponential: { mean: 20min } } }], position: { x: 20m, y: 0m } }
  - { id: m4, failures: [{ name: f, basis: calendar, ttf: { exponential: { mean: 1h } }, ttr: { exponential: { mean: 20min } } }], position: { x: 30m, y: 0m } }
crews: [{ id: tech, travel: { speed: 1m/s }, home: { x: 0m, y: 0m } }]
sinks: [{ id: out }]
`;

/** A small flexible job shop: the second step of each job chooses between two machines. */
export const FLEX_SHOP = `
run: { horizon: 1d }
products:
  - { id: j1, routing: [{ station: a, processTime: 3min }, { station: [b, c], processTimes: { b: 4min, c: 6min } }] }
  - { id: j2, routing: [{ station: a, processTime: 2min }, { station: [b, c], processTimes: { b: 5min, c: 3min } }] }
  - { id: j3, routing: [{ station: [b, c], processTime: 4min }, { station: a, processTime: 1min }] }
sources: [{ id: o, orders: [{ release: 0s, product: j1, quantity: 3 }, { release: 0s, product: j2, quantity: 3 }, { release: 0s, product: j3, quantity: 3 }] }]
stations: [{ id: a }, { id: b }, { id: c }]
sinks: [{ id: out }]
`;
