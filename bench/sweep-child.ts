/**
 * One sweep of the sweep bench in a process of its own, as `shopfloor sweep` runs it: V8 tuned for
 * replications, the pool created first (its threads start while this thread plans), then the plan, then
 * the sweep. Prints one JSON line:
 * seconds of planning and of the sweep, CPU seconds of the whole process, and the table's SHA-256.
 * Usage: `node dist/bench/sweep-child.js WORKERS HORIZON_S` (run by bench/sweep.ts with --fresh).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReplicationPool, runSweep, tuneV8ForReplications } from '../src/experiments/index.js';
import { benchPlan } from './sweep-plan.js';

const workers = Number(process.argv[2]);
const horizonS = Number(process.argv[3]);
tuneV8ForReplications();
const c0 = process.cpuUsage();
const t0 = performance.now();
const pool = createReplicationPool(workers);
const plan = benchPlan(horizonS);
const t1 = performance.now();
const out = mkdtempSync(join(tmpdir(), 'shopfloor-bench-sweep-'));
try {
  await runSweep(plan, { out, runner: pool.run });
} finally {
  await pool.close();
}
const t2 = performance.now();
const used = process.cpuUsage(c0);
const table = readFileSync(join(out, 'sweep.json'), 'utf8');
rmSync(out, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    planS: (t1 - t0) / 1000,
    sweepS: (t2 - t1) / 1000,
    cpuS: (used.user + used.system) / 1e6,
    tableSha256: createHash('sha256').update(table).digest('hex'),
  })}\n`,
);
