/**
 * `npm run bench [-- --json] [-- --quick]`: shopfloor's kernel side by side with simjs@2.0.3 in one
 * process, on the same models written the way a user of each library writes them.
 * `npm run bench -- rules [--json] [--quick]`: the dispatch rules on the job-shop benchmarks (bench/rules.ts).
 * `npm run bench -- rl [--json] [--quick]`: the RL environment alone (bench/rl.ts; also part of the full run).
 * `npm run bench -- sweep [--json] [--quick] [--rounds N] [--fresh]`: a 40-point sweep with 1 and 2 workers (bench/sweep.ts).
 * `npm run bench -- rl-python [--json] [--quick]`: the Python client against job_shop_lib (bench/rl-python.ts;
 * also part of the full run).
 * `npm run bench -- trace [--json] [--quick]`: the cost, size and seek time of traces (bench/trace.ts; also part
 * of the full run).
 * `npm run bench -- viewer [--json] [--quick]`: the 3D viewer's JS time per frame and heap growth in Chromium
 * (bench/viewer.ts; needs `npm run build:viz`; not part of the full run).
 * `npm run bench -- scale [--json] [--quick]`: serial lines of 10–1,000 stations alone (bench/scale.ts; also
 * part of the full run).
 *
 * Figures are jobs per wall-clock second (each engine needs a different number of events per job,
 * so events/s would not compare like with like), median over several rounds after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compare, type Measurement } from './harness.js';
import { bareTandem } from './models/bare-heap.js';
import { scenarioBottling } from './models/scenario-bottling.js';
import { scenarioTandem5 } from './models/scenario-tandem.js';
import { shopfloorMm1 } from './models/shopfloor-mm1.js';
import { shopfloorTandem } from './models/shopfloor-tandem.js';
import { simjsMm1, simjsTandem } from './models/simjs.js';
import type { QueueModelResult } from './models/types.js';
import { benchRl } from './rl.js';
import { benchRlPython } from './rl-python.js';
import { benchScale } from './scale.js';
import { benchTrace } from './trace.js';

const argv = process.argv.slice(2);
const entry = argv.find((a) => !a.startsWith('--'));
if (entry !== undefined) {
  if (entry === 'rl') {
    const rest = new Set(argv);
    const rl = benchRl(rest.has('--quick'), (line) => process.stdout.write(`${line}\n`));
    if (rest.has('--json')) process.stdout.write(`${JSON.stringify({ rl })}\n`);
    process.exit(0);
  }
  if (entry === 'rl-python') {
    const rest = new Set(argv);
    const rlPython = benchRlPython(rest.has('--quick'), (line) => process.stdout.write(`${line}\n`));
    if (rest.has('--json')) process.stdout.write(`${JSON.stringify({ rlPython })}\n`);
    process.exit(0);
  }
  if (entry === 'scale') {
    const rest = new Set(argv);
    const scale = benchScale(rest.has('--quick'), (line) => process.stdout.write(`${line}\n`));
    if (rest.has('--json')) process.stdout.write(`${JSON.stringify({ scale })}\n`);
    process.exit(0);
  }
  if (entry === 'sweep') {
    const rest = argv.filter((a) => a !== entry);
    const roundsAt = rest.indexOf('--rounds');
    const rounds = roundsAt >= 0 ? Number(rest[roundsAt + 1]) : 3;
    const { benchSweep } = await import('./sweep.js');
    const sweep = await benchSweep(
      rest.includes('--quick'),
      rounds,
      (line) => process.stdout.write(`${line}\n`),
      rest.includes('--fresh'),
    );
    if (rest.includes('--json')) process.stdout.write(`${JSON.stringify({ sweep })}\n`);
    process.exit(0);
  }
  if (entry === 'trace') {
    const rest = new Set(argv);
    const trace = benchTrace(rest.has('--quick'), (line) => process.stdout.write(`${line}\n`));
    if (rest.has('--json')) process.stdout.write(`${JSON.stringify({ trace })}\n`);
    process.exit(0);
  }
  if (entry === 'viewer') {
    const rest = new Set(argv);
    const { benchViewer } = await import('./viewer.js');
    const viewer = await benchViewer(rest.has('--quick'), (line) => process.stdout.write(`${line}\n`));
    if (rest.has('--json')) process.stdout.write(`${JSON.stringify({ viewer })}\n`);
    process.exit(0);
  }
  if (entry !== 'rules') {
    process.stderr.write(
      `bench: unknown entry "${entry}" (known: rules, rl, rl-python, scale, sweep, trace, viewer; none runs the kernel benchmark)\n`,
    );
    process.exit(2);
  }
  const { runRulesBench } = await import('./rules.js');
  runRulesBench(argv.filter((a) => a !== entry));
  process.exit(0);
}
const args = new Set(argv);
const json = args.has('--json');
const quick = args.has('--quick');
const rounds = quick ? 3 : 7;
// Everything goes to stdout, in order, so that with --json the JSON object is the last line.
const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

interface Comparison {
  shopfloor: number;
  simjs: number;
  ratio: number;
  /** Hand-written typed-array heap loop (no API): the floor the kernel is measured against. */
  bareLoop: number;
  /** shopfloor / bare loop. */
  fractionOfBareLoop: number;
  meanTimeInSystem: { shopfloor: number; simjs: number; theory: number };
}

function queueComparison(
  name: string,
  theory: number,
  runs: { shopfloor: () => QueueModelResult; simjs: () => QueueModelResult; bare: () => QueueModelResult },
): Comparison {
  const measured: Measurement<QueueModelResult>[] = compare(
    [
      { engine: 'shopfloor', run: runs.shopfloor, units: (r) => r.jobs },
      { engine: 'simjs', run: runs.simjs, units: (r) => r.jobs },
      { engine: 'bare loop', run: runs.bare, units: (r) => r.jobs },
    ],
    rounds,
    1,
  );
  const [ours, theirs, bare] = measured as [
    Measurement<QueueModelResult>,
    Measurement<QueueModelResult>,
    Measurement<QueueModelResult>,
  ];
  const c: Comparison = {
    shopfloor: Math.round(ours.medianPerSecond),
    simjs: Math.round(theirs.medianPerSecond),
    ratio: round(ours.medianPerSecond / theirs.medianPerSecond, 2),
    bareLoop: Math.round(bare.medianPerSecond),
    fractionOfBareLoop: round(ours.medianPerSecond / bare.medianPerSecond, 2),
    meanTimeInSystem: {
      shopfloor: round(ours.last.meanTimeInSystem, 3),
      simjs: round(theirs.last.meanTimeInSystem, 3),
      theory,
    },
  };
  log(
    `${name.padEnd(9)} shopfloor ${fmt(c.shopfloor)} jobs/s   simjs ${fmt(c.simjs)} jobs/s   ratio ${c.ratio.toFixed(2)}×` +
      `   mean time in system: ${c.meanTimeInSystem.shopfloor} / ${c.meanTimeInSystem.simjs} (theory ${theory})`,
  );
  log(
    `${''.padEnd(9)} bare loop ${fmt(c.bareLoop)} jobs/s   shopfloor reaches ${(c.fractionOfBareLoop * 100).toFixed(0)}% of it`,
  );
  return c;
}

function memoryProbe(model: string, horizon: number): { horizon: number; jobs: number; peakRssMiB: number } {
  const script = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
  const out = spawnSync(process.execPath, [script, model, String(horizon)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`memory probe failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim()) as { horizon: number; jobs: number; peakRssMiB: number };
  return { horizon: r.horizon, jobs: r.jobs, peakRssMiB: round(r.peakRssMiB, 1) };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US').padStart(11);
}

log(`shopfloor benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
log(`${rounds} rounds after 1 warm-up run per engine; medians; λ=0.9, μ=1 (ρ=0.9)`);
log();

const mm1Horizon = quick ? 2e5 : 2e6;
const tandemHorizon = quick ? 5e4 : 5e5;
const base = { lambda: 0.9, mu: 1, seed: 12345 };
const mm1 = queueComparison('M/M/1', 10, {
  shopfloor: () => shopfloorMm1({ ...base, horizon: mm1Horizon }),
  simjs: () => simjsMm1({ ...base, horizon: mm1Horizon }),
  bare: () => bareTandem({ ...base, horizon: mm1Horizon, stations: 1 }),
});
const tandem5 = queueComparison('tandem5', 50, {
  shopfloor: () => shopfloorTandem({ ...base, horizon: tandemHorizon, stations: 5 }),
  simjs: () => simjsTandem({ ...base, horizon: tandemHorizon, stations: 5 }),
  bare: () => bareTandem({ ...base, horizon: tandemHorizon, stations: 5 }),
});

// The same tandem line as a scenario file through `shopfloor run`'s code path, in minutes: simjs runs
// the identical model (rates per minute) so that jobs/s compare like with like.
const scenarioHorizonMin = quick ? 5e4 : 4e5;
const scenarioTandem = compare(
  [
    {
      engine: 'shopfloor',
      run: () => scenarioTandem5(scenarioHorizonMin * 60),
      units: (r: QueueModelResult) => r.jobs,
    },
    {
      engine: 'simjs',
      run: () => simjsTandem({ ...base, horizon: scenarioHorizonMin, stations: 5 }),
      units: (r: QueueModelResult) => r.jobs,
    },
  ],
  rounds,
  1,
);
const [scenOurs, scenTheirs] = scenarioTandem as [
  Measurement<QueueModelResult>,
  Measurement<QueueModelResult>,
];
const scenarioTandem5Result = {
  shopfloor: Math.round(scenOurs.medianPerSecond),
  simjs: Math.round(scenTheirs.medianPerSecond),
  ratio: round(scenOurs.medianPerSecond / scenTheirs.medianPerSecond, 2),
  meanTimeInSystem: {
    shopfloor: round(scenOurs.last.meanTimeInSystem, 3),
    simjs: round(scenTheirs.last.meanTimeInSystem, 3),
    theory: 50,
  },
};
log(
  `scenario  shopfloor ${fmt(scenarioTandem5Result.shopfloor)} jobs/s   simjs ${fmt(scenarioTandem5Result.simjs)} jobs/s   ratio ${scenarioTandem5Result.ratio.toFixed(2)}×` +
    `   (tandem5 as a scenario file through shopfloor run's code path, statistics on; mean time in system ${scenarioTandem5Result.meanTimeInSystem.shopfloor} min)`,
);

// The bottling line (conveyors, failures, batches, energy): no peer has this model, so it is our own
// figure to keep from regressing: simulated hours per wall-clock second, events per second, peak memory.
const bottlingRuns = compare(
  [{ engine: 'shopfloor', run: () => scenarioBottling(), units: (r) => r.simulatedH }],
  rounds,
  1,
)[0]!;
const perRun = bottlingRuns.last;
const bottlingMemory = memoryProbe('bottling', (quick ? 8 : 80) * 3600);
const bottling = {
  simulatedHoursPerSecond: round(bottlingRuns.medianPerSecond, 1),
  eventsPerSecond: Math.round((bottlingRuns.medianPerSecond / perRun.simulatedH) * perRun.events),
  eventsPerRun: perRun.events,
  horizonH: perRun.simulatedH,
  peakRssMiB: bottlingMemory.peakRssMiB,
  peakRssHorizonH: bottlingMemory.horizon / 3600,
};
log(
  `bottling  ${bottling.simulatedHoursPerSecond} simulated h/s   ${fmt(bottling.eventsPerSecond)} events/s   peak RSS ${bottling.peakRssMiB} MiB (${bottling.peakRssHorizonH} h run)   (scenarios/bottling.yaml, ${perRun.events} events per 8 h run)`,
);

// The RL environment (src/rl): decisions per second with a random masked policy; see bench/rl.ts.
log();
const rl = benchRl(quick, log);

// The same from Python through the env server, beside job_shop_lib's env; see bench/rl-python.ts.
log();
const rlPython = benchRlPython(quick, log);

// Serial lines of 10, 100 and 1,000 stations: cost per event and memory against plant size; see bench/scale.ts.
log();
const scale = benchScale(quick, log);

// Traces of the demo factory: recording cost, size, seek time; see bench/trace.ts.
log();
const trace = benchTrace(quick, log);

log();
const memHorizons = quick ? [1e5, 1e6] : [1e6, 1e7];
const memory = {
  mm1: memHorizons.map((h) => memoryProbe('mm1', h)),
  tandem5: memHorizons.map((h) => memoryProbe('tandem5', h / 2)),
  // The scenario path keeps per-run statistics (a bounded sketch for percentiles): its memory must stay
  // flat too. Horizon in seconds of the minute-based scenario: 10× apart like the others.
  scenarioTandem5: (quick ? [5e4, 5e5] : [4e5, 4e6]).map((min) => memoryProbe('scenarioTandem5', min * 60)),
};
for (const [model, probes] of Object.entries(memory)) {
  log(
    `memory ${model.padEnd(15)} ${probes.map((p) => `horizon ${p.horizon.toExponential(0)} s (${fmt(p.jobs).trim()} jobs): peak RSS ${p.peakRssMiB} MiB`).join('   ')}`,
  );
}

if (json) {
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    mm1,
    tandem5,
    scenarioTandem5: scenarioTandem5Result,
    bottling,
    rl,
    rlPython,
    scale,
    trace,
    memory,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
