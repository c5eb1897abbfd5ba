import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/load-file.js';

/**
 * With the boundary term (parts carried into and out of the observed period), Little's law holds exactly
 * on any finite run, stationary or not, warm-up or not: one replication of every example, plus a
 * deliberately non-stationary cut (a horizon of 1/10 of the file's, warm-up 0). About 0.3 s per file.
 */
const dir = join(__dirname, '../../scenarios');
const files = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => join(dir, f));

describe("Little's law with its boundary term is exact", () => {
  it.each(files)('%s', (file) => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const s = loaded.scenario;
    for (const opts of [{}, { horizon: s.run.horizon / 10, warmup: 0 }]) {
      const k = runScenario(s, { replications: 1, ...opts }).kpis;
      const flow = k.timeInSystemS === null ? 0 : (k.departuresPerHour.mean / 3600) * k.timeInSystemS.mean;
      expect(Math.abs(k.wip.mean - (flow + k.littleBoundaryParts.mean))).toBeLessThanOrEqual(
        1e-9 * Math.max(1, k.wip.mean),
      );
    }
  });
});
