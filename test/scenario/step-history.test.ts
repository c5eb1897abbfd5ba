import { describe, expect, it } from 'vitest';
import { buildPlant, loadScenario, loadScenarioFile } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** A line of `n` exponential stations behind buffers of 1, fed faster than it can work: it blocks. */
function blockingLine(n: number): Scenario {
  const ids = Array.from({ length: n }, (_, i) => `s${i + 1}`);
  const text = JSON.stringify({
    name: 'blocking line',
    run: { horizon: '2d', warmup: '4h', replications: 1, seed: 11 },
    products: [
      {
        id: 'p',
        routing: ids.map((station) => ({ station, processTime: { exponential: { mean: '1min' } } })),
      },
    ],
    sources: [{ id: 'in', product: 'p', interarrival: { exponential: { mean: '55s' } } }],
    buffers: ids.slice(1).map((id) => ({ id: `b-${id}`, capacity: 1 })),
    stations: ids.map((id, i) => (i === 0 ? { id } : { id, input: `b-${id}` })),
    sinks: [{ id: 'out' }],
  });
  const loaded = loadScenario(text, { fileName: 'line.json' });
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  return loaded.scenario;
}

/** The statistics report and the blocked seconds of every finished part, with or without step history. */
function run(scenario: Scenario, stepHistory: boolean) {
  const model = buildPlant(scenario, scenario.run.seed, { stepHistory });
  const blocked: number[] = [];
  model.plant.events.on('partFinished', (part) => blocked.push(part.blockedS));
  model.plant.run({ until: scenario.run.horizon });
  return { report: model.statistics!.report(), blocked };
}

// About 3 s.
describe('step history', () => {
  it('keeping only the current visit of each part (one record written over at each visit) changes no figure', () => {
    const scenarios = [
      blockingLine(12),
      ...['serial-line', 'demo-factory', 'electronics'].map((name) => {
        const loaded = loadScenarioFile(`scenarios/${name}.yaml`);
        if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
        return loaded.scenario;
      }),
    ];
    for (const scenario of scenarios) {
      const kept = run(scenario, true);
      const current = run(scenario, false);
      expect(current.blocked.length).toBeGreaterThan(0);
      expect(current).toEqual(kept);
    }
    expect(run(scenarios[0]!, false).blocked.some((s) => s > 0)).toBe(true);
  });

  it('without history a part holds one visit record, the same at every visit, naming the station it is at', () => {
    const scenario = blockingLine(6);
    const model = buildPlant(scenario, scenario.run.seed, { stepHistory: false });
    const records = new Map<number, unknown>();
    let checked = 0;
    model.plant.events.on('processStarted', (part, station, _server, now) => {
      expect(part.steps.length).toBe(1);
      const rec = part.steps[0]!;
      expect(rec.station).toBe(station);
      expect(rec.startedS).toBe(now);
      expect(rec.finishedS).toBeNaN();
      if (!records.has(part.id)) records.set(part.id, rec);
      expect(rec).toBe(records.get(part.id));
      checked++;
    });
    model.plant.run({ until: 86_400 });
    expect(checked).toBeGreaterThan(1000);
  });
});
