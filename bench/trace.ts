/**
 * `npm run bench -- trace [--quick] [--json]`: what recording a trace costs on the demo factory, side by
 * side in one process (compare() interleaves the variants):
 * - per replication: one 120 h replication without observer, with `--trace`, and with `--trace --ocel`;
 * - as `shopfloor run scenarios/demo-factory.yaml --trace` runs it: its 5 replications, one of them traced;
 * - the size of the 120 h trace, and the time to open it and to seek (`stateAt`) to 200 random instants.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/report/index.js';
import { loadScenarioFile, type RunObserver, type Scenario } from '../src/scenario/index.js';
import { OcelWriter, openTrace, TraceWriter } from '../src/stream/index.js';
import { compare, median } from './harness.js';

/** What {@link benchTrace} returns (the `trace` entry of the JSON). */
export interface TraceBench {
  readonly horizonH: number;
  /** Median wall time of one replication, ms. */
  readonly replicationMs: { readonly plain: number; readonly trace: number; readonly traceAndOcel: number };
  /** Median CPU time of the process during one replication, ms (the load changes it less than wall time). */
  readonly replicationCpuMs: {
    readonly plain: number;
    readonly trace: number;
    readonly traceAndOcel: number;
  };
  /** trace / plain − 1, per replication (medians of wall time). */
  readonly overheadPerReplication: number;
  /** Median over the rounds of traced / plain in the same round: wall time and CPU time. */
  readonly ratioPerReplication: { readonly wall: number; readonly cpu: number };
  /** The whole demo run (its replications, one traced): traced / plain − 1. */
  readonly overheadOfRun: number;
  readonly runMs: { readonly plain: number; readonly traced: number };
  readonly traceBytes: number;
  readonly frames: number;
  readonly openMs: number;
  /** Median and worst time of a seek to a random instant, ms. */
  readonly seekMs: { readonly median: number; readonly max: number };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs the trace benchmark, logging one line per figure. */
export function benchTrace(quick: boolean, log: (line: string) => void): TraceBench {
  const file = fileURLToPath(new URL('../../scenarios/demo-factory.yaml', import.meta.url));
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error('bench trace: cannot load the demo factory');
  const scenario: Scenario = loaded.scenario;
  const text = readFileSync(file, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-bench-trace-'));
  const path = join(dir, 'demo.sftrace');
  const horizonS = 120 * 3600;
  const rounds = quick ? 5 : 15;
  const trace = () => new TraceWriter({ path, scenarioText: text, version: 'bench' });
  const variants: { name: 'plain' | 'trace' | 'traceAndOcel'; observe: () => RunObserver[] }[] = [
    { name: 'plain', observe: () => [] },
    { name: 'trace', observe: () => [trace()] },
    { name: 'traceAndOcel', observe: () => [trace(), new OcelWriter({ path: join(dir, 'demo.ocel.json') })] },
  ];
  // Interleaved like compare() (one warm-up round, the order reversed every other round), timing both the
  // wall clock and the process's CPU time: other jobs on the machine change the second much less.
  const wall = variants.map(() => [] as number[]);
  const cpu = variants.map(() => [] as number[]);
  for (let r = -1; r < rounds; r++) {
    const order = variants.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const observe = variants[i]!.observe();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      runScenario(scenario, { replications: 1, horizon: horizonS, observe });
      const w = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (r < 0) continue;
      wall[i]!.push(w);
      cpu[i]!.push((c.user + c.system) / 1000);
    }
  }
  const replicationMs = {
    plain: round(median(wall[0]!), 1),
    trace: round(median(wall[1]!), 1),
    traceAndOcel: round(median(wall[2]!), 1),
  };
  const replicationCpuMs = {
    plain: round(median(cpu[0]!), 1),
    trace: round(median(cpu[1]!), 1),
    traceAndOcel: round(median(cpu[2]!), 1),
  };
  // The ratio of each round (traced / plain of the same round), then their median: the load of a round
  // weighs on both of its runs.
  const ratioOfRounds = (xs: number[][]) => round(median(xs[1]!.map((v, i) => v / xs[0]![i]!)), 3);
  const whole = compare(
    [
      // One whole run per timed call: runs per second, whose inverse is the run's time.
      { engine: 'plain', run: () => runScenario(scenario, {}), units: () => 1 },
      { engine: 'traced', run: () => runScenario(scenario, { observe: [trace()] }), units: () => 1 },
    ],
    quick ? 2 : 5,
    1,
  );
  const runMs = {
    plain: round(1000 / whole[0]!.medianPerSecond, 1),
    traced: round(1000 / whole[1]!.medianPerSecond, 1),
  };
  runScenario(scenario, { replications: 1, horizon: horizonS, observe: [trace()] });
  const traceBytes = statSync(path).size;
  const t0 = performance.now();
  const reader = openTrace(path);
  const openMs = performance.now() - t0;
  const seeks: number[] = [];
  // A fixed sequence of instants (a viewer's scrubbing), so the figure does not depend on luck.
  let x = 0.5;
  for (let i = 0; i < 200; i++) {
    x = ((x * 233280 * 9301 + 49297) % 233280) / 233280;
    const s = performance.now();
    reader.stateAt(x * horizonS);
    seeks.push(performance.now() - s);
  }
  let frames = 0;
  for (const b of reader.blocks) frames += b.frames;
  rmSync(dir, { recursive: true, force: true });
  const result: TraceBench = {
    horizonH: 120,
    replicationMs,
    replicationCpuMs,
    ratioPerReplication: { wall: ratioOfRounds(wall), cpu: ratioOfRounds(cpu) },
    overheadPerReplication: round(replicationMs.trace / replicationMs.plain - 1, 3),
    overheadOfRun: round(runMs.traced / runMs.plain - 1, 3),
    runMs,
    traceBytes,
    frames,
    openMs: round(openMs, 1),
    seekMs: { median: round(median(seeks), 2), max: round(Math.max(...seeks), 2) },
  };
  log(
    `trace     one 120 h replication: ${replicationMs.plain} ms plain, ${replicationMs.trace} ms traced (+${Math.round(result.overheadPerReplication * 100)} %), ${replicationMs.traceAndOcel} ms with --ocel too`,
  );
  log(
    `trace     same, CPU time: ${replicationCpuMs.plain} ms plain, ${replicationCpuMs.trace} ms traced, ${replicationCpuMs.traceAndOcel} ms with --ocel; traced / plain per round: ${result.ratioPerReplication.wall}× wall, ${result.ratioPerReplication.cpu}× CPU (median of ${rounds} rounds)`,
  );
  log(
    `trace     demo run (5 replications, one traced): ${runMs.plain} ms → ${runMs.traced} ms (+${Math.round(result.overheadOfRun * 100)} %)`,
  );
  log(
    `trace     120 h trace: ${(traceBytes / 1e6).toFixed(2)} MB, ${frames.toLocaleString('en-US')} frames; open ${result.openMs} ms; seek median ${result.seekMs.median} ms, max ${result.seekMs.max} ms (200 instants)`,
  );
  return result;
}
