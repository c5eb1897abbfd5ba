import { describe, expect, test } from 'vitest';
import { activePeriodBottlenecks, runScenarioObserved } from '../../src/report/index.js';
import { loadScenario } from '../../src/scenario/index.js';

describe('active-period bottleneck method', () => {
  test('at each instant the station with the longest active period is the bottleneck', () => {
    const ranking = activePeriodBottlenecks(
      {
        a: [{ startS: 0, endS: 10 }],
        b: [
          { startS: 5, endS: 8 },
          { startS: 12, endS: 20 },
        ],
      },
      0,
      20,
    );
    expect(ranking).toEqual([
      { station: 'a', sole: 0.5, shifting: 0 },
      { station: 'b', sole: 0.4, shifting: 0 },
    ]);
  });

  test('overlapping active periods of successive bottlenecks count as shifting for both', () => {
    // b's period (12 s) is longer than a's (10 s): b is the bottleneck from 8 s; both shift over [8, 10].
    const ranking = activePeriodBottlenecks(
      { a: [{ startS: 0, endS: 10 }], b: [{ startS: 8, endS: 20 }] },
      0,
      20,
    );
    expect(ranking).toEqual([
      { station: 'b', sole: 10 / 20, shifting: 2 / 20 },
      { station: 'a', sole: 8 / 20, shifting: 2 / 20 },
    ]);
  });

  test('periods are clipped to the observed window; a station never active ranks last with 0', () => {
    const ranking = activePeriodBottlenecks({ a: [{ startS: -5, endS: 5 }], idle: [] }, 0, 10);
    expect(ranking).toEqual([
      { station: 'a', sole: 0.5, shifting: 0 },
      { station: 'idle', sole: 0, shifting: 0 },
    ]);
    expect(() => activePeriodBottlenecks({}, 5, 5)).toThrow(/toS must be > fromS/);
  });

  test('in a serial line whose middle machine is slowest (ρ = 0.9 vs 0.5), that machine ranks first (about 2 s)', () => {
    const text = `
run: { horizon: 3d, warmup: 4h, replications: 1, seed: 3 }
products:
  - id: p
    routing:
      - { station: first, processTime: { exponential: { mean: 50s } } }
      - { station: slow, processTime: { exponential: { mean: 90s } } }
      - { station: last, processTime: { exponential: { mean: 50s } } }
sources:
  - { id: in, product: p, interarrival: { exponential: { mean: 100s } } }
buffers:
  - { id: b1, capacity: 5 }
  - { id: b2, capacity: 5 }
stations:
  - { id: first }
  - { id: slow, input: b1 }
  - { id: last, input: b2 }
sinks:
  - id: out
`;
    const loaded = loadScenario(text, { fileName: 't.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { observations: obs } = runScenarioObserved(loaded.scenario);
    const ranking = activePeriodBottlenecks(obs.activePeriods, obs.warmupS, obs.endS);
    expect(ranking.map((r) => r.station)[0]).toBe('slow');
    const slow = ranking[0]!;
    const next = ranking[1]!;
    expect(slow.sole + slow.shifting).toBeGreaterThan(2 * (next.sole + next.shifting));
  });
});
