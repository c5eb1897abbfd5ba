import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { mmcQueueLength, mmcTimeInSystem } from './_support/queueing.js';

/**
 * scenarios/mmc.yaml: M/M/3, λ = 2.4/min, μ = 1/min (ρ = 0.8). Erlang C: W = C(c,a)/(cμ − λ) + 1/μ and
 * Lq = C(c,a)·ρ/(1 − ρ) inside the 95% CIs of 30 replications; half-widths under 10%. About 0.6 s.
 */
describe('validation: M/M/c (Erlang C) scenario file', () => {
  it('c = 3: cycle time and queue length match Erlang C', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/mmc.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const c = 3;
    const lambda = 2.4 / 60;
    const mu = 1 / 60;
    const inside = (e: { mean: number; halfWidth: number | null }, theory: number) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(e.mean - theory)).toBeLessThanOrEqual(e.halfWidth!);
      expect(e.halfWidth! / theory).toBeLessThan(0.1);
    };
    expect(r.replications).toBeGreaterThanOrEqual(30);
    inside(r.kpis.cycleTimeS, mmcTimeInSystem(c, lambda, mu)); // 124.7 s
    inside(r.stations.pool!.queueLength, mmcQueueLength(c, lambda, mu)); // 2.589
    inside(r.stations.pool!.utilization, lambda / (c * mu));
  });
});
