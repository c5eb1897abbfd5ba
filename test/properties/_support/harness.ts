import { expect } from 'vitest';
import { buildPlant, loadScenario, type Scenario } from '../../../src/scenario/index.js';
import { type Doc, toText } from './scenario-arbitrary.js';

/**
 * Deliberately wrong models, to check that the properties can fail at all (mutation testing of the
 * harness): `SHOPFLOOR_BREAK=<name>` makes {@link simulate} report a broken model. Never set in the suite.
 * - `lose-part`: the plant forgets one finished part (`finished` is one too low after the first);
 * - `overfill`: reports a buffer level one above the real one;
 * - `no-repair-time`: reports repair time as idle (repair not counted);
 * - `shared-stream`: stations draw process times from a stream shared with failures (no CRN).
 */
export const BREAK = process.env.SHOPFLOOR_BREAK ?? '';

/** Loads a generated document (through the real file format), failing the test if it is invalid. */
export function load(doc: Doc, format: 'yaml' | 'json' = 'yaml'): Scenario {
  const r = loadScenario(toText(doc, format), { fileName: `generated.${format}` });
  if (!r.ok)
    expect.fail(`generated scenario is invalid: ${JSON.stringify(r.problems)}\n${toText(doc, 'yaml')}`);
  return r.scenario;
}

/** Builds a loaded scenario with its own seed (optionally broken on purpose, see {@link BREAK}). */
export function build(scenario: Scenario, seed = scenario.run.seed) {
  const model = buildPlant(scenario, seed);
  if (BREAK === 'shared-stream') {
    // Every station's process stream replaced by one shared stream: a deliberately wrong model of CRN
    // (draws of one station then shift those of all others, including failure draws sharing it).
    const shared = model.sim.streams.get('shared');
    for (const st of model.plant.stations.values()) {
      const s = st as unknown as { processStream: unknown; servers: { failures: { stream: unknown }[] }[] };
      s.processStream = shared;
      for (const server of s.servers)
        for (const f of server.failures) (f as { stream: unknown }).stream = shared;
    }
  }
  return model;
}
