import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { conwipPracticalWorstCase } from './_support/queueing.js';

/**
 * scenarios/conwip-line.yaml: closed CONWIP line of 4 balanced exponential stations (1 min each), w = 5.
 * Practical worst case TH = w·r_b/(W₀ + w − 1) = 37.5 parts/h and CT = w/TH = 480 s inside the 95% CIs of
 * 30 replications, half-widths under 10%; WIP is exactly w. About 0.3 s.
 */
describe('validation: CONWIP line scenario file', () => {
  it('w = 5: throughput matches the practical worst case', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/conwip-line.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const wip = 5;
    const rb = 60; // parts/h
    const th = conwipPracticalWorstCase(wip, rb, 4 / 60); // T₀ = 4 min in hours
    const inside = (e: { mean: number; halfWidth: number | null }, theory: number) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(e.mean - theory)).toBeLessThanOrEqual(e.halfWidth!);
      expect(e.halfWidth! / theory).toBeLessThan(0.1);
    };
    expect(r.replications).toBeGreaterThanOrEqual(30);
    inside(r.kpis.throughputPerHour, th);
    inside(r.kpis.cycleTimeS, (wip / th) * 3600);
    expect(r.kpis.wip.mean).toBeCloseTo(wip, 9);
  });
});
