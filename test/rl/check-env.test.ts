import { describe, expect, test } from 'vitest';
import { possibleDecisionKinds } from '../../src/rl/_internal/scenario-info.js';
import { checkEnv, ShopfloorEnv } from '../../src/rl/index.js';
import { CREW_SHOP, example, exampleFiles, FLEX_SHOP, jobShop, scenarioFrom } from './_support/scenarios.js';

// Episodes that never end on their own are capped at a few simulated hours: the checks replay the
// episode from its seed a dozen times. 3–20 s per scenario on this 2-core machine.
describe('checkEnv passes on every example scenario with every decision kind it has', () => {
  const cases = exampleFiles().flatMap((file) => {
    const scenario = example(file);
    return [...possibleDecisionKinds(scenario)].map((kind) => ({ file, kind, scenario }));
  });

  test.each(cases)('$file with agent [$kind]', ({ scenario, kind }) => {
    const env = new ShopfloorEnv({
      scenario,
      agent: [kind],
      horizonS: Math.min(scenario.run.horizon, 12 * 3600),
    });
    const report = checkEnv(env, { steps: 150 });
    expect(report.ok).toBe(true);
    expect(report.steps).toBeGreaterThan(0);
  });

  test('every example offers dispatch decisions, and the kinds found match the scenario', () => {
    const kinds = Object.fromEntries(
      exampleFiles().map((f) => [f, [...possibleDecisionKinds(example(f))].sort()]),
    );
    for (const list of Object.values(kinds)) expect(list).toContain('dispatch');
    expect(kinds['jobshop-ft06.yaml']).toEqual(['dispatch']);
    expect(kinds['demo-factory.yaml']).toEqual(['crew', 'dispatch', 'maintenance', 'transport']);
  });
});

describe('checkEnv on decision kinds beyond the examples', () => {
  test('crew decisions (four failing machines, one technician) with penalties for illegal actions', () => {
    const env = new ShopfloorEnv({
      scenario: scenarioFrom(CREW_SHOP),
      agent: ['crew'],
      illegalAction: 'penalty',
      penalty: 3,
    });
    const report = checkEnv(env, { steps: 100, seed: 5 });
    expect(report.choices).toBeGreaterThan(10);
  });

  test('routing decisions of a flexible job shop, and routing with dispatch together', () => {
    const scenario = scenarioFrom(FLEX_SHOP);
    expect(checkEnv(new ShopfloorEnv({ scenario, agent: ['routing'] })).ended).toBe('terminated');
    const both = checkEnv(new ShopfloorEnv({ scenario, agent: ['routing', 'dispatch'] }));
    expect(both.ended).toBe('terminated');
    expect(both.choices).toBeGreaterThan(5);
  });

  test('dispatch on ft10 with product slots and with queue slots, maxSteps truncating', () => {
    const scenario = jobShop('ft10');
    expect(checkEnv(new ShopfloorEnv({ scenario, slots: 'product' })).ended).toBe('terminated');
    expect(checkEnv(new ShopfloorEnv({ scenario, slots: 'queue', maxSteps: 12 })).ended).toBe('truncated');
  });

  test('a failing check is reported, not swallowed', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06') });
    // A broken environment: its observation space claims one element fewer than it writes.
    Object.defineProperty(env, 'observationSpace', {
      value: { ...env.observationSpace, shape: [env.observationSize - 1], low: [], high: [] },
    });
    const report = checkEnv(env, { throwOnFailure: false });
    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toMatch(/observation space is well-formed/);
    expect(() => checkEnv(new ShopfloorEnv({ scenario: jobShop('ft06') }), { steps: 5 })).not.toThrow();
  });
});
