/**
 * `ShopfloorEnv` with run limits: an episode stops at exactly `maxEvents` events, or when the wall-clock
 * time is spent, even where no decision comes for a long stretch; without limits nothing changes.
 */
import { describe, expect, test } from 'vitest';
import { EnvConfigError, ShopfloorEnv } from '../../src/rl/index.js';
import { loadScenario, PROGRESS_EVENTS, RunLimits, type Scenario } from '../../src/scenario/index.js';
import { example } from './_support/scenarios.js';

/**
 * A line whose machine has a server for every part: no queue forms, so no decision comes and an episode
 * runs from reset to its horizon in one go (about 4 events per part, 1 part a minute).
 */
function noDecisions(): Scenario {
  const loaded = loadScenario(
    [
      'run: { horizon: 60d, warmup: 0s, replications: 1, seed: 1 }',
      'products: [{ id: p, routing: [{ station: m, processTime: { exponential: { mean: 30s } } }] }]',
      'sources: [{ id: s, product: p, interarrival: { exponential: { mean: 60s } } }]',
      'buffers: [{ id: q, capacity: infinite }]',
      'stations: [{ id: m, input: q, servers: 1000 }]',
      'sinks: [{ id: out }]',
    ].join('\n'),
    { fileName: 'no-decisions.yaml' },
  );
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.scenario;
}

/** Steps the first slot until the episode is over; the events it ran. */
function runEpisode(env: ShopfloorEnv, seed: number): number {
  let { info } = env.reset({ seed });
  while (!info.done) ({ info } = env.step(0));
  return env.currentModel!.sim.eventCount;
}

describe('ShopfloorEnv limits', () => {
  test('an episode stops at exactly maxEvents events, across steps of PROGRESS_EVENTS events without a decision', () => {
    const scenario = noDecisions();
    const free = new ShopfloorEnv({ scenario, horizonS: 60 * 86_400 });
    const whole = runEpisode(free, 3);
    expect(free.stoppedBy).toBeNull();
    expect(whole).toBeGreaterThan(3 * PROGRESS_EVENTS);
    // Limits past several PROGRESS_EVENTS steps and between two of them.
    for (const maxEvents of [1, 2 * PROGRESS_EVENTS + 17, Math.floor(whole / 2)]) {
      expect(maxEvents).toBeLessThan(whole);
      const env = new ShopfloorEnv({ scenario, horizonS: 60 * 86_400, limits: new RunLimits({ maxEvents }) });
      expect(runEpisode(env, 3)).toBe(maxEvents);
      expect(env.stoppedBy).toBe('maxEvents');
      // The next episode starts afresh.
      expect(runEpisode(env, 4)).toBe(maxEvents);
    }
    // A limit the episode does not reach changes nothing.
    const wide = new ShopfloorEnv({
      scenario,
      horizonS: 60 * 86_400,
      limits: new RunLimits({ maxEvents: whole + 1 }),
    });
    expect(runEpisode(wide, 3)).toBe(whole);
    expect(wide.stoppedBy).toBeNull();
  });

  test('a spent wall-clock time stops the episode', () => {
    const env = new ShopfloorEnv({
      scenario: noDecisions(),
      horizonS: 60 * 86_400,
      limits: new RunLimits({ maxWallS: 1e-9 }),
    });
    const { info } = env.reset({ seed: 1 });
    expect(info.done).toBe(true);
    expect(env.stoppedBy).toBe('maxWall');
    expect(env.currentModel!.sim.now).toBeLessThan(60 * 86_400);
  });

  test('limits that are not a RunLimits are refused', () => {
    expect(
      () =>
        new ShopfloorEnv({
          scenario: example('machine-shop.yaml'),
          limits: { maxEvents: 5 } as unknown as RunLimits,
        }),
    ).toThrow(EnvConfigError);
  });
});
