/**
 * Runs one benchmark model once in a fresh process and prints its peak resident set size, so that
 * two horizons can be compared without one run's heap inflating the other's figure.
 * Usage: node dist/bench/memory-probe.js <mm1|tandem5|scenarioTandem5|bottling> <horizon-seconds>
 *        node dist/bench/memory-probe.js serial <horizon-seconds> <stations>
 * The serial line also reports its events and the wall-clock seconds of the run.
 */

import { performance } from 'node:perf_hooks';
import { scenarioBottling } from './models/scenario-bottling.js';
import { scenarioSerialLine } from './models/scenario-serial.js';
import { scenarioTandem5 } from './models/scenario-tandem.js';
import { shopfloorMm1 } from './models/shopfloor-mm1.js';
import { shopfloorTandem } from './models/shopfloor-tandem.js';

const [model, horizonText, stationsText] = process.argv.slice(2);
const horizon = Number(horizonText);
if (model === 'serial') {
  const t0 = performance.now();
  const r = scenarioSerialLine(Number(stationsText), horizon);
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ model, horizon, stations: r.stations, jobs: r.finished, events: r.events, seconds, peakRssMiB })}\n`,
  );
  process.exit(0);
}
const params = { lambda: 0.9, mu: 1, horizon, seed: 1 };
const result =
  model === 'bottling'
    ? { jobs: scenarioBottling(horizon).bottles }
    : model === 'scenarioTandem5'
      ? scenarioTandem5(horizon)
      : model === 'tandem5'
        ? shopfloorTandem({ ...params, stations: 5 })
        : shopfloorMm1(params);
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ model, horizon, jobs: result.jobs, peakRssMiB })}\n`);
