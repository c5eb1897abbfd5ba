import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  ConwipSource,
  DeadlockError,
  Buffer as PartBuffer,
  Plant,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';

describe('deadlock detection', () => {
  it('a loop of full buffers stops the run with an error naming the stuck entities', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    // A → B → A → B … (rework loop) with one-slot buffers and more parts than places.
    plant.addProduct({ id: 'p', routing: ['A', 'B', 'A', 'B', 'A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const one = new Constant({ value: 1 });
    new Station(plant, {
      id: 'A',
      input: new PartBuffer(plant, { id: 'qa', capacity: 1 }),
      processTimes: { p: one },
    });
    new Station(plant, {
      id: 'B',
      input: new PartBuffer(plant, { id: 'qb', capacity: 1 }),
      processTimes: { p: one },
    });
    new ConwipSource(plant, { id: 'release', wip: 6, products: ['p'] });
    let error: unknown;
    try {
      plant.run({ until: 1_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeadlockError);
    const d = error as DeadlockError;
    expect(d.code).toBe('DEADLOCK');
    expect(d.fatal).toBe(true);
    expect([...d.stuck].sort()).toEqual(['A/0', 'B/0', 'qa', 'qb']);
    expect(d.message).toMatch(/qa/);
  });

  it('an empty calendar with parts still in the system is a deadlock naming who holds them', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    // A part released by hand and never handed on: no event can ever move it.
    new Station(plant, { id: 'A', processTimes: { p: new Constant({ value: 1 }) } });
    const part = plant.release('p', 'manual');
    expect(part.location).toBe('manual');
    expect(() => plant.run()).toThrow(DeadlockError);
    expect(() => plant.run()).toThrow(/held by manual/);
  });
});

describe('deadlock detection while the calendar stays busy', () => {
  it('a loop closed by a source filling the last free slot is reported, not left to hang', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B', 'A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const one = new Constant({ value: 1 });
    new Station(plant, {
      id: 'A',
      input: new PartBuffer(plant, { id: 'qa', capacity: 1 }),
      processTimes: { p: one },
    });
    new Station(plant, {
      id: 'B',
      input: new PartBuffer(plant, { id: 'qb', capacity: 1 }),
      processTimes: { p: one },
    });
    // An endless source keeps the calendar busy forever: only the cycle check can stop this run.
    new Source(plant, { id: 'src', product: 'p', interarrival: new Constant({ value: 0.25 }) });
    expect(() => plant.run({ until: 10_000 })).toThrow(DeadlockError);
    expect(sim.now).toBeLessThan(100);
  });
});
