/**
 * `npm run bench -- sweep [--quick] [--json] [--rounds N]`: a sweep of 40 points × 5 replications of the
 * demo factory (oven-in capacity 3–12 × adjust-in capacity 1–4), run with 1 worker (replications in the
 * main thread) and with 2 worker threads, alternately in the same process, and the speed-up of 2 over 1.
 * The two tables must be byte-identical (checked). With --quick the horizon is 1 day instead of 5.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReplicationPool, parseFactor, planSweep, runSweep } from '../src/experiments/index.js';

/** Wall-clock seconds of each round, per worker count, and the speed-up. */
export interface SweepBench {
  readonly points: number;
  readonly replications: number;
  readonly horizonS: number;
  readonly seconds: { readonly workers1: number[]; readonly workers2: number[] };
  /**
   * CPU seconds used by the whole process (all threads) per round: CPU / wall ≈ the cores the machine
   * actually gave. On a shared machine with the kernel's autogroup scheduling, a process gets its session's
   * share however many threads it runs, so 2 workers cannot beat 1 while other sessions saturate the cores.
   */
  readonly cpuSeconds: { readonly workers1: number[]; readonly workers2: number[] };
  /** Median time with 1 worker / median time with 2 workers. */
  readonly speedup: number;
  readonly identical: boolean;
}

const DEMO = fileURLToPath(new URL('../../scenarios/demo-factory.yaml', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs the sweep bench; `log` receives one line per round and the summary. */
export async function benchSweep(
  quick: boolean,
  rounds: number,
  log: (line: string) => void,
): Promise<SweepBench> {
  const horizonS = quick ? 86_400 : 5 * 86_400;
  const plan = planSweep({
    file: DEMO,
    factors: [parseFactor('buffers.oven-in.capacity=3..12'), parseFactor('buffers.adjust-in.capacity=1..4')],
    design: 'grid',
    replications: 5,
    horizonS,
    warmupS: 8 * 3600,
    shopfloorVersion: 'bench',
  });
  const seconds = { workers1: [] as number[], workers2: [] as number[] };
  const cpuSeconds = { workers1: [] as number[], workers2: [] as number[] };
  const tables: string[] = [];
  log(
    `sweep: ${plan.manifest.points} points × ${plan.manifest.replications} replications of the demo factory, horizon ${horizonS / 86_400} d`,
  );
  for (let round = 0; round < rounds; round++) {
    for (const workers of [1, 2] as const) {
      const out = mkdtempSync(join(tmpdir(), 'shopfloor-bench-sweep-'));
      const pool = createReplicationPool(workers);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      try {
        await runSweep(plan, { out, runner: pool.run });
      } finally {
        await pool.close();
      }
      const s = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(c0);
      const cpu = (used.user + used.system) / 1e6;
      (workers === 1 ? seconds.workers1 : seconds.workers2).push(s);
      (workers === 1 ? cpuSeconds.workers1 : cpuSeconds.workers2).push(cpu);
      tables.push(readFileSync(join(out, 'sweep.json'), 'utf8'));
      rmSync(out, { recursive: true, force: true });
      log(
        `  round ${round + 1}, ${workers} worker${workers === 1 ? ' ' : 's'}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (${(cpu / s).toFixed(2)} cores used)`,
      );
    }
  }
  const speedup = median(seconds.workers1) / median(seconds.workers2);
  const identical = tables.every((t) => t === tables[0]);
  log(
    `  speed-up 2 workers / 1 worker (median times): ${speedup.toFixed(2)}× · tables identical: ${identical}`,
  );
  return {
    points: plan.manifest.points,
    replications: plan.manifest.replications,
    horizonS,
    seconds,
    cpuSeconds,
    speedup,
    identical,
  };
}
