import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import {
  ConwipSource,
  DeadlockError,
  Buffer as PartBuffer,
  Plant,
  Sink,
  Source,
  Station,
  ZeroTimeLoopError,
} from '../../src/entities/index.js';

/** A CONWIP loop through stations of zero process time: a part finishes and its successor is released at the same instant, for ever. */
function zeroLoop(): Plant {
  const plant = new Plant(new Simulation({ seed: 1 }));
  plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  const zero = new Constant({ value: 0 });
  new Station(plant, { id: 'A', processTimes: { p: zero } });
  new Station(plant, { id: 'B', processTimes: { p: zero } });
  new ConwipSource(plant, { id: 'release', wip: 1, products: ['p'] });
  return plant;
}

describe('zero-time loops (the clock stops moving)', () => {
  it('stop the run with a ZeroTimeLoopError naming the entities busy at that instant (a limit of 50,000)', () => {
    const plant = zeroLoop();
    let error: unknown;
    try {
      plant.run({ until: 3600, maxEventsPerInstant: 50_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZeroTimeLoopError);
    expect(error).toBeInstanceOf(DeadlockError);
    const z = error as ZeroTimeLoopError;
    expect(z.atS).toBe(0);
    expect(z.events).toBeGreaterThanOrEqual(50_000);
    expect(z.events).toBeLessThan(50_000 + 10_000);
    expect([...z.stuck].sort()).toEqual(expect.arrayContaining(['A', 'B', 'out', 'release']));
    expect(z.message).toMatch(
      /^Plant\.run: zero-time loop at 0 s — over 5\d,\d{3} events ran without the clock advancing/,
    );
    expect(z.message).toMatch(/entities busy at that instant: .*A/);
  });

  it('the default limit is 1,000,000 events at one instant, reached within seconds', () => {
    const started = Date.now();
    expect(() => zeroLoop().run({ until: 3600 })).toThrow(/over 1,0\d\d,\d{3} events ran/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects a maxEventsPerInstant that is not an integer >= 1', () => {
    expect(() => zeroLoop().run({ maxEventsPerInstant: 0 })).toThrow(
      /Plant\.run: maxEventsPerInstant must be an integer >= 1 \(got 0\)/,
    );
  });

  it('many events at one instant that end (5,000 parts released at once) are not a loop', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    plant.addProduct({ id: 'p', routing: ['A'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: new Constant({ value: 0 }) } });
    new Source(plant, { id: 's', product: 'p', interarrival: new Constant({ value: 0 }), count: 5_000 });
    const r = plant.run({ until: 10, maxEventsPerInstant: 100_000 });
    expect(r.events).toBeGreaterThanOrEqual(10_000);
    expect(plant.finished).toBe(5_000);
  });

  it('Plant.run in chunks runs exactly the events of one engine run', () => {
    const build = () => {
      const sim = new Simulation({ seed: 3 });
      const plant = new Plant(sim);
      plant.addProduct({ id: 'p', routing: ['A'], sink: 'out' });
      new Sink(plant, { id: 'out' });
      new Station(plant, { id: 'A', processTimes: { p: new Exponential({ mean: 0.9 }) } });
      new Source(plant, { id: 's', product: 'p', interarrival: new Exponential({ mean: 1 }) });
      return plant;
    };
    const a = build();
    const b = build();
    const ra = a.run({ until: 50_000 });
    const rb = b.sim.run({ until: 50_000 });
    expect(ra).toEqual(rb);
    expect(ra.events).toBeGreaterThan(10_000 * 5);
    expect(a.finished).toBe(b.finished);
    const c = build();
    expect(c.run({ until: 50_000, maxEvents: 12_345 }).events).toBe(12_345);
  });
});

describe('jams that can never resolve are deadlocks naming the station', () => {
  it('a batch that can never fill: the calendar empties with parts waiting; the message says why', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    plant.addProduct({ id: 'p', routing: ['oven'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'oven', processTimes: { p: new Constant({ value: 60 }) }, batch: { size: 10 } });
    new Source(plant, { id: 's', product: 'p', interarrival: new Constant({ value: 1 }), count: 3 });
    let error: unknown;
    try {
      plant.run({ until: 3600 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as DeadlockError).stuck).toContain('oven');
    expect((error as Error).message).toMatch(/station oven: batch of 10 can never fill: 3 part\(s\) waiting/);
  });

  it('a full input buffer whose parts can never form a batch stops the run at once, naming the station', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    for (const id of ['a', 'b']) plant.addProduct({ id, routing: ['oven'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'oven',
      input: new PartBuffer(plant, { id: 'rack', capacity: 4 }),
      processTimes: { a: new Constant({ value: 60 }), b: new Constant({ value: 60 }) },
      batch: { size: 4 },
    });
    new Source(plant, { id: 'sa', product: 'a', interarrival: new Constant({ value: 10 }), count: 2 });
    new Source(plant, { id: 'sb', product: 'b', interarrival: new Constant({ value: 10 }) });
    let error: unknown;
    try {
      plant.run({ until: 86_400 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as DeadlockError).stuck).toEqual(['oven', 'rack']);
    expect((error as Error).message).toMatch(
      /at oven — batch of 4 can never fill: 4 part\(s\) waiting \(2 a, 2 b\), and its input rack is full/,
    );
  });

  it('an assembly kit that can never complete: the message names the station and what is missing', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    plant.addProduct({ id: 'body', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'wheel', routing: ['assy'], sink: 'out' });
    plant.addProduct({ id: 'car', routing: ['assy'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'assy',
      processTimes: { car: new Constant({ value: 60 }) },
      assembly: { output: 'car', inputs: { body: 1, wheel: 4 } },
    });
    new Source(plant, { id: 'bodies', product: 'body', interarrival: new Constant({ value: 5 }), count: 1 });
    new Source(plant, { id: 'wheels', product: 'wheel', interarrival: new Constant({ value: 5 }), count: 3 });
    expect(() => plant.run({ until: 3600 })).toThrow(
      /station assy: kit of car can never complete: 4 part\(s\) waiting, missing 1 wheel/,
    );
  });
});
