import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';
import { machineRepairman } from './_support/queueing.js';

/**
 * scenarios/machine-repairman.yaml: N = 5 machines (servers of one station) failing at λ = 1/10 h while
 * up, R = 2 crews repairing at μ = 1/2 h. The finite-source birth–death solution gives the mean number
 * down (0.8907) and per-machine availability (0.8219); both inside the 95% CIs of 30 replications, with
 * half-widths under 10% (of the number down; of the unavailability for availability). About 0.7 s.
 */
describe('validation: machine-repairman scenario file', () => {
  it('N = 5, R = 2: mean number down and availability match the birth–death solution', () => {
    const loaded = loadScenarioFile(`${__dirname}/scenarios/machine-repairman.yaml`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = runScenario(loaded.scenario);
    const n = 5;
    const theory = machineRepairman(n, 2, 1 / 10, 1 / 2);
    const st = r.stations.machines!;
    expect(r.replications).toBeGreaterThanOrEqual(30);
    // down is a fraction of server-time, so the mean number down is N × down.
    const meanDown = n * st.down.mean;
    const hwDown = n * st.down.halfWidth!;
    expect(Math.abs(meanDown - theory.meanDown)).toBeLessThanOrEqual(hwDown);
    expect(hwDown / theory.meanDown).toBeLessThan(0.1);
    const a = st.uptime;
    expect(Math.abs(a.mean - theory.availability)).toBeLessThanOrEqual(a.halfWidth!);
    expect(a.halfWidth! / (1 - theory.availability)).toBeLessThan(0.1);
  });
});
