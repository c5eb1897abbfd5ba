import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  CrewPool,
  OrderSource,
  type Part,
  Buffer as PartBuffer,
  Plant,
  PlantStatistics,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';
import { recordEvents } from './_support/log.js';

const c = (v: number) => new Constant({ value: v });

describe('Station', () => {
  it('a blocked machine holds its finished part until the buffer has room', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(1) } });
    const bq = new PartBuffer(plant, { id: 'bq', capacity: 1 });
    const b = new Station(plant, { id: 'B', input: bq, processTimes: { p: c(10) } });
    new OrderSource(plant, { id: 'orders', orders: [{ releaseS: 0, product: 'p', quantity: 3 }] });
    const a = plant.stations.get('A')!;
    plant.run({ until: 5 });
    // p1 on B (1..11), p2 in bq, p3 finished on A at 3 and held there.
    expect(a.serverState(0)).toBe('blocked');
    const held = a.partOn(0) as Part;
    expect(held.id).toBe(3);
    expect(held.steps[0]!.finishedS).toBe(3);
    expect(bq.level).toBe(1);
    plant.run({ until: 10.5 });
    expect(a.partOn(0)).toBe(held);
    plant.run({ until: 11.5 });
    expect(a.serverState(0)).toBe('idle');
    expect(held.location).toBe('bq');
    expect(held.steps[0]!.blockedS).toBe(8);
    expect(b.serverState(0)).toBe('busy');
    plant.run();
    expect(plant.finished).toBe(3);
  });

  it('a repair is counted as down: waiting for the crew and travel, then repair', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const crews = new CrewPool(plant, { id: 'crew', crews: [{ id: 'c1' }], travel: { fixedS: 1 } });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(1) },
      crews,
      failures: [{ name: 'f', basis: 'calendar', timeToFailure: c(5), timeToRepair: c(2) }],
    });
    const stats = new PlantStatistics(plant);
    plant.run({ until: 10 });
    const [d] = stats.stateDurations('M');
    // up 0..5, failed at 5, crew travels 5..6, repairs 6..8, up 8..10 (next failure at 13).
    expect(d).toEqual({
      busy: 0,
      idle: 7,
      blocked: 0,
      'down-waiting': 1,
      repair: 2,
      maintenance: 0,
      setup: 0,
      'waiting-operator': 0,
      handling: 0,
      'off-shift': 0,
    });
    const r = stats.report();
    expect(r.stations.M!.down).toBeCloseTo(0.3, 12);
    expect(r.stations.M!.failures).toBe(1);
    expect(r.stations.M!.mttrS).toBe(3);
    expect(r.crews['crew/c1']!.utilization).toBeCloseTo(0.3, 12);
  });

  it('a failure interrupts the part in process, which resumes with its remaining work after repair', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(10) },
      failures: [{ name: 'f', timeToFailure: c(4), timeToRepair: c(3) }],
    });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 1 }] });
    const done: number[] = [];
    plant.events.on('partFinished', (_p, _s, t) => done.push(t));
    plant.run({ until: 100 });
    // busy 0..4 (6 s owed), repair 4..7, busy 7..11 (2 s owed; next failure 4 s after the repair),
    // repair 11..14, busy 14..16: the 10 s of work are done exactly once.
    expect(done).toEqual([16]);
  });

  it('operating-basis failures do not advance while the server is idle', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(4) },
      failures: [{ name: 'wear', basis: 'operating', timeToFailure: c(10), timeToRepair: c(1) }],
    });
    new Source(plant, { id: 'src', product: 'p', interarrival: c(100) });
    const failures: number[] = [];
    plant.events.on('failed', (_st, _sv, _m, t) => failures.push(t));
    plant.run({ until: 1000 });
    // parts at 100, 200, 300: busy 4 + 4 + 2 → fails at 302; then again after 10 more busy seconds.
    expect(failures[0]).toBe(302);
    expect(failures[1]).toBe(504);
  });

  it('cycles-basis failures happen after every n parts', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(1) },
      failures: [{ name: 'tool', basis: 'cycles', cycles: 3, timeToRepair: c(5) }],
    });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 7 }] });
    const failures: number[] = [];
    plant.events.on('failed', (_st, _sv, _m, t) => failures.push(t));
    plant.run();
    expect(failures).toEqual([3, 11]);
    expect(plant.finished).toBe(7);
  });

  it('preventive maintenance stops the server after its part and is counted as maintenance', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(3) },
      maintenance: [{ name: 'pm', intervalS: 10, duration: c(2) }],
    });
    new Source(plant, { id: 'src', product: 'p', interarrival: c(3), firstAtS: 0 });
    const stats = new PlantStatistics(plant);
    const log = recordEvents(plant);
    plant.run({ until: 20 });
    const pm = log.filter((e) => e[0] === 'maintenanceStarted' || e[0] === 'maintenanceEnded');
    // due at 10 while busy with the part of 9..12: starts at 12, ends at 14; next due at 24.
    expect(pm).toEqual([
      ['maintenanceStarted', 'M', 0, 'pm', 12],
      ['maintenanceEnded', 'M', 0, 'pm', 14],
    ]);
    expect(stats.stateDurations('M')[0]!.maintenance).toBe(2);
  });

  it('a server that fails while blocked keeps its part and passes it on only after the repair', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    // A: 1 s per part, fails at 5 (calendar), repair 20 s. B: one slot, 10 s per part.
    const a = new Station(plant, {
      id: 'A',
      processTimes: { p: c(1) },
      failures: [{ name: 'f', timeToFailure: c(5), timeToRepair: c(20) }],
    });
    const bq = new PartBuffer(plant, { id: 'bq', capacity: 1 });
    new Station(plant, { id: 'B', input: bq, processTimes: { p: c(10) } });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 3 }] });
    const moves: [number, number][] = [];
    plant.events.on('partMoved', (part, from, _to, t) => {
      if (from === 'A/0') moves.push([part.id, t]);
    });
    plant.run({ until: 4 });
    expect(a.serverState(0)).toBe('blocked'); // p3 done at 3, bq holds p2
    plant.run({ until: 12 });
    // failed at 5 while blocked; at 11 B took p2 and freed bq, but a broken machine does not unload.
    expect(a.serverState(0)).toBe('repair');
    expect(a.partOn(0)?.id).toBe(3);
    expect(bq.level).toBe(0);
    plant.run({ until: 100 });
    expect(moves).toEqual([
      [1, 1],
      [2, 2],
      [3, 25],
    ]);
  });
});
