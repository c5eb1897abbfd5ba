import { describe, expect, test } from 'vitest';
import type { Part } from '../../src/entities/index.js';
import { ShopfloorEnv } from '../../src/rl/index.js';
import { buildPlant } from '../../src/scenario/index.js';
import { randomMasked } from './_support/policies.js';
import { example, jobShop } from './_support/scenarios.js';

interface Episode {
  observations: number[][];
  rewards: number[];
  actions: number[];
  /** Per finished part: id, product and (station, start, finish) of every step. */
  schedule: string[];
}

/** One episode from `seed` with actions from `choose` (or replaying `actions`). */
function episode(
  env: ShopfloorEnv,
  seed: number,
  choose: (mask: Uint8Array) => number,
  maxSteps = 2000,
): Episode {
  const out: Episode = { observations: [], rewards: [], actions: [], schedule: [] };
  let r = env.reset({ seed });
  const record = (part: Part) =>
    out.schedule.push(
      `${part.id} ${part.product} ${part.steps.map((s) => `${s.station}@${s.startedS}-${s.finishedS}`).join(' ')}`,
    );
  env.currentPlant!.events.on('partFinished', record);
  out.observations.push(Array.from(r.observation));
  for (let i = 0; i < maxSteps; i++) {
    const a = choose(r.info.actionMask);
    out.actions.push(a);
    const s = env.step(a);
    out.observations.push(Array.from(s.observation));
    out.rewards.push(s.reward);
    r = s;
    if (s.terminated || s.truncated) break;
  }
  return out;
}

const replay = (actions: readonly number[]) => {
  let i = 0;
  return () => actions[i++]!;
};

describe('determinism', () => {
  test('ft10: the same seed and the same actions give an identical trajectory and schedule', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product' });
    const a = episode(env, 4, randomMasked(4));
    const b = episode(env, 4, replay(a.actions));
    expect(b).toEqual(a);
    expect(a.schedule).toHaveLength(10);
    // A fresh environment too.
    const c = episode(
      new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product' }),
      4,
      replay(a.actions),
    );
    expect(c).toEqual(a);
  });

  test('demo factory (random times): same seed and actions give the same trajectory; another seed differs', () => {
    const make = () => new ShopfloorEnv({ scenario: example('demo-factory.yaml'), horizonS: 86_400 });
    const a = episode(make(), 9, randomMasked(1), 400);
    const b = episode(make(), 9, replay(a.actions), 400);
    expect(b).toEqual(a);
    const other = episode(make(), 10, randomMasked(1), 400);
    expect(other.observations).not.toEqual(a.observations);
  });

  test('reset without a seed follows a deterministic seed sequence; a seed re-seeds it', () => {
    const env1 = new ShopfloorEnv({ scenario: jobShop('ft06'), seed: 5 });
    const env2 = new ShopfloorEnv({ scenario: jobShop('ft06'), seed: 5 });
    const s1 = [env1.reset().info.seed, env1.reset().info.seed, env1.reset().info.seed];
    const s2 = [env2.reset().info.seed, env2.reset().info.seed, env2.reset().info.seed];
    expect(s1).toEqual(s2);
    expect(s1[0]).toBe(5);
    expect(new Set(s1).size).toBe(3);
    expect(env1.reset({ seed: 5 }).info.seed).toBe(5);
    expect(env1.reset().info.seed).toBe(s1[1]);
  });

  test('a plant built ahead (prepareNextEpisode) gives the same episodes as one built at reset; a seed discards it', () => {
    const make = () =>
      new ShopfloorEnv({ scenario: example('demo-factory.yaml'), horizonS: 86_400, seed: 3 });
    /** Three episodes without seeds (the seed sequence), and a fourth re-seeded with 77. */
    const run = (env: ShopfloorEnv, ahead: boolean) => {
      const choose = randomMasked(2);
      const out: number[][] = [];
      for (let e = 0; e < 4; e++) {
        if (ahead) env.prepareNextEpisode();
        let r = e === 3 ? env.reset({ seed: 77 }) : env.reset();
        out.push([r.info.seed, ...r.observation]);
        for (let i = 0; i < 300 && !r.info.done; i++) {
          const s = env.step(choose(r.info.actionMask));
          out.push([s.reward, ...s.observation]);
          r = s;
          if (s.terminated || s.truncated) break;
        }
        if (ahead) env.prepareNextEpisode(); // twice: the second is a no-op
      }
      return out;
    };
    const plain = run(make(), false);
    expect(run(make(), true)).toEqual(plain);
    expect(plain.length).toBeGreaterThan(40);
  });

  test('always taking option 0 (queue slots) reproduces the fifo rule exactly', () => {
    const scenario = jobShop('ft10');
    const env = new ShopfloorEnv({ scenario, slots: 'queue' });
    const a = episode(env, 1, () => 0);
    const model = buildPlant(scenario, 1);
    const fifo: string[] = [];
    model.plant.events.on('partFinished', (part) =>
      fifo.push(
        `${part.id} ${part.product} ${part.steps.map((s) => `${s.station}@${s.startedS}-${s.finishedS}`).join(' ')}`,
      ),
    );
    model.plant.run();
    expect(a.schedule).toEqual(fifo);
    const makespan = -a.rewards.reduce((x, y) => x + y, 0);
    expect(makespan).toBe(model.sim.now);
  });
});
