import { describe, expect, it } from 'vitest';
import { jobShopToScenarioYaml, loadJobShopInstance, loadScenario } from '../../../src/scenario/index.js';

const ft06 = loadJobShopInstance('ft06');

function load(yaml: string) {
  const r = loadScenario(yaml, { fileName: 'ft06.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

describe('jobShopToScenarioYaml options', () => {
  it('writes any built-in rule at every machine, and { rule: atc, k } with its look-ahead', () => {
    const mwkr = load(jobShopToScenarioYaml(ft06, { dispatch: 'mwkr' }));
    expect(mwkr.stations.map((s) => s.dispatch)).toEqual(Array(6).fill('mwkr'));
    const atc = load(jobShopToScenarioYaml(ft06, { dispatch: { rule: 'atc', k: 3 } }));
    expect(atc.stations.map((s) => s.dispatchSpec)).toEqual(Array(6).fill({ rule: 'atc', k: 3 }));
  });

  it('gives no due dates by default, and release + factor × total work with dueDateFactor', () => {
    expect(load(jobShopToScenarioYaml(ft06)).products.every((p) => p.dueDate === undefined)).toBe(true);
    const due = load(jobShopToScenarioYaml(ft06, { timeUnit: 's', dueDateFactor: 1.5 }));
    expect(due.products[0]!.dueDate).toEqual({ rule: 'totalWork', factor: 1.5 });
    expect(() => jobShopToScenarioYaml(ft06, { dueDateFactor: 0 })).toThrow(
      /^jobShopToScenarioYaml: dueDateFactor must be a finite number > 0 \(got 0\)/,
    );
  });
});
