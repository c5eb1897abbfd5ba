import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/build/run-scenario.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { machineRepairman } from './_support/queueing.js';

/**
 * Machine interference (scenarios/machine-interference.yaml): N = 5 machines that run on their own
 * (λ = 3 /h) and need one operator to load them (μ = 12 /h) are the finite-source M/M/1//N queue. Its
 * birth–death solution (the machine-repairman formula with one repairer) gives the mean number of
 * machines needing her, her utilisation, the throughput and the mean number waiting; each inside the
 * 95% CI of 20 replications. About 3 s.
 */
describe('validation: machine interference (one operator, N machines)', () => {
  it('machines needing the operator, her utilisation, throughput and waiting match the finite-source formula', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/machine-interference.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const n = 5;
    const lambda = 3;
    const mu = 12;
    const theory = machineRepairman(n, 1, lambda, mu);
    const p0 = theory.p[0]!;
    expect(r.replications).toBe(20);
    const inside = (e: { mean: number; halfWidth: number | null }, value: number, scale = 1) => {
      expect(e.halfWidth).not.toBeNull();
      expect(Math.abs(scale * e.mean - value)).toBeLessThanOrEqual(scale * e.halfWidth!);
      // Tight enough to mean something: the half-width is under 5 % of the value.
      expect((scale * e.halfWidth!) / value).toBeLessThan(0.05);
    };
    const st = r.stations.machines!;
    const waiting = st.stateFractions['waiting-operator']!;
    const handling = st.stateFractions.handling!;
    // Every machine is busy, waiting for her or being loaded: nothing else.
    expect(st.stateFractions.busy!.mean + waiting.mean + handling.mean).toBeCloseTo(1, 12);
    // So the fraction not busy is the mean number needing her per machine.
    const busy = st.stateFractions.busy!;
    expect(Math.abs(n * (1 - busy.mean) - theory.meanDown)).toBeLessThanOrEqual(n * busy.halfWidth!);
    expect((n * busy.halfWidth!) / theory.meanDown).toBeLessThan(0.05);
    inside(r.operators.op!.utilization!, 1 - p0);
    inside(r.kpis.throughputPerHour, mu * (1 - p0));
    inside(waiting, theory.meanDown - (1 - p0), n);
    // She walks no time.
    expect(r.operators.op!.walkingFraction!.mean).toBe(0);
  });
});
