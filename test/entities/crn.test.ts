import { describe, expect, it } from 'vitest';
import { Exponential, Simulation } from '../../src/engine/index.js';
import { Plant, Sink, Source, Station } from '../../src/entities/index.js';

function failureTimes(bProcessMeanS: number, bFailures: boolean): number[] {
  const sim = new Simulation({ seed: 7 });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, {
    id: 'A',
    processTimes: { p: new Exponential({ mean: 1 }) },
    failures: [
      {
        name: 'f',
        timeToFailure: new Exponential({ mean: 50 }),
        timeToRepair: new Exponential({ mean: 5 }),
      },
    ],
  });
  new Station(plant, {
    id: 'B',
    processTimes: { p: new Exponential({ mean: bProcessMeanS }) },
    failures: bFailures
      ? [
          {
            name: 'f',
            timeToFailure: new Exponential({ mean: 30 }),
            timeToRepair: new Exponential({ mean: 3 }),
          },
        ]
      : [],
  });
  new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 2 }) });
  const out: number[] = [];
  plant.events.on('failed', (station, _server, _mode, t) => {
    if (station === 'A') out.push(t);
  });
  plant.run({ until: 5_000 });
  return out;
}

describe('common random numbers', () => {
  it("changing one station's parameters does not change another station's failure times", () => {
    const base = failureTimes(1.5, false);
    expect(base.length).toBeGreaterThan(20);
    expect(failureTimes(1.9, true)).toEqual(base);
    expect(failureTimes(0.5, true)).toEqual(base);
  });
});
