import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { mg1TimeInSystem } from './_support/queueing.js';

/**
 * scenarios/mg1.yaml: M/G/1 with gamma process times (shape 0.4: c_s² = 2.5), λ = 0.6/min, E[S] = 1 min.
 * Pollaczek–Khinchine W = E[S] + λE[S²]/(2(1 − ρ)) = 217.5 s inside the 95% CI of 30 replications,
 * half-width under 10%; the M/M/1 value (150 s) must be outside it (the variance matters). About 0.45 s.
 */
describe('validation: M/G/1 (Pollaczek–Khinchine) scenario file', () => {
  it('high-variance service (c_s² = 2.5): cycle time matches P–K', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/mg1.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const lambda = 0.6 / 60;
    const theory = mg1TimeInSystem(lambda, 60, 2.5);
    const ct = r.kpis.cycleTimeS;
    expect(r.replications).toBeGreaterThanOrEqual(30);
    expect(ct.halfWidth).not.toBeNull();
    expect(Math.abs(ct.mean - theory)).toBeLessThanOrEqual(ct.halfWidth!);
    expect(ct.halfWidth! / theory).toBeLessThan(0.1);
    expect(Math.abs(ct.mean - mg1TimeInSystem(lambda, 60, 1))).toBeGreaterThan(ct.halfWidth!);
  });
});
