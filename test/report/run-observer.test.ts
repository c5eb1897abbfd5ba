import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  observeRun,
  type RunSampler,
  recordSchedule,
  runScenario,
  runScenarioObserved,
  type ScheduleRecorder,
} from '../../src/report/index.js';
import { type BuiltModel, loadScenarioFile } from '../../src/scenario/index.js';

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
        // A gap of no time (the next part taken at the instant the last one left) does not end a period.
        if (i > 0) expect(p.startS).toBeGreaterThan(periods[i - 1]!.endS);
      });
    }
  });

  test('a station working back to back has one active period for many parts (the active-period method needs them whole)', () => {
    const line = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'serial-line.yaml'));
    if (!line.ok) throw new Error('serial-line.yaml should load');
    const { observations, result } = runScenarioObserved(line.scenario, {
      replications: 1,
      horizon: 2 * 86_400,
    });
    const busiest = Object.entries(result.stations).sort(
      (a, b) => b[1].utilization.mean - a[1].utilization.mean,
    )[0]!;
    const periods = observations.activePeriods[busiest[0]]!;
    const operations = observations.schedule.filter(
      (r) => r.kind === 'operation' && r.station === busiest[0],
    );
    expect(busiest[1].utilization.mean).toBeGreaterThan(0.7);
    expect(periods.length).toBeLessThan(operations.length / 3);
  });

  test('scheduleUntilS keeps the rows that start before it, the same as the whole schedule has, and drops the rest as they come', () => {
    const untilS = 3 * 3600;
    let model: BuiltModel | undefined;
    let sampler: RunSampler | undefined;
    let whole: ScheduleRecorder | undefined;
    runScenario(loaded.scenario, {
      ...options,
      replications: 1,
      onModel: (m) => {
        model = m;
        sampler = observeRun(m.plant, { stepS: 600, warmupS: 0, scheduleUntilS: untilS });
        whole = recordSchedule(m.plant);
      },
    });
    const kept = sampler!.finish(model!.sim.now).schedule;
    const all = whole!.rows();
    expect(kept).toEqual(all.filter((r) => !(r.startedS >= untilS)));
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(all.length / 2);
    expect(() => observeRun(model!.plant, { stepS: 600, warmupS: 0, scheduleUntilS: -1 })).toThrow(
      /observeRun: scheduleUntilS must be >= 0 s \(got -1\)/,
    );
  });
});
