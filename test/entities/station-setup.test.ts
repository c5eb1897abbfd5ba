import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { OrderSource, Plant, PlantStatistics, Sink, Station, setupFor } from '../../src/entities/index.js';
import { dispatchPolicy } from '../../src/policies/index.js';

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

describe('wildcard setups', () => {
  const table = {
    A: { B: c(1), '*': c(2) },
    '*': { B: c(3), '*': c(4) },
    C: { '*': c(5) },
    '+': {},
  };
  const time = (from: string | undefined, to: string) =>
    setupFor(table, from, to)?.sample({ next: () => 0.5 } as never);

  it('the most specific entry wins: exact pair, then from any to the product, then from the product to any, then any change', () => {
    expect(time('A', 'B')).toBe(1); // exact
    expect(time('C', 'B')).toBe(3); // '*' → B beats C → '*'
    expect(time('C', 'D')).toBe(5); // C → '*'
    expect(time('A', 'D')).toBe(2); // A → '*'
    expect(time('D', 'E')).toBe(4); // '*' → '*'
  });

  it('a product after itself, or a first part, never needs a setup, whatever the wildcards say', () => {
    expect(time('A', 'A')).toBeUndefined();
    expect(time('D', 'D')).toBeUndefined();
    expect(time(undefined, 'B')).toBeUndefined();
  });

  it('an inherited key is not an entry', () => {
    expect(setupFor({ A: { B: c(1) } }, 'constructor', 'B')).toBeUndefined();
    expect(setupFor({ A: { B: c(1) } }, 'A', 'toString')).toBeUndefined();
  });

  it('a station changes over by the wildcard entries', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    for (const id of ['A', 'B', 'C']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(10), B: c(10), C: c(10) },
      setupTimes: { '*': { A: c(5), '*': c(2) }, A: { '*': c(3) } },
    });
    const orders = ['A', 'A', 'B', 'C', 'A'].map((product, i) => ({
      releaseS: i * 0.001,
      product,
      quantity: 1,
    }));
    new OrderSource(plant, { id: 'o', orders });
    const setups: string[] = [];
    plant.events.on('setupStarted', (_st, _srv, from, to, t) => setups.push(`${from}>${to}@${t}`));
    plant.run();
    // A 0..10 · A 10..20 · A>B (A → '*') 3 s 20..23 · B 23..33 · B>C ('*' → '*') 2 s 33..35 · C 35..45 ·
    // C>A ('*' → A) 5 s 45..50 · A 50..60.
    expect(setups).toEqual(['A>B@20', 'B>C@33', 'C>A@45']);
    expect(sim.now).toBe(60);
  });
});

describe('setup-minimising dispatch', () => {
  /** Setups at a one-server station fed A, B, A, B, … at time 0 (each 10 s, any change 3 s) under `rule`. */
  function changes(dispatch: Parameters<typeof dispatchPolicy>[0]) {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    for (const id of ['A', 'B']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(10), B: c(10) },
      setupTimes: { '*': { '*': c(3) } },
      dispatch: dispatchPolicy(dispatch),
    });
    const orders = Array.from({ length: 8 }, (_, i) => ({
      releaseS: i * 0.001,
      product: i % 2 ? 'B' : 'A',
      quantity: 1,
    }));
    new OrderSource(plant, { id: 'o', orders });
    const seen: string[] = [];
    plant.events.on('setupStarted', (_st, _srv, from, to) => seen.push(`${from}>${to}`));
    plant.run();
    return { seen, end: sim.now };
  }

  it('same-product runs every A, then every B: one setup instead of seven', () => {
    expect(changes('fifo').seen).toHaveLength(7);
    expect(changes('same-product')).toEqual({ seen: ['A>B'], end: 83 });
  });

  it('campaign with maxRun 2 changes product after every second part (the server record counts the run)', () => {
    expect(changes({ rule: 'campaign', maxRun: 2 }).seen).toEqual(['A>B', 'B>A', 'A>B']);
  });
});
