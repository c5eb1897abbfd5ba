import { describe, expect, test } from 'vitest';
import { InvalidActionError, ShopfloorEnv, VectorEnv } from '../../src/rl/index.js';
import { randomMasked } from './_support/policies.js';
import { jobShop } from './_support/scenarios.js';

describe('VectorEnv', () => {
  test('batches N environments: typed arrays of N rows, env i seeded seed + i', () => {
    const venv = new VectorEnv({ scenario: jobShop('ft06'), numEnvs: 4, seed: 20 });
    const r = venv.reset();
    expect(r.observations).toBeInstanceOf(Float32Array);
    expect(r.observations.length).toBe(4 * venv.observationSize);
    expect(r.actionMasks.length).toBe(4 * venv.maxCandidates);
    expect(r.infos.map((i) => i.seed)).toEqual([20, 21, 22, 23]);
    expect(venv.reset({ seed: 7 }).infos.map((i) => i.seed)).toEqual([7, 8, 9, 10]);
    const s = venv.step(new Int32Array(4).map((_, i) => r.actionMasks.subarray(i * 6, i * 6 + 6).indexOf(1)));
    expect(s.rewards).toBeInstanceOf(Float64Array);
    expect(s.terminated).toBeInstanceOf(Uint8Array);
    expect(s.truncated).toBeInstanceOf(Uint8Array);
  });

  test('autoreset (next_step): the step after a terminal step resets, ignores the action, reward 0, flags 0', () => {
    const n = 3;
    const scenario = jobShop('ft06');
    const venv = new VectorEnv({ scenario, numEnvs: n, seed: 1 });
    // The same environments stepped one by one with the same actions, resetting by hand.
    const singles = Array.from({ length: n }, (_, i) => new ShopfloorEnv({ scenario, seed: 1 + i }));
    for (const e of singles) e.reset();
    const policy = randomMasked(8);
    let r = venv.reset();
    const m = venv.maxCandidates;
    const pending = new Array<boolean>(n).fill(false);
    let autoresets = 0;
    for (let t = 0; t < 200; t++) {
      const actions = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        // An env being autoreset ignores its action: give it an illegal one.
        actions[i] = pending[i] ? 999 : policy(r.actionMasks, i * m, m);
      }
      const s = venv.step(actions);
      for (let i = 0; i < n; i++) {
        const row = s.observations.subarray(i * venv.observationSize, (i + 1) * venv.observationSize);
        if (pending[i]) {
          const fresh = singles[i]!.reset();
          expect(s.rewards[i]).toBe(0);
          expect(s.terminated[i]).toBe(0);
          expect(s.truncated[i]).toBe(0);
          expect(row).toEqual(fresh.observation);
          expect(s.infos[i]!.step).toBe(0);
          pending[i] = false;
          autoresets++;
          continue;
        }
        const one = singles[i]!.step(actions[i]!);
        expect(row).toEqual(one.observation);
        expect(s.rewards[i]).toBe(one.reward);
        expect(s.terminated[i]).toBe(one.terminated ? 1 : 0);
        if (one.terminated || one.truncated) pending[i] = true;
      }
      r = s;
    }
    expect(autoresets).toBeGreaterThan(10);
  });

  test('an illegal action raises naming the env, and no environment moves', () => {
    const venv = new VectorEnv({ scenario: jobShop('ft10'), slots: 'product', numEnvs: 3, seed: 4 });
    const r = venv.reset();
    const before = r.observations.slice();
    const m = venv.maxCandidates;
    const actions = new Int32Array(3).map((_, i) => r.actionMasks.subarray(i * m, (i + 1) * m).indexOf(1));
    actions[1] = r.actionMasks.subarray(m, 2 * m).indexOf(0);
    expect(() => venv.step(actions)).toThrow(InvalidActionError);
    expect(() => venv.step(actions)).toThrow(/VectorEnv.step: env 1: action \d+ is masked out/);
    expect(() => venv.step(new Int32Array(2))).toThrow(/expected 3 actions \(got 2\)/);
    expect(r.observations).toEqual(before);
    expect(venv.subEnvs.map((e) => e.currentPlant!.sim.now)).toEqual([0, 0, 0]);
  });

  test('close closes every sub-environment and is idempotent', () => {
    const venv = new VectorEnv({ scenario: jobShop('ft06'), numEnvs: 2 });
    venv.reset();
    venv.close();
    venv.close();
    expect(venv.subEnvs.every((e) => e.isClosed)).toBe(true);
    expect(() => venv.step([0, 0])).toThrow(/VectorEnv.step: the environment is closed/);
  });
});
