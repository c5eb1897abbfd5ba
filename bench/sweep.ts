/**
 * `npm run bench -- sweep [--quick] [--json] [--rounds N]`: a sweep of 40 points × 5 replications of the
 * demo factory (oven-in capacity 3–12 × adjust-in capacity 1–4), run with 1 worker (replications in the
 * main thread) and with 2 worker threads, alternately in the same process, and the speed-up of 2 over 1.
 * The two tables must be byte-identical (checked). With --quick the horizon is 1 day instead of 5.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /**
   * CPU seconds of the main thread alone per round (Linux: /proc/thread-self; empty elsewhere). The rest
   * of `cpuSeconds` is the worker thread's and V8's background threads' (garbage collector, optimising
   * compiler), which use the second core even with 1 worker.
   */
  readonly mainThreadCpuSeconds: { readonly workers1: number[]; readonly workers2: number[] };
  /**
   * Median CPU with 2 workers / median CPU with 1: the cost of parallelism, which the load of other
   * processes hardly changes (on 2 idle cores the speed-up is about 2 / (this × the cores 1 worker uses)).
   */
  readonly cpuRatio: number;
  /** Median time with 1 worker / median time with 2 workers. */
  readonly speedup: number;
  readonly identical: boolean;
}

const DEMO = fileURLToPath(new URL('../../scenarios/demo-factory.yaml', import.meta.url));

/** CPU seconds used so far by the calling thread (Linux), or undefined. */
function threadCpuSeconds(): number | undefined {
  if (!existsSync('/proc/thread-self/stat')) return undefined;
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

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
  const mainThreadCpuSeconds = { workers1: [] as number[], workers2: [] as number[] };
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
      const m0 = threadCpuSeconds();
      try {
        await runSweep(plan, { out, runner: pool.run });
      } finally {
        await pool.close();
      }
      const s = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(c0);
      const m1 = threadCpuSeconds();
      const cpu = (used.user + used.system) / 1e6;
      const main = m0 === undefined || m1 === undefined ? undefined : m1 - m0;
      if (main !== undefined)
        (workers === 1 ? mainThreadCpuSeconds.workers1 : mainThreadCpuSeconds.workers2).push(main);
      (workers === 1 ? seconds.workers1 : seconds.workers2).push(s);
      (workers === 1 ? cpuSeconds.workers1 : cpuSeconds.workers2).push(cpu);
      tables.push(readFileSync(join(out, 'sweep.json'), 'utf8'));
      rmSync(out, { recursive: true, force: true });
      log(
        `  round ${round + 1}, ${workers} worker${workers === 1 ? ' ' : 's'}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (${(cpu / s).toFixed(2)} cores used${main === undefined ? '' : `; main thread ${main.toFixed(1)} s, other threads ${(cpu - main).toFixed(1)} s`})`,
      );
    }
  }
  const speedup = median(seconds.workers1) / median(seconds.workers2);
  const cpuRatio = median(cpuSeconds.workers2) / median(cpuSeconds.workers1);
  const identical = tables.every((t) => t === tables[0]);
  log(
    `  speed-up 2 workers / 1 worker (median times): ${speedup.toFixed(2)}× · CPU 2 workers / 1 worker (medians): ${cpuRatio.toFixed(2)}× · tables identical: ${identical}`,
  );
  return {
    points: plan.manifest.points,
    replications: plan.manifest.replications,
    horizonS,
    seconds,
    cpuSeconds,
    mainThreadCpuSeconds,
    cpuRatio,
    speedup,
    identical,
  };
}
