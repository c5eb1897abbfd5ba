import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenario } from '../../src/scenario/index.js';

/**
 * M/M/1 with Bernoulli feedback (a rework loop by `branch`): after each pass a part goes back to the end of
 * the queue with probability p. The number in system is that of an M/M/1 with arrival rate λ/(1 − p)
 * (Jackson: the total arrival rate into the station solves λ' = λ + p λ'), so with λ = 0.5/min,
 * μ = 1/min, p = 0.25: ρ = λ / ((1 − p) μ) = 2/3, L = ρ / (1 − ρ) = 2 parts, W = L / λ = 4 min = 240 s,
 * and the station's utilisation is ρ. The 95% CIs of 20 replications must contain them. About 1 s.
 */
const SCENARIO = `name: M/M/1 with feedback
run:
  horizon: 16500min
  warmup: 1500min
  replications: 20
  seed: 5
products:
  - id: job
    routing:
      - station: server
        processTime: { exponential: { mean: 60s } }
        branch: [{ to: server, p: 0.25 }]
sources:
  - { id: arrivals, product: job, interarrival: { exponential: { mean: 120s } } }
stations:
  - id: server
sinks:
  - id: done
`;

describe('validation: probabilistic branching against Jackson feedback', () => {
  it('a rework loop with p = 0.25 gives the M/M/1 figures of the total arrival rate λ/(1 − p)', () => {
    const loaded = loadScenario(SCENARIO, { fileName: 'feedback.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const rho = 0.5 / 0.75;
    const inside = (e: { mean: number; halfWidth: number | null }, theory: number) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(e.mean - theory)).toBeLessThanOrEqual(e.halfWidth!);
      expect(e.halfWidth! / theory).toBeLessThan(0.1);
    };
    inside(r.kpis.cycleTimeS, 240);
    inside(r.kpis.wip, rho / (1 - rho));
    inside(r.stations.server!.utilization, rho);
  });
});
