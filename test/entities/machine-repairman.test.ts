import { describe, expect, it } from 'vitest';
import { confidenceInterval, Exponential, Simulation, scheduleWarmup } from '../../src/engine/index.js';
import { CrewPool, Plant, PlantStatistics, Station } from '../../src/entities/index.js';

/**
 * Machine-repairman model built from entities: N machines, each failing at rate λ while up
 * (calendar basis, exponential time to failure counted from the end of its last repair), R crews
 * repairing at rate μ, first failed first served, no travel. Finite-source birth–death solution:
 * p_n ∝ C(N, n)·n!·(λ/μ)^n / (n! if n ≤ R, else R!·R^(n−R)), mean number down L = Σ n·p_n,
 * availability per machine = 1 − L/N. 30 replications × 100 000 s, warm-up 5 000 s. About 1 s.
 */
function theory(n: number, r: number, lambda: number, mu: number): number {
  const weights: number[] = [];
  for (let k = 0; k <= n; k++) {
    let w = 1;
    for (let i = 0; i < k; i++) w *= ((n - i) * lambda) / (Math.min(i + 1, r) * mu);
    weights.push(w);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.reduce((acc, w, k) => acc + (k * w) / total, 0);
}

function replicate(n: number, r: number, lambda: number, mu: number, seed: number): number {
  const sim = new Simulation({ seed });
  const plant = new Plant(sim);
  const crews = new CrewPool(plant, {
    id: 'repair',
    crews: Array.from({ length: r }, (_, i) => ({ id: `crew${i}` })),
  });
  for (let i = 0; i < n; i++) {
    new Station(plant, {
      id: `M${i}`,
      processTimes: {},
      crews,
      failures: [
        {
          name: 'breakdown',
          timeToFailure: new Exponential({ mean: 1 / lambda }),
          timeToRepair: new Exponential({ mean: 1 / mu }),
        },
      ],
    });
  }
  const stats = new PlantStatistics(plant);
  scheduleWarmup(sim, 5_000, [stats]);
  plant.run({ until: 100_000 });
  const report = stats.report();
  return Object.values(report.stations).reduce((acc, s) => acc + s.down, 0);
}

describe('machine-repairman (validation against the finite-source birth–death solution)', () => {
  it('the mean number of machines down (waiting for a crew included) matches theory within the 95% CI', () => {
    const [n, r, lambda, mu] = [5, 2, 1 / 100, 1 / 20];
    const ci = confidenceInterval(Array.from({ length: 30 }, (_, i) => replicate(n, r, lambda, mu, i + 1)));
    const expected = theory(n, r, lambda, mu);
    expect(ci.lower).toBeLessThanOrEqual(expected);
    expect(ci.upper).toBeGreaterThanOrEqual(expected);
  });
});
