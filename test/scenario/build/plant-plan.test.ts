import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPlant, loadScenarioFile, planPlant } from '../../../src/scenario/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';

const file = (name: string): Scenario => {
  const loaded = loadScenarioFile(fileURLToPath(new URL(`../../../scenarios/${name}`, import.meta.url)));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.scenario;
};

/** The statistics report and the finish times of a day's run (s). */
function day(scenario: Scenario, seed: number, plan?: ReturnType<typeof planPlant>) {
  const model = buildPlant(scenario, seed, plan === undefined ? {} : { plan });
  const finished: number[] = [];
  model.plant.events.on('partFinished', (_part, _sink, now) => finished.push(now));
  model.plant.run({ until: Math.min(scenario.run.horizon, 86_400) });
  return { report: model.statistics!.report(), finished };
}

// About 2 s.
describe('plant plan (the seed-independent part of a plant, derived once)', () => {
  it.each([
    'demo-factory.yaml',
    'flexible-jobshop.yaml',
    'machine-shop.yaml',
    'paint-shop.yaml',
  ])('plants built from one plan run exactly as plants built without one (%s)', (name) => {
    const scenario = file(name);
    const plan = planPlant(scenario);
    for (const seed of [1, 2]) expect(day(scenario, seed, plan)).toEqual(day(scenario, seed));
  });

  it('a plan is frozen, and refused for another scenario object, naming planPlant', () => {
    const scenario = file('demo-factory.yaml');
    const plan = planPlant(scenario);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.products) && Object.isFrozen(plan.stations)).toBe(
      true,
    );
    expect(() => buildPlant({ ...scenario }, 1, { plan })).toThrow(/planPlant\(scenario\)/);
  });
});
