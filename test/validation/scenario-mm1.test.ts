import { describe, expect, it } from 'vitest';
import { simjsMm1 } from '../../bench/models/simjs.js';
import { confidenceInterval } from '../../src/engine/index.js';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { mm1TimeInSystem } from './_support/queueing.js';

/**
 * scenarios/mm1.yaml (λ = 0.8/min, μ = 1/min) through the same path as `shopfloor run`, and simjs's
 * M/M/1 with the same rates: both 95% CIs (30 replications) must contain W = 1/(μ − λ) = 300 s, with a
 * half-width under 10% of it. About 1 s in all (scenario 0.6 s, simjs 0.4 s) on 2 cores.
 */
describe('validation: M/M/1 scenario file', () => {
  it('cycle time, WIP and queue length match 1/(μ−λ), ρ/(1−ρ), ρ²/(1−ρ); simjs agrees', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/mm1.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const lambda = 0.8 / 60;
    const mu = 1 / 60;
    const rho = lambda / mu;
    const w = mm1TimeInSystem(lambda, mu); // 300 s
    const inside = (e: { mean: number; halfWidth: number | null }, theory: number) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(e.mean - theory)).toBeLessThanOrEqual(e.halfWidth!);
      expect(e.halfWidth! / theory).toBeLessThan(0.1);
    };
    expect(r.replications).toBeGreaterThanOrEqual(30);
    expect(r.warmupS).toBeGreaterThan(0);
    inside(r.kpis.cycleTimeS, w);
    inside(r.kpis.wip, rho / (1 - rho));
    inside(r.stations.server!.queueLength, (rho * rho) / (1 - rho));
    inside(r.stations.server!.utilization, rho);

    // simjs, same model (seconds), 30 seeds; simjs has no warm-up, so a longer run dilutes the empty start.
    const simjs = Array.from(
      { length: 30 },
      (_, i) => simjsMm1({ lambda, mu, horizon: r.horizonS, seed: 1000 + i }).meanTimeInSystem,
    );
    const ci = confidenceInterval(simjs);
    expect(Math.abs(ci.mean - w)).toBeLessThanOrEqual(ci.halfWidth);
    expect(ci.halfWidth / w).toBeLessThan(0.1);
  });
});
