import { describe, expect, test } from 'vitest';
import type { Part } from '../../src/entities/index.js';
import { type RewardContext, ShopfloorEnv, type ShopfloorEnvOptions } from '../../src/rl/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import { randomMasked } from './_support/policies.js';
import { jobShop } from './_support/scenarios.js';

interface Run {
  rewards: number[];
  parts: Part[];
  terminated: boolean;
  makespanS: number | undefined;
}

/** One episode with a random masked policy; the parts as they finished. */
function play(options: ShopfloorEnvOptions, seed: number): Run {
  const env = new ShopfloorEnv(options);
  const policy = randomMasked(seed);
  let r = env.reset({ seed });
  const parts: Part[] = [];
  env.currentPlant!.events.on('partFinished', (p) => parts.push(p));
  const rewards: number[] = [];
  for (;;) {
    const s = env.step(policy(r.info.actionMask));
    rewards.push(s.reward);
    r = s;
    if (s.terminated || s.truncated)
      return { rewards, parts, terminated: s.terminated, makespanS: s.info.makespanS };
  }
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** ft06 whose jobs are due 40 min after release (so some are late). */
function ft06WithDueDates(): Scenario {
  const s = jobShop('ft06');
  const source = s.sources[0]!;
  return { ...s, sources: [{ ...source, orders: source.orders!.map((o) => ({ ...o, due: 2400 })) }] };
}

describe('rewards', () => {
  test('makespan: rewards sum exactly to −makespan on ft06, and each is ≤ 0 (the bound never falls)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const run = play({ scenario: jobShop('ft06') }, seed);
      const makespan = Math.max(...run.parts.map((p) => p.finishedS));
      expect(run.terminated).toBe(true);
      expect(sum(run.rewards)).toBe(-makespan);
      expect(run.makespanS).toBe(makespan);
      for (const r of run.rewards) expect(r).toBeLessThanOrEqual(0);
      // The optimum of ft06 is 55 min: no schedule beats it, and the bound is honest from the first step.
      expect(makespan).toBeGreaterThanOrEqual(55 * 60);
      expect(-run.rewards[0]!).toBeLessThanOrEqual(makespan);
      expect(-run.rewards[0]!).toBeGreaterThanOrEqual(55 * 60 * 0.5);
    }
  });

  test('makespan on ft10 (product slots), and rewardScale scales every reward', () => {
    const run = play({ scenario: jobShop('ft10'), slots: 'product' }, 3);
    const scaled = play({ scenario: jobShop('ft10'), slots: 'product', rewardScale: 1 / 60 }, 3);
    const makespan = Math.max(...run.parts.map((p) => p.finishedS));
    expect(sum(run.rewards)).toBe(-makespan);
    expect(makespan).toBeGreaterThanOrEqual(930 * 60);
    expect(scaled.rewards).toEqual(run.rewards.map((r) => r / 60));
  });

  test('tardiness: rewards sum to minus the total tardiness of the finished parts', () => {
    const run = play({ scenario: ft06WithDueDates(), reward: 'tardiness' }, 6);
    const tardiness = sum(run.parts.map((p) => Math.max(0, p.finishedS - p.dueS)));
    expect(tardiness).toBeGreaterThan(0);
    expect(sum(run.rewards)).toBeCloseTo(-tardiness, 6);
    for (const r of run.rewards) expect(r).toBeLessThanOrEqual(0);
  });

  test('throughput: rewards sum to the parts finished', () => {
    const run = play({ scenario: jobShop('ft06'), reward: 'throughput' }, 1);
    expect(sum(run.rewards)).toBe(6);
  });

  test('cost: WIP holding sums to minus the part-hours in the system; tardiness and scrap add their weights', () => {
    const holding = play(
      { scenario: ft06WithDueDates(), reward: 'cost', costWeights: { tardinessPerHour: 0, scrapPerPart: 0 } },
      2,
    );
    const partHours = sum(holding.parts.map((p) => p.finishedS - p.releaseS)) / 3600;
    expect(sum(holding.rewards)).toBeCloseTo(-partHours, 9);
    const both = play(
      { scenario: ft06WithDueDates(), reward: 'cost', costWeights: { tardinessPerHour: 5 } },
      2,
    );
    const lateHours = sum(both.parts.map((p) => Math.max(0, p.finishedS - p.dueS))) / 3600;
    expect(sum(both.rewards)).toBeCloseTo(-(partHours + 5 * lateHours), 9);
  });

  test('a reward function gets the context of every step', () => {
    const seen: RewardContext[] = [];
    const run = play(
      {
        scenario: jobShop('ft06'),
        reward: (ctx) => {
          seen.push({ ...ctx });
          return ctx.finishedSinceLast;
        },
      },
      4,
    );
    expect(sum(run.rewards)).toBe(6);
    expect(seen.map((c) => c.step)).toEqual(seen.map((_, i) => i + 1));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.previousNow).toBe(seen[i - 1]!.now);
    expect(seen.at(-1)!.terminated).toBe(true);
    expect(seen.at(-1)!.point).toBeNull();
    expect(seen.slice(0, -1).every((c) => c.point !== null && !c.terminated)).toBe(true);
  });
});
