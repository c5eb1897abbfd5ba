import { describe, expect, it } from 'vitest';
import { type Distribution, Exponential, Simulation } from '../../../src/engine/index.js';
import { Plant, Sink, Source, Station } from '../../../src/entities/index.js';
import { StepTimes, type StepTimesSpec } from '../../../src/entities/station/step-times.js';

describe('step times (a station keeps per-step figures only over the steps done there)', () => {
  it('one value per product holds for every step', () => {
    const t = new StepTimes({ a: 5 });
    expect([t.get('a', 0), t.get('a', 7), t.get('b', 0)]).toEqual([5, 5, undefined]);
  });

  it('per-step values answer exactly as the full per-step array would', () => {
    const full: Record<string, (number | undefined)[]> = {
      a: [undefined, undefined, 3, undefined, 4, undefined],
      b: [undefined, 9],
      c: [1, 2],
    };
    const t = new StepTimes<number>({ ...full, d: 8 });
    for (const [product, steps] of Object.entries(full)) {
      for (let k = -1; k <= steps.length + 1; k++) expect(t.get(product, k)).toBe(steps[k]);
    }
    expect(t.get('d', 3)).toBe(8);
  });

  it('a sole product visiting once answers its step only', () => {
    const steps = new Array<number | undefined>(1000);
    steps[537] = 60;
    const t = new StepTimes({ part: steps });
    expect([t.get('part', 537), t.get('part', 536), t.get('part', 538), t.get('other', 537)]).toEqual([
      60,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('the steps from one on answer as the full per-step array would', () => {
    const full: (number | undefined)[] = [undefined, undefined, undefined, 7, undefined, 9, undefined];
    const t = new StepTimes<number>({ a: { fromStep: 2, steps: full.slice(2) }, b: full });
    for (let k = -1; k <= full.length + 1; k++) expect([k, t.get('a', k)]).toEqual([k, t.get('b', k)]);
    const sole = new StepTimes({ a: { fromStep: 500, steps: [undefined, 60, undefined] } });
    expect([sole.get('a', 501), sole.get('a', 500), sole.get('a', 502), sole.get('a', 1)]).toEqual([
      60,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('no product: empty', () => {
    expect(new StepTimes({}).empty).toBe(true);
    expect(new StepTimes({ a: [undefined] }).empty).toBe(false);
  });
});

describe('StepTimes.of (plants built from one plan share their tables)', () => {
  it('a frozen spec with frozen arrays gives the same table every time', () => {
    const spec = Object.freeze({ a: Object.freeze([undefined, 3]), b: 4 });
    expect(StepTimes.of(spec)).toBe(StepTimes.of(spec));
    expect(StepTimes.of(spec).get('a', 1)).toBe(3);
  });

  it('a spec that can still change gets a table of its own each time (no stale figures)', () => {
    const open = { a: 5 };
    const first = StepTimes.of(open);
    open.a = 6;
    expect(StepTimes.of(open)).not.toBe(first);
    expect(StepTimes.of(open).get('a', 0)).toBe(6);
    const openArray = Object.freeze({ a: [1, 2] });
    expect(StepTimes.of(openArray)).not.toBe(StepTimes.of(openArray));
    const openSteps = Object.freeze({ a: Object.freeze({ fromStep: 1, steps: [1, 2] }) });
    expect(StepTimes.of(openSteps)).not.toBe(StepTimes.of(openSteps));
    const frozenSteps = Object.freeze({ a: Object.freeze({ fromStep: 1, steps: Object.freeze([1, 2]) }) });
    expect(StepTimes.of(frozenSteps)).toBe(StepTimes.of(frozenSteps));
  });
});

describe('a station given per-step times from one step on', () => {
  it('runs as with the full per-step array, and a bad fromStep is an error naming the station', () => {
    const run = (times: StepTimesSpec<Distribution>) => {
      const sim = new Simulation({ seed: 3 });
      const plant = new Plant(sim);
      plant.addProduct({ id: 'p', routing: ['B', 'A', 'B', 'A'], sink: 'out' });
      new Sink(plant, { id: 'out' });
      new Station(plant, { id: 'A', processTimes: times });
      new Station(plant, { id: 'B', processTimes: { p: new Exponential({ mean: 2 }) } });
      new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 5 }) });
      const finished: number[] = [];
      plant.events.on('partFinished', (_part, _sink, t) => finished.push(t));
      plant.run({ until: 5_000 });
      return finished;
    };
    const first = new Exponential({ mean: 1 });
    const third = new Exponential({ mean: 1.5 });
    const full = run({ p: [undefined, first, undefined, third] });
    expect(full.length).toBeGreaterThan(100);
    expect(run({ p: { fromStep: 1, steps: [first, undefined, third] } })).toEqual(full);
    // Steps named from the wrong one on leave a step without a time: the part stops there with an error.
    expect(() => run({ p: { fromStep: 2, steps: [first, undefined, third] } })).toThrow(/no process time/);
    expect(() => run({ p: { fromStep: -1, steps: [first] } })).toThrow(
      'Station: processTimes.p.fromStep of A must be an integer >= 0 (got -1)',
    );
  });
});
