/**
 * Runs one benchmark model once in a fresh process and prints its peak resident set size, so that
 * two horizons can be compared without one run's heap inflating the other's figure.
 * Usage: node dist/bench/memory-probe.js <mm1|tandem5|scenarioTandem5|bottling> <horizon-seconds>
 */

import { scenarioBottling } from './models/scenario-bottling.js';
import { scenarioTandem5 } from './models/scenario-tandem.js';
import { shopfloorMm1 } from './models/shopfloor-mm1.js';
import { shopfloorTandem } from './models/shopfloor-tandem.js';

const [model, horizonText] = process.argv.slice(2);
const horizon = Number(horizonText);
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
