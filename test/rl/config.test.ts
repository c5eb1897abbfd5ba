import { describe, expect, test } from 'vitest';
import { EnvConfigError, observationFeatureNames, ShopfloorEnv } from '../../src/rl/index.js';
import { jobShop, scenarioFrom } from './_support/scenarios.js';

describe('environment options', () => {
  test('an agent kind the scenario never has is an error at construction, naming the kind', () => {
    const scenario = jobShop('ft06');
    for (const kind of ['crew', 'routing', 'transport', 'maintenance'] as const) {
      expect(() => new ShopfloorEnv({ scenario, agent: [kind] })).toThrow(
        new RegExp(`agent kind ${kind} never occurs in scenario job shop ft06`),
      );
    }
    expect(() => new ShopfloorEnv({ scenario, agent: ['dispatch', 'crew'] })).toThrow(EnvConfigError);
    expect(() => new ShopfloorEnv({ scenario, agent: ['steering' as 'crew'] })).toThrow(
      /unknown agent kind "steering"/,
    );
    expect(() => new ShopfloorEnv({ scenario, agent: [] })).toThrow(/non-empty list/);
  });

  test('product slots are for dispatch alone and have one slot per product', () => {
    const scenario = jobShop('ft10');
    const env = new ShopfloorEnv({ scenario, slots: 'product' });
    expect(env.maxCandidates).toBe(10);
    expect(env.actionSpace).toEqual({ type: 'discrete', n: 10 });
    expect(() => new ShopfloorEnv({ scenario, slots: 'product', maxCandidates: 4 })).toThrow(
      /maxCandidates is the number of products, 10 \(got 4\)/,
    );
  });

  test('numbers are checked: maxSteps, maxCandidates, penalty, rewardScale, horizon, scales', () => {
    const scenario = jobShop('ft06');
    expect(() => new ShopfloorEnv({ scenario, maxSteps: 0 })).toThrow(/maxSteps must be an integer >= 1/);
    expect(() => new ShopfloorEnv({ scenario, maxCandidates: 2.5 })).toThrow(/maxCandidates/);
    expect(() => new ShopfloorEnv({ scenario, penalty: -1 })).toThrow(/penalty must be a finite number >= 0/);
    expect(() => new ShopfloorEnv({ scenario, rewardScale: 0 })).toThrow(/rewardScale/);
    expect(() => new ShopfloorEnv({ scenario, horizonS: Number.NaN })).toThrow(/horizonS/);
    expect(() => new ShopfloorEnv({ scenario, scales: { timeS: 0 } })).toThrow(/scales.timeS/);
    expect(() => new ShopfloorEnv({ scenario, reward: 'profit' as 'cost' })).toThrow(
      /unknown reward "profit"/,
    );
  });

  test('pauses must be an object with both functions, else an error naming them', () => {
    const scenario = jobShop('ft06');
    for (const pauses of [null, 3, { nextStopS: () => 1 }])
      expect(() => new ShopfloorEnv({ scenario, pauses: pauses as never })).toThrow(
        /pauses must be an object with functions nextStopS\(nowS\) and at\(nowS\)/,
      );
  });

  test("the scenario's env section gives the defaults; constructor options win", () => {
    const scenario = scenarioFrom(`
run: { horizon: 8h }
products: [{ id: a, routing: [{ station: m, processTime: { exponential: { mean: 1min } } }] }]
sources: [{ id: s, product: a, interarrival: { exponential: { mean: 70s } } }]
stations: [{ id: m }]
sinks: [{ id: out }]
env: { agent: [dispatch], reward: cost, maxSteps: 7, maxCandidates: 3, illegalAction: penalty, penalty: 4 }
`);
    const env = new ShopfloorEnv({ scenario });
    expect([env.rewardName, env.maxSteps, env.maxCandidates, env.illegalAction, env.penalty]).toEqual([
      'cost',
      7,
      3,
      'penalty',
      4,
    ]);
    const over = new ShopfloorEnv({ scenario, reward: 'throughput', maxSteps: 9 });
    expect([over.rewardName, over.maxSteps]).toEqual(['throughput', 9]);
  });

  test('default reward: makespan when every part is released at time 0, throughput otherwise', () => {
    expect(new ShopfloorEnv({ scenario: jobShop('ft06') }).rewardName).toBe('makespan');
    const open = scenarioFrom(`
run: { horizon: 8h }
products: [{ id: a, routing: [{ station: m, processTime: 1min }] }]
sources: [{ id: s, product: a, interarrival: { exponential: { mean: 70s } } }]
stations: [{ id: m }]
sinks: [{ id: out }]
`);
    expect(new ShopfloorEnv({ scenario: open }).rewardName).toBe('throughput');
  });

  test('observationFeatureNames lists one distinct name per element, in the documented order', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06'), slots: 'product' });
    const names = observationFeatureNames(env);
    expect(names).toHaveLength(env.observationSize);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 10)).toEqual([
      'time',
      'wip',
      'finished',
      'candidates',
      'kind=dispatch',
      'kind=routing',
      'kind=crew',
      'kind=transport',
      'kind=maintenance',
      'kind=operator',
    ]);
    expect(names.slice(10, 16)).toEqual(['at=m0', 'at=m1', 'at=m2', 'at=m3', 'at=m4', 'at=m5']);
    expect(names.slice(16, 22)).toEqual([
      'm0.queue',
      'm0.idle',
      'm0.busy',
      'm0.blocked',
      'm0.down',
      'm0.other',
    ]);
    expect(names.slice(-9)).toEqual([
      'slot5.present',
      'slot5.dispatch.processTime',
      'slot5.dispatch.workRemaining',
      'slot5.dispatch.operationsRemaining',
      'slot5.dispatch.waited',
      'slot5.dispatch.hasDue',
      'slot5.dispatch.dueSlack',
      'slot5.dispatch.priority',
      'slot5.dispatch.nextQueue',
    ]);
    names[0] = 'changed';
    expect(env.observationFeatureNames[0]).toBe('time');
  });
});

describe('askTrivial', () => {
  test('hands out single-option decisions too: one step per operation of ft06, rewards still sum to −makespan', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06'), askTrivial: true });
    let r = env.reset({ seed: 1 });
    let steps = 0;
    let total = 0;
    let single = 0;
    for (;;) {
      if (r.info.actionMask.filter((m) => m === 1).length === 1) single++;
      const s = env.step(r.info.actionMask.indexOf(1));
      steps++;
      total += s.reward;
      r = s;
      if (s.terminated) break;
    }
    expect(steps).toBe(36);
    expect(single).toBeGreaterThan(0);
    expect(total).toBe(-r.info.makespanS!);
  });
});
