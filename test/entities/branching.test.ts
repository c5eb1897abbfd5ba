import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { type Branch, branchTarget, Plant, Sink, Source, Station } from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

/** Visits per station of `n` parts of a product routed A → B → C with these branches. */
function visits(branches: readonly (readonly Branch[] | undefined)[], n: number, seed = 1) {
  const sim = new Simulation({ seed });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['A', 'B', 'C'], sink: 'out', branches });
  const sink = new Sink(plant, { id: 'out' });
  for (const id of ['A', 'B', 'C']) new Station(plant, { id, processTimes: { p: c(1) } });
  new Source(plant, { id: 'src', product: 'p', interarrival: c(10), count: n });
  const count: Record<string, number> = { A: 0, B: 0, C: 0 };
  plant.events.on('processStarted', (_part, st) => {
    count[st] = (count[st] ?? 0) + 1;
  });
  plant.run();
  return { count, finished: sink.count };
}

describe('probabilistic branching after a routing step', () => {
  it('branches take consecutive slices of [0, 1) in the order listed; the rest continues to the next step', () => {
    const bs: Branch[] = [
      { toStep: 3, p: 0.2 },
      { toStep: 0, p: 0.3 },
    ];
    expect(branchTarget(bs, 1, 0)).toBe(3);
    expect(branchTarget(bs, 1, 0.199)).toBe(3);
    expect(branchTarget(bs, 1, 0.2)).toBe(0);
    expect(branchTarget(bs, 1, 0.49)).toBe(0);
    expect(branchTarget(bs, 1, 0.5)).toBe(2);
  });

  it('an optional operation skipped with p = 0.3 is visited by about 70 % of the parts (binomial 99.9 % bounds)', () => {
    const n = 4000;
    const { count, finished } = visits([[{ toStep: 2, p: 0.3 }]], n);
    expect(finished).toBe(n);
    expect(count.A).toBe(n);
    expect(count.C).toBe(n);
    const sd = Math.sqrt(n * 0.7 * 0.3);
    expect(Math.abs(count.B! - 0.7 * n)).toBeLessThan(3.3 * sd);
  });

  it('a rework loop back with p = 0.5 gives a geometric number of visits: mean 2 per part', () => {
    const n = 4000;
    const { count, finished } = visits([undefined, [{ toStep: 0, p: 0.5 }]], n);
    expect(finished).toBe(n);
    expect(count.A).toBe(count.B);
    // visits per part: geometric, mean 2, variance 2.
    expect(Math.abs(count.A! / n - 2)).toBeLessThan(3.3 * Math.sqrt(2 / n));
  });

  it('a branch to routing.length sends the part to the sink at once; p = 1 always branches', () => {
    const { count, finished } = visits([[{ toStep: 3, p: 1 }]], 50);
    expect(count).toEqual({ A: 50, B: 0, C: 0 });
    expect(finished).toBe(50);
  });

  it('the same seed gives the same visits; branches draw from their own stream only', () => {
    expect(visits([[{ toStep: 2, p: 0.5 }]], 300, 7)).toEqual(visits([[{ toStep: 2, p: 0.5 }]], 300, 7));
  });

  it('Plant.addProduct rejects a bad target, a bad probability, a duplicate target, a sum above 1', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    let n = 0;
    const add = (branches: readonly (readonly Branch[] | undefined)[]) => () =>
      plant.addProduct({ id: `p${n++}`, routing: ['A', 'B'], sink: 'out', branches });
    expect(add([[{ toStep: 3, p: 0.1 }]])).toThrow('goes to step 3 (expected 0 … 2)');
    expect(add([[{ toStep: 1, p: 0 }]])).toThrow('must be in (0, 1] (got 0)');
    expect(add([[{ toStep: 1, p: 1.5 }]])).toThrow('must be in (0, 1] (got 1.5)');
    expect(
      add([
        [
          { toStep: 2, p: 0.1 },
          { toStep: 2, p: 0.2 },
        ],
      ]),
    ).toThrow('two branches after step 0');
    expect(
      add([
        [
          { toStep: 2, p: 0.6 },
          { toStep: 0, p: 0.5 },
        ],
      ]),
    ).toThrow('sum to 1.1 (at most 1)');
    expect(
      add([
        [
          { toStep: 2, p: 0.1 },
          { toStep: 0, p: 0.2 },
          { toStep: 1, p: 0.7 },
        ],
      ]),
    ).not.toThrow();
  });
});
