import { describe, expect, test } from 'vitest';
import { ShopfloorEnv } from '../../src/rl/index.js';
import { randomMasked } from './_support/policies.js';
import { example, jobShop } from './_support/scenarios.js';

/** Steps `env` `steps` times with a random masked policy, resetting at episode ends; counts what happened. */
function run(env: ShopfloorEnv, steps: number, seed: number) {
  const policy = randomMasked(seed);
  let r = env.reset({ seed });
  let episodes = 0;
  let terminated = 0;
  let finished = 0;
  for (let i = 0; i < steps; i++) {
    const s = env.step(policy(r.info.actionMask));
    expect(s.info.illegalAction).toBeUndefined();
    r = s;
    if (s.terminated || s.truncated) {
      episodes++;
      if (s.terminated) terminated++;
      finished += s.info.finished;
      r = env.reset();
    }
  }
  return { episodes, terminated, finished };
}

// About 2 s each on this 2-core machine.
describe('a random masked agent never takes an illegal action', () => {
  test('10,000 dispatch decisions on ft10: every episode terminates with all 10 jobs done', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product', illegalAction: 'raise' });
    const out = run(env, 10_000, 7);
    expect(out.episodes).toBeGreaterThan(100);
    expect(out.terminated).toBe(out.episodes);
    expect(out.finished).toBe(10 * out.episodes);
  });

  test('10,000 dispatch decisions on the demo factory (open arrivals: truncated at the horizon)', () => {
    const scenario = example('demo-factory.yaml');
    const env = new ShopfloorEnv({ scenario, agent: ['dispatch'], horizonS: 2 * 86_400 });
    const out = run(env, 10_000, 11);
    expect(out.terminated).toBe(0);
    expect(out.finished).toBeGreaterThan(0);
  });

  // Crew decisions with two waiting jobs are rare there (two technicians); CREW_SHOP covers them.
  test('every agent kind of the demo factory at once', () => {
    const scenario = example('demo-factory.yaml');
    const env = new ShopfloorEnv({
      scenario,
      agent: ['dispatch', 'crew', 'transport', 'maintenance'],
      horizonS: 86_400,
    });
    const kinds = new Set<string>();
    const policy = randomMasked(3);
    let r = env.reset({ seed: 3 });
    for (let i = 0; i < 3000; i++) {
      kinds.add(r.info.decision!.kind);
      const s = env.step(policy(r.info.actionMask));
      r = s.terminated || s.truncated ? env.reset() : s;
    }
    expect([...kinds].filter((k) => k !== 'crew').sort()).toEqual(['dispatch', 'maintenance', 'transport']);
  });
});
