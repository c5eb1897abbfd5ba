/**
 * The figures a sweep or compare may name are known before anything runs: the 1-s probe must know every
 * figure a whole run of each example reports (else a valid --kpi would be refused), and an unknown one is
 * refused with figures like it. About 2 s.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFigureKeys, knownFigureKeys } from '../../src/experiments/figure-keys.js';
import { OverrideError } from '../../src/experiments/overrides.js';
import { runLoadedReplication } from '../../src/experiments/replication-run.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const EXAMPLES = fileURLToPath(new URL('../../scenarios', import.meta.url));
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

function load(file: string) {
  const r = loadScenarioFile(join(EXAMPLES, file));
  if (!r.ok) throw new Error(`${file}: ${r.problems[0]?.message}`);
  return r.scenario;
}

describe('knownFigureKeys', () => {
  it.each(examples)('%s: knows every figure a whole replication reports', (file) => {
    const scenario = load(file);
    const known = knownFigureKeys(scenario);
    expect(known).not.toBeNull();
    const whole = runLoadedReplication({ file, overrides: [], seed: scenario.run.seed }, scenario);
    const missing = Object.keys(whole.values).filter((k) => !known!.has(k));
    expect(missing).toEqual([]);
    // Products that have no part yet after 1 s are known too (the job shop's jobs start later).
    for (const p of scenario.products) expect(known!.has(`products.${p.id}.cycleTimeS`)).toBe(true);
  });
});

describe('checkFigureKeys', () => {
  const known = new Set([
    'kpis.wip',
    'kpis.throughputPerHour',
    'stations.oven.utilization',
    'stations.press.utilization',
  ]);

  it('accepts known figures and lets everything through when nothing is known', () => {
    expect(() => checkFigureKeys(['kpis.wip', 'stations.oven.utilization'], known, '--kpi')).not.toThrow();
    expect(() => checkFigureKeys(['kpis.anything'], null, '--kpi')).not.toThrow();
  });

  it('names the flag, the unknown figure and figures like it', () => {
    const message = (key: string) => {
      try {
        checkFigureKeys([key], known, '--objective');
      } catch (error) {
        expect(error).toBeInstanceOf(OverrideError);
        return (error as Error).message;
      }
      throw new Error(`${key} was accepted`);
    };
    // The same figure of other entities.
    expect(message('stations.ovn.utilization')).toMatch(
      /^--objective: unknown figure "stations\.ovn\.utilization".*stations\.oven\.utilization, stations\.press\.utilization/,
    );
    // Else the same entity's figures.
    expect(message('stations.oven.utilisation')).toMatch(/include stations\.oven\.utilization \(/);
    // Else the plant's.
    expect(message('robots.arm.speed')).toMatch(/include kpis\.wip, kpis\.throughputPerHour \(/);
  });
});
