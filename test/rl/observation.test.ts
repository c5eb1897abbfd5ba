import { describe, expect, test } from 'vitest';
import { OBSERVATION_CLIP, ShopfloorEnv } from '../../src/rl/index.js';
import { randomMasked } from './_support/policies.js';
import { CREW_SHOP, FLEX_SHOP, jobShop, scenarioFrom } from './_support/scenarios.js';

const feature = (env: ShopfloorEnv, obs: Float32Array, name: string): number => {
  const i = env.observationFeatureNames.indexOf(name);
  if (i < 0) throw new Error(`no feature ${name}`);
  return obs[i]!;
};

describe('observation', () => {
  test('ft06 at its first decision: time, WIP, kind, deciding station and candidates as documented', () => {
    const scenario = jobShop('ft06');
    const env = new ShopfloorEnv({ scenario, slots: 'product' });
    const { observation: obs, info } = env.reset();
    const point = info.decision!;
    expect(point.kind).toBe('dispatch');
    if (point.kind !== 'dispatch') return;
    expect(feature(env, obs, 'time')).toBe(0);
    expect(feature(env, obs, 'wip')).toBe(1); // 6 parts in the system / 6 to make
    expect(feature(env, obs, 'finished')).toBe(0);
    expect(feature(env, obs, 'kind=dispatch')).toBe(1);
    expect(feature(env, obs, `at=${point.at}`)).toBe(1);
    expect(feature(env, obs, 'candidates')).toBeCloseTo(point.options.length / 6, 6);
    // Mean process time over the 36 operations of ft06, s: the time scale.
    const meanS =
      scenario.products.flatMap((p) => p.routing.map((s) => s.processTime!.mean)).reduce((a, b) => a + b) /
      36;
    for (const p of point.options) {
      const slot = Number(p.product.slice(3));
      expect(info.actionMask[slot]).toBe(1);
      expect(feature(env, obs, `slot${slot}.present`)).toBe(1);
      expect(feature(env, obs, `slot${slot}.dispatch.processTime`)).toBeCloseTo(p.processTimeS / meanS, 5);
      expect(feature(env, obs, `slot${slot}.dispatch.workRemaining`)).toBeCloseTo(
        p.workRemainingS / meanS,
        5,
      );
      expect(feature(env, obs, `slot${slot}.dispatch.operationsRemaining`)).toBe(1);
      expect(feature(env, obs, `slot${slot}.dispatch.hasDue`)).toBe(0);
    }
    expect([...info.actionMask].filter((m) => m === 1)).toHaveLength(point.options.length);
  });

  test('product slots keep their meaning: action i starts a part of the i-th product', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product' });
    const policy = randomMasked(12);
    let r = env.reset({ seed: 12 });
    for (let k = 0; k < 25; k++) {
      const at = r.info.decision!.at;
      const a = policy(r.info.actionMask);
      let started: string | undefined;
      const off = env.currentPlant!.events.on('processStarted', (part, station) => {
        if (station === at && started === undefined) started = part.product;
      });
      const s = env.step(a);
      off();
      expect(started).toBe(`job${a}`);
      if (s.terminated) break;
      r = s;
    }
  });

  test('the observation is written in place and always lies in its space', () => {
    const env = new ShopfloorEnv({
      scenario: scenarioFrom(CREW_SHOP),
      agent: ['dispatch', 'crew'],
      horizonS: 86_400,
    });
    const policy = randomMasked(1);
    const r0 = env.reset({ seed: 1 });
    let r = r0;
    const { low, high } = env.observationSpace;
    let crewSeen = 0;
    for (let k = 0; k < 400; k++) {
      if (r.info.decision?.kind === 'crew') {
        crewSeen++;
        expect(feature(env, r.observation, 'kind=crew')).toBe(1);
        expect(feature(env, r.observation, 'slot0.crew.repair')).toBe(1);
        expect(feature(env, r.observation, 'slot0.dispatch.processTime')).toBe(0);
      }
      const s = env.step(policy(r.info.actionMask));
      expect(s.observation).toBe(r0.observation);
      for (let i = 0; i < s.observation.length; i++) {
        const x = s.observation[i]!;
        expect(Number.isFinite(x) && x >= low[i]! && x <= high[i]!).toBe(true);
      }
      if (s.terminated || s.truncated) break;
      r = s;
    }
    expect(crewSeen).toBeGreaterThan(0);
    expect(Math.max(...env.observationSpace.high)).toBe(OBSERVATION_CLIP);
  });

  test('routing decisions: the part being routed in the context block, the alternatives in the slots', () => {
    const env = new ShopfloorEnv({ scenario: scenarioFrom(FLEX_SHOP), agent: ['routing'] });
    const r = env.reset();
    const point = r.info.decision!;
    expect(point.kind).toBe('routing');
    if (point.kind !== 'routing') return;
    expect(point.options.map((o) => o.id)).toEqual(['b', 'c']);
    expect(feature(env, r.observation, 'routing.operationsRemaining')).toBeGreaterThan(0);
    expect(feature(env, r.observation, 'slot0.present')).toBe(1);
    expect(feature(env, r.observation, 'slot1.present')).toBe(1);
    expect(Array.from(r.info.actionMask)).toEqual([1, 1]);
  });
});
