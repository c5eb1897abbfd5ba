import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { OrderSource, Plant, PlantStatistics, Sink, Station } from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

describe('sequence-dependent setups', () => {
  it('a two-product alternating sequence gives the hand-computed setups and setup time', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    for (const id of ['A', 'B']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(10), B: c(10) },
      setupTimes: { A: { B: c(3) }, B: { A: c(5) } },
    });
    const orders = ['A', 'B', 'A', 'B', 'A', 'B'].map((product, i) => ({
      releaseS: i * 0.001,
      product,
      quantity: 1,
    }));
    new OrderSource(plant, { id: 'o', orders });
    const stats = new PlantStatistics(plant);
    const setups: string[] = [];
    plant.events.on('setupStarted', (_st, _srv, from, to, t) => setups.push(`${from}>${to}@${t}`));
    plant.run();
    // A(0..10) · setup A>B 10..13 · B 13..23 · B>A 23..28 · A 28..38 · A>B 38..41 · B 41..51 · B>A 51..56 ·
    // A 56..66 · A>B 66..69 · B 69..79: 5 setups, 3+5+3+5+3 = 19 s of setup, 60 s of work, done at 79 s.
    expect(setups).toEqual(['A>B@10', 'B>A@23', 'A>B@38', 'B>A@51', 'A>B@66']);
    expect(sim.now).toBe(79);
    const [d] = stats.stateDurations('M');
    expect(d!.setup).toBeCloseTo(19, 9);
    expect(d!.busy).toBeCloseTo(60, 9);
  });

  it('no setup for the same product, for a pair not in the table, or for the first part', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    for (const id of ['A', 'B', 'C']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(1), B: c(1), C: c(1) },
      setupTimes: { B: { A: c(7) } },
    });
    new OrderSource(plant, {
      id: 'o',
      orders: ['B', 'B', 'C', 'A'].map((product) => ({ releaseS: 0, product, quantity: 1 })),
    });
    let n = 0;
    plant.events.on('setupStarted', () => n++);
    plant.run();
    expect(n).toBe(0);
    expect(sim.now).toBe(4);
  });
});
