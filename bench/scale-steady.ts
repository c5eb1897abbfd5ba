/**
 * The steady-state cost per event of the generated serial line (bench/models/scenario-serial.ts), for
 * measuring under a profiler or a cache simulator: builds the line of `stations` stations as
 * `shopfloor run` does (statistics on, no step history), runs it to `fillH` hours (the line full), then on
 * to `fillH + measureH` hours, and prints the events and CPU microseconds of the second part, JSON.
 *
 * Usage: node dist/bench/scale-steady.js <stations> <fillH> <measureH> [nostats]
 * (`nostats`: without the statistics collector, to see what the statistics cost.)
 *
 * Cache and instruction counts of the measured part alone, deterministic whatever the load: run it under
 * `valgrind --tool=callgrind --cache-sim=yes --dump-before=uv_getrusage node --single-threaded …`; the
 * measured part starts and ends with a read of the CPU time (`uv_getrusage`), so the profile dumped
 * second (`callgrind.out.<pid>.2`) covers exactly it: divide its counts by `events`.
 *
 * Faster: with `SCALE_STEADY_GO=<file>` set, it prints `READY <pid>` to stderr once the line is full and
 * waits until that file exists, so the fill can run with instrumentation off (`--instr-atstart=no`) and
 * `callgrind_control -i on <pid>` switch it on before creating the file.
 *
 * The instruction counts repeat exactly; the cache misses of a large line depend on where V8 places the
 * objects (at 1,000 stations the same code gave 8–15 L2 misses per event from one run to the next).
 * `setarch -R` before valgrind and `--random-seed=N --hash-seed=N` for node fix one address layout, so
 * two versions compare on equal terms; compare them over a few seeds.
 */
import { existsSync } from 'node:fs';
import { buildPlant, loadScenario } from '../src/scenario/index.js';
import { serialLineScenarioText } from './models/scenario-serial.js';

const [stationsText, fillText, measureText, statsText] = process.argv.slice(2);
const stations = Number(stationsText);
const fillS = Number(fillText) * 3600;
const measureS = Number(measureText) * 3600;
const loaded = loadScenario(serialLineScenarioText(stations), { fileName: `serial-${stations}.json` });
if (!loaded.ok) throw new Error(`serial line scenario is invalid: ${loaded.problems[0]?.message}`);
const model = buildPlant(loaded.scenario, loaded.scenario.run.seed, {
  stepHistory: false,
  statistics: statsText !== 'nostats',
});
const plant = model.plant;
plant.run({ until: fillS });
const go = process.env.SCALE_STEADY_GO;
if (go !== undefined && go !== '') {
  process.stderr.write(`READY ${process.pid}\n`);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(go)) Atomics.wait(pause, 0, 0, 100);
}
const events0 = plant.sim.eventCount;
const cpu0 = process.cpuUsage();
if (measureS > 0) plant.run({ until: fillS + measureS });
const cpu = process.cpuUsage(cpu0);
const events = plant.sim.eventCount - events0;
const cpuUs = cpu.user + cpu.system;
const finished = model.statistics?.report().finished ?? Number.NaN;
process.stdout.write(
  `${JSON.stringify({ stations, fillH: fillS / 3600, measureH: measureS / 3600, events, cpuUs, usPerEvent: cpuUs / events, finished, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
