import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import { OrderSource, Plant, PlantStatistics, Sink, Source, Station } from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

function oven(batch: { size: number; maxWaitS?: number }, releases: number[]) {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['oven'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, { id: 'oven', processTimes: { p: c(100) }, batch });
  new OrderSource(plant, {
    id: 'o',
    orders: releases.map((releaseS) => ({ releaseS, product: 'p', quantity: 1 })),
  });
  const starts: string[] = [];
  const done: number[] = [];
  plant.events.on('processStarted', (part, _st, _srv, t) => starts.push(`${part.id}@${t}`));
  plant.events.on('partFinished', (_p, _s, t) => done.push(t));
  return { sim, plant, starts, done };
}

describe('batch station (oven)', () => {
  it('waits for a full batch, then processes k parts in one process time', () => {
    const m = oven({ size: 3 }, [0, 10, 20, 30, 40, 50]);
    m.plant.run();
    // Batch 1 (parts 1–3) starts when the third arrives at 20, ends 120; batch 2 (4–6) full since 50, starts 120.
    expect(m.starts).toEqual(['1@20', '2@20', '3@20', '4@120', '5@120', '6@120']);
    expect(m.done).toEqual([120, 120, 120, 220, 220, 220]);
  });

  it('starts a partial batch when its oldest part has waited maxWait', () => {
    const m = oven({ size: 3, maxWaitS: 15 }, [0, 10, 100]);
    m.plant.run();
    // Parts 1, 2 start at 0 + 15 = 15 (partial), end 115; part 3 (queued at 100) starts at max(115, 115).
    expect(m.starts).toEqual(['1@15', '2@15', '3@115']);
    expect(m.done).toEqual([115, 115, 215]);
  });

  it('without maxWait an incomplete last batch never starts: the run reports a deadlock', () => {
    const m = oven({ size: 3 }, [0, 10]);
    expect(() => m.plant.run()).toThrow(/deadlock/);
  });
});

describe('assembly station', () => {
  function carPlant(seed: number, bodyMean: number, wheelMean: number) {
    const sim = new Simulation({ seed });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'body', routing: ['paint', 'assy'], sink: 'out' });
    plant.addProduct({ id: 'wheel', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'car', routing: ['assy', 'test'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'paint', processTimes: { body: c(5) } });
    new Station(plant, {
      id: 'assy',
      processTimes: { car: c(8) },
      assembly: { output: 'car', inputs: { body: 1, wheel: 4 } },
    });
    new Station(plant, { id: 'test', processTimes: { car: c(2) } });
    new Source(plant, { id: 'bodies', product: 'body', interarrival: new Exponential({ mean: bodyMean }) });
    new Source(plant, { id: 'wheels', product: 'wheel', interarrival: new Exponential({ mean: wheelMean }) });
    return { sim, plant };
  }

  it('1 body + 4 wheels → 1 car, hand-computed', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'body', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'wheel', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'car', routing: ['assy'], sink: 'cars' });
    new Sink(plant, { id: 'out' });
    const cars = new Sink(plant, { id: 'cars' });
    new Station(plant, {
      id: 'assy',
      processTimes: { car: c(8) },
      assembly: { output: 'car', inputs: { body: 1, wheel: 4 } },
    });
    new OrderSource(plant, {
      id: 'o',
      orders: [
        { releaseS: 0, product: 'wheel', quantity: 6 },
        { releaseS: 3, product: 'body', quantity: 2 },
        { releaseS: 20, product: 'wheel', quantity: 2 },
      ],
    });
    const made: string[] = [];
    plant.events.on('partFinished', (p, _s, t) => made.push(`${p.product}@${t} released ${p.releaseS}`));
    plant.run();
    // Kit 1 complete at 3 (body) → car at 11; kit 2 needs wheels 5–8, complete at 20 → car at 28.
    expect(made).toEqual(['car@11 released 0', 'car@28 released 0']);
    expect(cars.count).toBe(2);
    expect(plant.consumed).toBe(10);
    expect(plant.assembled).toBe(2);
    expect(plant.inSystem).toBe(0);
  });

  it('property: parts are conserved (released + assembled = finished + consumed + in system), WIP consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const { plant } = carPlant(seed, 12, 3);
        const stats = new PlantStatistics(plant);
        plant.run({ until: 5000 });
        expect(plant.released + plant.assembled).toBe(
          plant.finished + plant.consumed + plant.scrapped + plant.inSystem,
        );
        expect(plant.consumed).toBe(5 * plant.assembled);
        const r = stats.report();
        expect(r.wip.max).toBeGreaterThanOrEqual(plant.inSystem);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a part its bill of materials does not use', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'bolt', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'car', routing: ['assy'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'assy',
      processTimes: { car: c(8) },
      assembly: { output: 'car', inputs: { body: 1 } },
    });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'bolt', quantity: 1 }] });
    expect(() => plant.run()).toThrow(/bill of materials does not use it/);
  });
});
