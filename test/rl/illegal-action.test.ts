import { describe, expect, test } from 'vitest';
import {
  EnvClosedError,
  EnvConfigError,
  InvalidActionError,
  NeedsResetError,
  ShopfloorEnv,
} from '../../src/rl/index.js';
import { randomMasked } from './_support/policies.js';
import { jobShop, scenarioFrom } from './_support/scenarios.js';

/** ft10 with product slots, stepped until a decision with at least one slot masked out. */
function atPartialMask(env: ShopfloorEnv) {
  const policy = randomMasked(2);
  let r = env.reset({ seed: 2 });
  while (r.info.actionMask.every((m) => m === 1)) r = env.step(policy(r.info.actionMask));
  return r;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('illegal actions never crash and never do something else', () => {
  test('a masked-out slot raises InvalidActionError naming the action and the legal ones; nothing changes', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product' });
    const r = atPartialMask(env);
    const masked = r.info.actionMask.indexOf(0);
    const legal = [...r.info.actionMask.keys()].filter((i) => r.info.actionMask[i] === 1);
    const before = r.observation.slice();
    const error = thrown(() => env.step(masked));
    expect(error).toBeInstanceOf(InvalidActionError);
    const e = error as InvalidActionError;
    expect(e.code).toBe('INVALID_ACTION');
    expect(e.fatal).toBe(false);
    expect(e.action).toBe(masked);
    expect(e.legalActions).toEqual(legal);
    expect(e.message).toContain(
      `ShopfloorEnv.step: action ${masked} is masked out (slot ${masked} holds no candidate)`,
    );
    expect(e.message).toContain(`legal actions now: [${legal.join(', ')}]`);
    expect(r.observation).toEqual(before);
    expect(env.actionMasks()).toEqual(r.info.actionMask);
    expect(() => env.step(legal[0]!)).not.toThrow();
  });

  test.each([
    [10, 'out of range [0, 10)'],
    [-1, 'out of range [0, 10)'],
    [1.5, 'not an integer'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'not an integer'],
    ['1', 'not a number (a string)'],
    [null, 'not a number (a null)'],
    [undefined, 'not a number (a undefined)'],
    [[1], 'not a number (a object)'],
  ])('action %s is refused: %s', (action, reason) => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product' });
    env.reset({ seed: 1 });
    const error = thrown(() => env.step(action as number));
    expect(error).toBeInstanceOf(InvalidActionError);
    expect((error as Error).message).toContain(`is ${reason}`);
  });

  test("with illegalAction: 'penalty' an illegal action costs the penalty, keeps the observation and the decision", () => {
    const make = (illegalAction: 'raise' | 'penalty') =>
      new ShopfloorEnv({ scenario: jobShop('ft10'), slots: 'product', illegalAction, penalty: 2.5 });
    const strict = make('raise');
    const lenient = make('penalty');
    const r = atPartialMask(lenient);
    atPartialMask(strict);
    const before = r.observation.slice();
    const masked = r.info.actionMask.indexOf(0);
    for (const bad of [masked, 99, Number.NaN, 'x']) {
      const s = lenient.step(bad as number);
      expect(s.reward).toBe(-2.5);
      expect(s.terminated || s.truncated).toBe(false);
      expect(s.observation).toEqual(before);
      expect(s.info.illegalAction).toMatch(/^ShopfloorEnv\.step: action/);
    }
    // The run goes on exactly as if the illegal actions had never been tried.
    const a = r.info.actionMask.indexOf(1);
    expect(lenient.step(a).observation).toEqual(strict.step(a).observation);
  });

  test('penalised steps count towards maxSteps, so a policy that keeps failing still ends its episode', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06'), illegalAction: 'penalty', maxSteps: 3 });
    env.reset();
    expect(env.step(-1).truncated).toBe(false);
    expect(env.step(-1).truncated).toBe(false);
    const last = env.step(-1);
    expect(last.truncated).toBe(true);
    expect(last.info.actionMask.every((m) => m === 0)).toBe(true);
    expect(() => env.step(0)).toThrow(NeedsResetError);
  });

  test('step before reset or after the end needs a reset; after close every call throws EnvClosedError', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06') });
    expect(() => env.step(0)).toThrow(/call reset\(\) before the first step/);
    let r = env.reset();
    for (;;) {
      const s = env.step(r.info.actionMask.indexOf(1));
      r = s;
      if (s.terminated) break;
    }
    const e = thrown(() => env.step(0)) as NeedsResetError;
    expect(e).toBeInstanceOf(NeedsResetError);
    expect(e.code).toBe('NEEDS_RESET');
    env.close();
    env.close();
    expect(env.isClosed).toBe(true);
    expect(() => env.reset()).toThrow(EnvClosedError);
    expect(() => env.step(0)).toThrow(/ShopfloorEnv.step: the environment is closed/);
    expect(() => env.actionMasks()).toThrow(EnvClosedError);
  });

  test('a bad seed is refused before anything is built', () => {
    const env = new ShopfloorEnv({ scenario: jobShop('ft06') });
    expect(() => env.reset({ seed: -1 })).toThrow(EnvConfigError);
    expect(() => env.reset({ seed: 1.5 })).toThrow(/seed must be a safe integer >= 0 \(got 1.5\)/);
  });
});

describe('an episode without any decision', () => {
  // Parts arrive every 10 min and take 1 min: no queue ever holds two, so dispatch never has a choice.
  const QUIET = `
run: { horizon: 2h }
products: [{ id: a, routing: [{ station: m, processTime: 1min }] }]
sources: [{ id: s, product: a, interarrival: 10min }]
stations: [{ id: m }]
sinks: [{ id: out }]
`;

  test('reset says done and offers only action 0, a no-op that returns the whole episode', () => {
    const env = new ShopfloorEnv({ scenario: scenarioFrom(QUIET), reward: 'throughput' });
    const r = env.reset();
    expect(r.info.done).toBe(true);
    expect(r.info.decision).toBeNull();
    expect(Array.from(r.info.actionMask)).toEqual([1, ...new Array(env.maxCandidates - 1).fill(0)]);
    if (env.maxCandidates > 1) expect(() => env.step(1)).toThrow(InvalidActionError);
    const s = env.step(0);
    expect(s.truncated).toBe(true);
    expect(s.reward).toBe(s.info.finished);
    expect(s.reward).toBeGreaterThan(10);
    expect(() => env.step(0)).toThrow(NeedsResetError);
  });

  test('a one-job job shop: step(0) terminates with reward −makespan', () => {
    const ONE = `
run: { horizon: 1h }
products: [{ id: job0, routing: [{ station: m0, processTime: 5min }, { station: m1, processTime: 7min }] }]
sources: [{ id: release, orders: [{ release: 0s, product: job0 }] }]
stations: [{ id: m0 }, { id: m1 }]
sinks: [{ id: done }]
`;
    const env = new ShopfloorEnv({ scenario: scenarioFrom(ONE) });
    expect(env.rewardName).toBe('makespan');
    expect(env.reset().info.done).toBe(true);
    const s = env.step(0);
    expect(s.terminated).toBe(true);
    expect(s.reward).toBe(-720);
    expect(s.info.makespanS).toBe(720);
  });
});
