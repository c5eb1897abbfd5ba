import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/engine/index.js';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';

/**
 * Little's law WIP = TH × CT on every example scenario (scenarios/*.yaml, whatever is there when the test
 * runs) and on test/scenario/fixtures/machine-shop.yaml, each with its own `run` section but at most 10
 * replications (to keep the folder fast; about 0.5 s per file). Replication i is run alone with seed + i
 * (exactly what `runScenario` does), so the figures of each replication are at hand.
 *
 * Two checks:
 * 1. Across replications: |mean WIP − mean TH × mean CT| ≤ combined 95% half-width
 *    √(hw_WIP² + hw_TH×CT²) (hw_TH×CT by the delta method) + 3% of WIP.
 * 2. Within each replication (much sharper — a 10% error in CT fails it, which check 1 alone misses on the
 *    noisy examples): |WIP − TH × CT| ≤ 3% of WIP.
 * Why 3%: the time-average WIP counts every part present in the window — including those released before
 * the warm-up ended and those still in the system at the horizon — while TH × CT only counts parts that
 * finished inside it, so the identity is exact only when the system is empty at both ends. The boundary
 * term (parts at the ends × their time in the window / window length) is below 0.1% on these runs; 3%
 * leaves room for shorter examples. A single replication (the deterministic job shop) has no half-width.
 */
const files = [
  ...readdirSync(join(__dirname, '../../scenarios'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(__dirname, '../../scenarios', f)),
  join(__dirname, '../scenario/fixtures/machine-shop.yaml'),
];

describe("validation: Little's law on the example scenarios", () => {
  it.each(files)('%s: WIP = TH × CT', (file) => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { scenario } = loaded;
    const n = Math.min(scenario.run.replications, 10);
    const reps = Array.from({ length: n }, (_, i) => {
      const r = runScenario(scenario, { seed: scenario.run.seed + i, replications: 1 });
      // TH = every part leaving (finished, scrapped, or built into an assembly), CT = its own time in the
      // system (an assembled part's from when it was made): with scrap and assembly, the parts present are
      // exactly these flows. Without them TH and CT are the throughput and cycle time of the report.
      return {
        wip: r.kpis.wip.mean,
        th: r.kpis.departuresPerHour.mean / 3600,
        ct: r.kpis.timeInSystemS!.mean,
      };
    });
    for (const r of reps) {
      expect(r.wip).toBeGreaterThan(0);
      expect(Math.abs(r.wip - r.th * r.ct)).toBeLessThanOrEqual(0.03 * r.wip);
    }
    const ci = (values: number[]) =>
      values.length > 1 ? confidenceInterval(values) : { mean: values[0]!, halfWidth: 0 };
    const wip = ci(reps.map((r) => r.wip));
    const th = ci(reps.map((r) => r.th));
    const ct = ci(reps.map((r) => r.ct));
    const product = th.mean * ct.mean;
    const hwProduct = product * Math.hypot(th.halfWidth / th.mean, ct.halfWidth / ct.mean);
    const combined = Math.hypot(wip.halfWidth, hwProduct);
    expect(Math.abs(wip.mean - product)).toBeLessThanOrEqual(combined + 0.03 * wip.mean);
  });
});
