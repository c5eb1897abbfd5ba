import { describe, expect, it } from 'vitest';
import { Container } from '../../src/engine/container.js';
import { InvalidArgumentError } from '../../src/engine/errors.js';
import { Simulation } from '../../src/engine/simulation.js';
import { Store } from '../../src/engine/store.js';

describe('Store: items with blocking put and get', () => {
  it('a get waits for an item; items come out first in, first out', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim);
    const log: [string, number][] = [];
    sim.process(function* () {
      for (let i = 0; i < 2; i++) log.push([(yield store.get()) as string, sim.now]);
    });
    sim.process(function* () {
      yield 2;
      yield store.put('p1');
      yield store.put('p2');
    });
    sim.run();
    expect(log).toEqual([
      ['p1', 2],
      ['p2', 2],
    ]);
  });

  it('a full store blocks the put until a get makes room', () => {
    const sim = new Simulation();
    const store = new Store<number>(sim, { capacity: 1 });
    const log: [string, number][] = [];
    sim.process(function* () {
      yield store.put(1);
      log.push(['put 1', sim.now]);
      yield store.put(2);
      log.push(['put 2', sim.now]);
    });
    sim.process(function* () {
      yield 5;
      yield store.get();
    });
    sim.run();
    expect(log).toEqual([
      ['put 1', 0],
      ['put 2', 5],
    ]);
    expect(store.items).toEqual([2]);
  });

  it('a priority store hands out the lowest key first, oldest among equals', () => {
    const sim = new Simulation();
    const store = new Store<{ id: string; due: number }>(sim, {
      discipline: 'priority',
      priorityOf: (p) => p.due,
    });
    for (const [id, due] of [
      ['a', 9],
      ['b', 3],
      ['c', 3],
      ['d', 1],
    ] as const)
      store.tryPut({ id, due });
    const out: string[] = [];
    for (let i = 0; i < 4; i++) out.push(store.tryGet()!.id);
    expect(out).toEqual(['d', 'b', 'c', 'a']);
  });

  it('a filtered get takes the first matching item and lets unfiltered gets behind it go first', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim);
    const got: string[] = [];
    sim.process(function* () {
      got.push(`blue-getter:${yield store.get((x) => x.startsWith('blue'))}@${sim.now}`);
    });
    sim.process(function* () {
      got.push(`any-getter:${yield store.get()}@${sim.now}`);
    });
    sim.schedule(1, () => store.put('red-1'));
    sim.schedule(2, () => store.put('blue-1'));
    sim.run();
    expect(got).toEqual(['any-getter:red-1@1', 'blue-getter:blue-1@2']);
  });

  it('a cancelled get leaves no trace', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim);
    const g = store.get();
    expect(store.waitingGets).toBe(1);
    expect(store.cancel(g)).toBe(true);
    expect(store.waitingGets).toBe(0);
    store.tryPut('x');
    expect(store.size).toBe(1);
  });

  it('rejects a bad capacity and a priority store without a key', () => {
    const sim = new Simulation();
    expect(() => new Store(sim, { capacity: 0 })).toThrow(InvalidArgumentError);
    expect(() => new Store(sim, { discipline: 'priority' })).toThrow(/needs a priorityOf/);
  });
});

describe('Container: a continuous level', () => {
  it('a get larger than the level waits for puts; puts wait for room', () => {
    const sim = new Simulation();
    const tank = new Container(sim, { capacity: 100, initial: 20 });
    const log: [string, number, number][] = [];
    sim.process(function* () {
      yield tank.get(50);
      log.push(['got 50', sim.now, tank.level]);
    });
    sim.process(function* () {
      yield 3;
      yield tank.put(40);
      log.push(['put 40', sim.now, tank.level]);
      yield tank.put(95);
      log.push(['put 95', sim.now, tank.level]);
    });
    sim.schedule(10, () => tank.get(5));
    sim.run();
    expect(log).toEqual([
      ['put 40', 3, 10],
      ['got 50', 3, 10],
      ['put 95', 10, 100],
    ]);
  });

  it('a large get is served before later small gets (no starvation)', () => {
    const sim = new Simulation();
    const tank = new Container(sim, { initial: 5 });
    const big = tank.get(10);
    const small = tank.get(1);
    expect(big.triggered).toBe(false);
    expect(small.triggered).toBe(false);
    tank.put(6);
    expect(big.triggered).toBe(true);
    expect(small.triggered).toBe(true);
    expect(tank.level).toBe(0);
  });

  it('rejects amounts outside (0, capacity]', () => {
    const sim = new Simulation();
    const tank = new Container(sim, { capacity: 10, name: 'tank' });
    expect(() => tank.put(0)).toThrow(
      /tank\.put: amount must be a finite number in \(0, capacity=10\] \(got 0\)/,
    );
    expect(() => tank.get(11)).toThrow(InvalidArgumentError);
    expect(() => new Container(sim, { capacity: 10, initial: 11 })).toThrow(/initial/);
  });
});
