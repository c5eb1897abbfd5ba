/**
 * `npm run bench -- sweep [--quick] [--json] [--rounds N] [--fresh]`: a sweep of 40 points × 5
 * replications of the demo factory (oven-in capacity 3–12 × adjust-in capacity 1–4), run with 1 worker
 * (replications in the main thread), with 2 workers (two worker threads; the main thread hands out tasks) on
 * a new pool per sweep, and with 2 workers on one pool kept across rounds, alternately in the same process (3 rounds by default); wall and
 * CPU seconds per round, and the speed-ups of 2 over 1. The tables must be byte-identical (checked). With
 * --quick the horizon is 1 day instead of 5. With --fresh, each round also runs 1 and 2 workers in fresh
 * processes (bench/sweep-child.ts), planning included, as a user of `shopfloor sweep` sees it.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReplicationPool, runSweep, tuneV8ForReplications } from '../src/experiments/index.js';
import { benchPlan } from './sweep-plan.js';

/** Per configuration: 1 worker, 2 workers on a new pool per sweep, 2 workers on one pool kept across rounds. */
export interface PerConfig<T> {
  readonly workers1: T;
  /** A new pool for each sweep: the worker threads' start (modules, compiling the hot code) is included. */
  readonly workers2: T;
  /** One pool for every round (its first round includes the threads' start): warm like the main thread. */
  readonly workers2Reused: T;
}

/** Wall-clock seconds of each round, per configuration, and the speed-ups. */
export interface SweepBench {
  readonly points: number;
  readonly replications: number;
  readonly horizonS: number;
  readonly seconds: PerConfig<number[]>;
  /**
   * CPU seconds used by the whole process (all threads) per round: CPU / wall ≈ the cores the machine
   * actually gave. On a shared machine with the kernel's autogroup scheduling, a process gets its session's
   * share however many threads it runs, so 2 workers cannot beat 1 while other sessions saturate the cores.
   */
  readonly cpuSeconds: PerConfig<number[]>;
  /**
   * CPU seconds of the main thread alone per round (Linux: /proc/thread-self; empty elsewhere). The rest
   * of `cpuSeconds` is the worker threads' and V8's background threads' (garbage collector, optimising
   * compiler), which use the second core even with 1 worker.
   */
  readonly mainThreadCpuSeconds: PerConfig<number[]>;
  /**
   * Median CPU with 2 workers (new pool) / median CPU with 1: the cost of parallelism, which the load of
   * other processes changes less than wall time.
   */
  readonly cpuRatio: number;
  /** The same for the reused pool, rounds 2 on (null with one round). */
  readonly cpuRatioReused: number | null;
  /** Median time with 1 worker / median time with 2 workers (new pool each sweep). */
  readonly speedup: number;
  /** Median time with 1 worker / median time with 2 workers on the reused pool, rounds 2 on (null with one round). */
  readonly speedupReused: number | null;
  readonly identical: boolean;
  /** Present with --fresh. */
  readonly fresh?: FreshSweepBench;
}

const CHILD = fileURLToPath(new URL('./sweep-child.js', import.meta.url));

/** One sweep in a fresh process (bench/sweep-child.ts), as `shopfloor sweep` runs it. */
export interface FreshSweep {
  /** Seconds planning (the pool's thread starts meanwhile) and sweeping. */
  readonly planS: number;
  readonly sweepS: number;
  /** CPU seconds of the whole child process, planning included. */
  readonly cpuS: number;
  readonly tableSha256: string;
}

/** With --fresh: each round's sweeps in fresh processes, and the speed-up of 2 over 1 (planning included). */
export interface FreshSweepBench {
  readonly workers1: FreshSweep[];
  readonly workers2: FreshSweep[];
  /** Median (plan + sweep) time with 1 worker / the same with 2. */
  readonly speedup: number;
  /**
   * Median over rounds of each round's own ratio (its 1-worker time / its 2-worker time, run one after
   * the other): less sensitive to the machine drifting between rounds than the ratio of medians.
   */
  readonly speedupPaired: number;
  /** Median CPU with 2 workers / median CPU with 1. */
  readonly cpuRatio: number;
  readonly identical: boolean;
}

function freshSweep(workers: number, horizonS: number): FreshSweep {
  const r = spawnSync(process.execPath, [CHILD, String(workers), String(horizonS)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench sweep: the child process failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as FreshSweep;
}

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
  fresh = false,
): Promise<SweepBench> {
  // As `shopfloor sweep` does: this process runs only this bench.
  tuneV8ForReplications();
  const horizonS = quick ? 86_400 : 5 * 86_400;
  const plan = benchPlan(horizonS);
  const configs = ['workers1', 'workers2', 'workers2Reused'] as const;
  type Config = (typeof configs)[number];
  const perConfig = (): Record<Config, number[]> => ({ workers1: [], workers2: [], workers2Reused: [] });
  const seconds = perConfig();
  const cpuSeconds = perConfig();
  const mainThreadCpuSeconds = perConfig();
  const label: Record<Config, string> = {
    workers1: '1 worker            ',
    workers2: '2 workers, new pool ',
    workers2Reused: '2 workers, same pool',
  };
  const tables: string[] = [];
  log(
    `sweep: ${plan.manifest.points} points × ${plan.manifest.replications} replications of the demo factory, horizon ${horizonS / 86_400} d`,
  );
  log(
    '  (2 workers = two worker threads, the main thread hands out tasks; "new pool" starts them in each sweep)',
  );
  const reused = createReplicationPool(2);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const config of configs) {
        const out = mkdtempSync(join(tmpdir(), 'shopfloor-bench-sweep-'));
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const m0 = threadCpuSeconds();
        const pool =
          config === 'workers2Reused' ? reused : createReplicationPool(config === 'workers1' ? 1 : 2);
        try {
          await runSweep(plan, { out, runner: pool.run });
        } finally {
          if (pool !== reused) await pool.close();
        }
        const s = (performance.now() - t0) / 1000;
        const used = process.cpuUsage(c0);
        const m1 = threadCpuSeconds();
        const cpu = (used.user + used.system) / 1e6;
        const main = m0 === undefined || m1 === undefined ? undefined : m1 - m0;
        if (main !== undefined) mainThreadCpuSeconds[config].push(main);
        seconds[config].push(s);
        cpuSeconds[config].push(cpu);
        tables.push(readFileSync(join(out, 'sweep.json'), 'utf8'));
        rmSync(out, { recursive: true, force: true });
        log(
          `  round ${round + 1}, ${label[config]}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (${(cpu / s).toFixed(2)} cores used${main === undefined ? '' : `; main thread ${main.toFixed(1)} s, other threads ${(cpu - main).toFixed(1)} s`})`,
        );
      }
    }
  } finally {
    await reused.close();
  }
  const speedup = median(seconds.workers1) / median(seconds.workers2);
  const cpuRatio = median(cpuSeconds.workers2) / median(cpuSeconds.workers1);
  // The reused pool against the warm main thread: rounds 2 on for both.
  const later = (xs: number[]) => xs.slice(1);
  const speedupReused =
    rounds > 1 ? median(later(seconds.workers1)) / median(later(seconds.workers2Reused)) : null;
  const cpuRatioReused =
    rounds > 1 ? median(later(cpuSeconds.workers2Reused)) / median(later(cpuSeconds.workers1)) : null;
  const identical = tables.every((t) => t === tables[0]);
  log(
    `  new pool:  speed-up 2 workers / 1 worker (median times) ${speedup.toFixed(2)}× · CPU 2 / 1 (medians) ${cpuRatio.toFixed(2)}×`,
  );
  if (speedupReused !== null && cpuRatioReused !== null)
    log(
      `  same pool, rounds 2–${rounds}: speed-up ${speedupReused.toFixed(2)}× · CPU 2 / 1 ${cpuRatioReused.toFixed(2)}×`,
    );
  log(`  tables identical: ${identical}`);
  let freshBench: FreshSweepBench | undefined;
  if (fresh) {
    log('  fresh processes (as `shopfloor sweep` runs: pool created, then planning, then the sweep):');
    const runs = { workers1: [] as FreshSweep[], workers2: [] as FreshSweep[] };
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2] as const) {
        const r = freshSweep(workers, horizonS);
        (workers === 1 ? runs.workers1 : runs.workers2).push(r);
        log(
          `  round ${round + 1}, ${workers} worker${workers === 1 ? ' ' : 's'}: ${r.planS.toFixed(1)} s planning + ${r.sweepS.toFixed(1)} s sweep, ${r.cpuS.toFixed(1)} s CPU`,
        );
      }
    }
    const total = (xs: FreshSweep[]) => median(xs.map((x) => x.planS + x.sweepS));
    const cpu = (xs: FreshSweep[]) => median(xs.map((x) => x.cpuS));
    const all = [...runs.workers1, ...runs.workers2];
    freshBench = {
      ...runs,
      speedup: total(runs.workers1) / total(runs.workers2),
      speedupPaired: median(
        runs.workers1.map(
          (one, i) => (one.planS + one.sweepS) / (runs.workers2[i]!.planS + runs.workers2[i]!.sweepS),
        ),
      ),
      cpuRatio: cpu(runs.workers2) / cpu(runs.workers1),
      // Also the same bytes as the in-process tables.
      identical: all.every((x) => x.tableSha256 === createHash('sha256').update(tables[0]!).digest('hex')),
    };
    log(
      `  fresh: speed-up 2 workers / 1 worker (planning included, medians) ${freshBench.speedup.toFixed(2)}× (median of each round's ratio ${freshBench.speedupPaired.toFixed(2)}×) · CPU 2 / 1 ${freshBench.cpuRatio.toFixed(2)}× · tables identical: ${freshBench.identical}`,
    );
  }
  return {
    points: plan.manifest.points,
    replications: plan.manifest.replications,
    horizonS,
    seconds,
    cpuSeconds,
    mainThreadCpuSeconds,
    cpuRatio,
    cpuRatioReused,
    speedup,
    speedupReused,
    identical,
    ...(freshBench === undefined ? {} : { fresh: freshBench }),
  };
}
