import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runScenario, runScenarioObserved } from '../../src/report/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const loaded = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'demo-factory.yaml'));
if (!loaded.ok) throw new Error('demo-factory.yaml should load');
const options = { replications: 2, horizon: 12 * 3600, warmup: 2 * 3600 };

// About 2 s: two short runs of the demo factory.
describe('observing a run (the HTML report time series)', () => {
  const observed = runScenarioObserved(loaded.scenario, options);
  const obs = observed.observations;

  test('observing adds no event and changes no figure', () => {
    expect(observed.result).toEqual(runScenario(loaded.scenario, options));
  });

  test('samples every horizon / 300 from 0 to the end, each buffer with one level per sample', () => {
    expect(obs.timesS).toHaveLength(301);
    expect(obs.timesS[0]).toBe(0);
    expect(obs.timesS.at(-1)).toBeCloseTo(12 * 3600, 6);
    for (const levels of Object.values(obs.bufferLevels)) expect(levels).toHaveLength(301);
    expect(Object.keys(obs.bufferLevels).length).toBeGreaterThan(2);
  });

  test('finished parts never decrease; WIP is never negative', () => {
    for (let i = 1; i < obs.finished.length; i++)
      expect(obs.finished[i]).toBeGreaterThanOrEqual(obs.finished[i - 1]!);
    expect(Math.min(...obs.wip)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...obs.wip)).toBeGreaterThan(0);
  });

  test('one cycle time per part finished after the warm-up (the statistics count the same parts)', () => {
    const first = runScenario(loaded.scenario, { ...options, replications: 1 });
    expect(obs.cycleTimesS.length).toBe(first.kpis.finished.mean);
    const mean = obs.cycleTimesS.reduce((a, b) => a + b, 0) / obs.cycleTimesS.length;
    expect(mean).toBeCloseTo(first.kpis.cycleTimeS.mean, 6);
  });

  test('active periods lie within the run, in order, without overlap, for every station', () => {
    expect(Object.keys(obs.activePeriods).sort()).toEqual(Object.keys(observed.result.stations).sort());
    for (const periods of Object.values(obs.activePeriods)) {
      periods.forEach((p, i) => {
        expect(p.endS).toBeGreaterThan(p.startS);
        expect(p.endS).toBeLessThanOrEqual(obs.endS);
        if (i > 0) expect(p.startS).toBeGreaterThanOrEqual(periods[i - 1]!.endS);
      });
    }
  });
});
