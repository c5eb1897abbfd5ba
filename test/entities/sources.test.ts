import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation, scheduleWarmup } from '../../src/engine/index.js';
import {
  ConwipSource,
  OrderSource,
  Buffer as PartBuffer,
  Plant,
  PlantStatistics,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

describe('sources and sinks', () => {
  it('a source releases count parts at its interarrival times, and parts carry per-step timestamps', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
    const sink = new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(2) } });
    new Station(plant, { id: 'B', processTimes: { p: c(3) } });
    const src = new Source(plant, { id: 'src', product: 'p', interarrival: c(5), count: 3, dueInS: 9 });
    const parts: import('../../src/entities/index.js').Part[] = [];
    plant.events.on('partFinished', (p) => parts.push(p));
    plant.run();
    expect(src.released).toBe(3);
    expect(sink.count).toBe(3);
    const p = parts[0]!;
    expect(p.releaseS).toBe(5);
    expect(p.dueS).toBe(14);
    expect(p.steps).toEqual([
      { station: 'A', queuedS: 5, startedS: 5, finishedS: 7, blockedS: 0 },
      { station: 'B', queuedS: 7, startedS: 7, finishedS: 10, blockedS: 0 },
    ]);
    expect(p.finishedS).toBe(10);
    expect(p.location).toBe('out');
  });

  it('an order list releases each order at its time, and lateness is reported', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(4) } });
    const stats = new PlantStatistics(plant);
    new OrderSource(plant, {
      id: 'orders',
      orders: [
        { releaseS: 10, product: 'p', quantity: 2, dueS: 15 },
        { releaseS: 0, product: 'p', quantity: 1, dueS: 100 },
      ],
    });
    plant.run();
    const r = stats.report();
    // 0..4 (on time), 10..14 (on time), 14..18 (3 s late)
    expect(r.finished).toBe(3);
    expect(r.onTimeFraction).toBeCloseTo(2 / 3, 12);
    expect(r.meanTardinessS).toBeCloseTo(1, 12);
  });

  it('CONWIP keeps exactly wip parts in the system', () => {
    const sim = new Simulation({ seed: 3 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: new Exponential({ mean: 1 }) } });
    new Station(plant, {
      id: 'B',
      input: new PartBuffer(plant, { id: 'qb', capacity: 2 }),
      processTimes: { p: new Exponential({ mean: 1.2 }) },
    });
    new ConwipSource(plant, { id: 'conwip', wip: 5, products: ['p'] });
    const stats = new PlantStatistics(plant);
    const levels = new Set<number>();
    plant.events.on('partFinished', () => levels.add(plant.inSystem));
    for (let t = 100; t <= 2_000; t += 100) {
      plant.run({ until: t });
      expect(plant.inSystem).toBe(5);
    }
    expect(levels).toEqual(new Set([5]));
    expect(stats.report().wip.mean).toBeCloseTo(5, 6);
  });

  it('warm-up reset discards what was observed before it and keeps the levels', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(1) } });
    new Source(plant, { id: 'src', product: 'p', interarrival: c(2), firstAtS: 0 });
    const stats = new PlantStatistics(plant);
    scheduleWarmup(sim, 100, [stats]);
    plant.run({ until: 200 });
    const r = stats.report();
    expect(r.elapsedS).toBe(100);
    expect(r.finished).toBe(50);
    expect(r.throughputPerHour).toBeCloseTo(1800, 9);
    expect(r.stations.A!.utilization).toBeCloseTo(0.5, 12);
    expect(r.cycleTimeS.mean).toBe(1);
  });
});
