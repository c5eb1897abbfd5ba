import { describe, expect, it } from 'vitest';
import { Exponential, Simulation } from '../../src/engine/index.js';
import { Buffer as PartBuffer, Plant, Sink, Source, Station } from '../../src/entities/index.js';

describe('entity indices', () => {
  it("station and buffer events end with the entity's position in plant.stations / plant.buffers", () => {
    const plant = new Plant(new Simulation({ seed: 7 }));
    plant.addProduct({ id: 'p', routing: ['A', 'B', 'C'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    // A makes its own queue after registering itself; B's input exists before B; C shares nothing.
    const a = new Station(plant, { id: 'A', processTimes: { p: new Exponential({ mean: 1 }) } });
    const bIn = new PartBuffer(plant, { id: 'B/in', capacity: 1 });
    const b = new Station(plant, {
      id: 'B',
      input: bIn,
      servers: 2,
      processTimes: { p: new Exponential({ mean: 2 }) },
    });
    const c = new Station(plant, { id: 'C', processTimes: { p: new Exponential({ mean: 1 }) } });
    new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 1 }) });
    const stations = [...plant.stations.keys()];
    const buffers = [...plant.buffers.keys()];
    expect([a.index, b.index, c.index]).toEqual([0, 1, 2]);
    expect([a.input.index, bIn.index, c.input.index]).toEqual([0, 1, 2]);
    expect(buffers).toEqual(['A/queue', 'B/in', 'C/queue']);
    const seen = { stations: 0, buffers: 0 };
    const station = (id: string, index: number): void => {
      expect(index).toBe(stations.indexOf(id));
      seen.stations++;
    };
    plant.events.on('processStarted', (_p, id, _s, _t, index) => station(id, index));
    plant.events.on('processFinished', (_p, id, _s, _t, index) => station(id, index));
    plant.events.on('serverStateChanged', (id, _s, _f, _to, _t, index) => station(id, index));
    plant.events.on('bufferLevelChanged', (id, _level, _t, index) => {
      expect(index).toBe(buffers.indexOf(id));
      seen.buffers++;
    });
    plant.run({ until: 200 });
    expect(seen.stations).toBeGreaterThan(300);
    expect(seen.buffers).toBeGreaterThan(300);
  });
});
