import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';

const base = `
run: { horizon: 1h }
products: [{ id: a, routing: [{ station: m, processTime: 1min }] }]
sources: [{ id: s, product: a, interarrival: 2min }]
stations: [{ id: m }]
sinks: [{ id: out }]
`;

describe('scenario env section', () => {
  test('is optional, and read with its defaults when given', () => {
    const without = loadScenario(base, { fileName: 'a.yaml' });
    expect(without.ok && without.scenario.env).toBeUndefined();
    const loaded = loadScenario(
      `${base}env: { agent: [dispatch], reward: tardiness, maxSteps: 50, slots: queue, illegalAction: penalty, penalty: 2 }\n`,
      { fileName: 'a.yaml' },
    );
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.scenario.env).toEqual({
        agent: ['dispatch'],
        reward: 'tardiness',
        maxSteps: 50,
        slots: 'queue',
        illegalAction: 'penalty',
        penalty: 2,
      });
    }
  });

  test('rejects unknown keys, unknown kinds, a kind listed twice and bad numbers, each with its path', () => {
    const loaded = loadScenario(
      `${base}env:\n  agent: [dispatch, dispatch, steering]\n  maxStep: 5\n  maxCandidates: 0\n  penalty: -1\n  reward: profit\n`,
      { fileName: 'a.yaml' },
    );
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      const paths = loaded.problems.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'env.agent[2]',
          'env.maxStep',
          'env.maxCandidates',
          'env.penalty',
          'env.reward',
        ]),
      );
      expect(loaded.problems.find((p) => p.path === 'env.maxStep')?.message).toBe('unknown key "maxStep"');
    }
    const twice = loadScenario(`${base}env: { agent: [crew, crew] }\n`, { fileName: 'a.yaml' });
    expect(!twice.ok && twice.problems[0]?.message).toBe('a decision kind is listed twice');
  });
});
