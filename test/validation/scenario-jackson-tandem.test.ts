import { describe, expect, it } from 'vitest';
import { simjsTandem } from '../../bench/models/simjs.js';
import { confidenceInterval } from '../../src/engine/index.js';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { jacksonTandemTimeInSystem } from './_support/queueing.js';

/**
 * scenarios/jackson-tandem.yaml: three exponential stations (μ = 1.5, 1.333, 1.25 /min) fed at λ = 1/min.
 * Jackson: W = Σ 1/(μᵢ − λ) = 540 s and L = λW = 9 inside the 95% CIs of 30 replications (half-width
 * under 10%). simjs's tandem (its model takes one μ for every station: 3 stations at μ = 1.25/min, so
 * W = 3 × 240 s = 720 s) in the same test, 30 seeds. About 1.1 s in all.
 */
describe('validation: Jackson tandem scenario file', () => {
  it('cycle time and WIP match Σ 1/(μᵢ − λ); simjs tandem agrees with its theory', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/jackson-tandem.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const lambda = 1 / 60;
    const w = jacksonTandemTimeInSystem(lambda, [1 / 40, 1 / 45, 1 / 48]);
    const inside = (e: { mean: number; halfWidth: number | null }, theory: number) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(e.mean - theory)).toBeLessThanOrEqual(e.halfWidth!);
      expect(e.halfWidth! / theory).toBeLessThan(0.1);
    };
    expect(r.replications).toBeGreaterThanOrEqual(30);
    inside(r.kpis.cycleTimeS, w);
    inside(r.kpis.wip, lambda * w);

    const mu = 1 / 48;
    const simjsW = jacksonTandemTimeInSystem(lambda, [mu, mu, mu]);
    const runs = Array.from(
      { length: 30 },
      (_, i) =>
        simjsTandem({ lambda, mu, horizon: r.horizonS, seed: 2000 + i, stations: 3 }).meanTimeInSystem,
    );
    const ci = confidenceInterval(runs);
    expect(Math.abs(ci.mean - simjsW)).toBeLessThanOrEqual(ci.halfWidth);
    expect(ci.halfWidth / simjsW).toBeLessThan(0.1);
  });
});
