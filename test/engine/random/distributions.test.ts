import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Bernoulli,
  Constant,
  DiscreteChoice,
  type Distribution,
  dist,
  Empirical,
  Erlang,
  Exponential,
  Gamma,
  Lognormal,
  Normal,
  Pert,
  PiecewiseEmpirical,
  RandomStream,
  Triangular,
  Uniform,
  Weibull,
} from '../../../src/engine/random/index.js';

const rng = (seed = 'seed') => new RandomStream('test', seed);
const near = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('distribution descriptions', () => {
  it.each([
    [new Constant({ value: 5 }), 'constant', 'constant(value=5)'],
    [new Uniform({ min: 1, max: 3 }), 'uniform', 'uniform(min=1, max=3)'],
    [new Triangular({ min: 1, mode: 2, max: 4 }), 'triangular', 'triangular(min=1, mode=2, max=4)'],
    [new Exponential({ mean: 2 }), 'exponential', 'exponential(mean=2)'],
    [new Erlang({ k: 3, mean: 6 }), 'erlang', 'erlang(k=3, mean=6)'],
    [new Gamma({ shape: 2, scale: 1.5 }), 'gamma', 'gamma(shape=2, scale=1.5)'],
    [new Normal({ mean: 10, sd: 2 }), 'normal', 'normal(mean=10, sd=2)'],
    [
      new Normal({ mean: 10, sd: 2, truncateAtZero: true }),
      'normal',
      'normal(mean=10, sd=2, truncateAtZero)',
    ],
    [new Lognormal({ mean: 10, cv: 0.5 }), 'lognormal', 'lognormal(mean=10, cv=0.5)'],
    [new Weibull({ shape: 1.5, scale: 100 }), 'weibull', 'weibull(shape=1.5, scale=100)'],
    [new Pert({ min: 1, mode: 2, max: 6 }), 'pert', 'pert(min=1, mode=2, max=6)'],
    [new Empirical({ values: [1, 2, 3] }), 'empirical', 'empirical(n=3, mean=2)'],
    [
      new PiecewiseEmpirical({ samples: [9, 1, 5] }),
      'piecewise-empirical',
      'piecewise-empirical(n=3, min=1, max=9)',
    ],
    [new DiscreteChoice({ items: ['a', 'b', 'c'] }), 'discrete-choice', 'discrete-choice(n=3)'],
    [new Bernoulli({ p: 0.1 }), 'bernoulli', 'bernoulli(p=0.1)'],
  ] as [Distribution, string, string][])('%s has kind %s and describes itself as %s', (d, kind, text) => {
    expect(d.kind).toBe(kind);
    expect(d.toString()).toBe(text);
    expect(String(d)).toBe(text);
  });
});

describe('dist factory', () => {
  it('builds the same distribution as the class, one function per kind', () => {
    const pairs: [Distribution, Distribution][] = [
      [dist.constant({ value: 1 }), new Constant({ value: 1 })],
      [dist.uniform({ min: 0, max: 1 }), new Uniform({ min: 0, max: 1 })],
      [dist.triangular({ min: 0, mode: 1, max: 3 }), new Triangular({ min: 0, mode: 1, max: 3 })],
      [dist.exponential({ mean: 2 }), new Exponential({ mean: 2 })],
      [dist.erlang({ k: 2, mean: 2 }), new Erlang({ k: 2, mean: 2 })],
      [dist.gamma({ shape: 0.5, scale: 2 }), new Gamma({ shape: 0.5, scale: 2 })],
      [
        dist.normal({ mean: 1, sd: 2, truncateAtZero: true }),
        new Normal({ mean: 1, sd: 2, truncateAtZero: true }),
      ],
      [dist.lognormal({ mean: 1, cv: 0.3 }), new Lognormal({ mean: 1, cv: 0.3 })],
      [dist.lognormalFromLogParams({ mu: 0, sigma: 1 }), Lognormal.fromLogParams({ mu: 0, sigma: 1 })],
      [dist.weibull({ shape: 2, scale: 3 }), new Weibull({ shape: 2, scale: 3 })],
      [dist.pert({ min: 0, mode: 1, max: 3 }), new Pert({ min: 0, mode: 1, max: 3 })],
      [
        dist.empirical({ values: [1, 2], weights: [1, 3] }),
        new Empirical({ values: [1, 2], weights: [1, 3] }),
      ],
      [dist.piecewiseEmpirical({ samples: [1, 2, 4] }), new PiecewiseEmpirical({ samples: [1, 2, 4] })],
      [dist.discreteChoice({ items: [1, 2] }), new DiscreteChoice({ items: [1, 2] })],
      [dist.bernoulli({ p: 0.3 }), new Bernoulli({ p: 0.3 })],
    ];
    for (const [a, b] of pairs) {
      expect(a.constructor).toBe(b.constructor);
      expect(String(a)).toBe(String(b));
      const ra = rng();
      const rb = rng();
      expect(Array.from({ length: 20 }, () => a.sample(ra))).toEqual(
        Array.from({ length: 20 }, () => b.sample(rb)),
      );
    }
  });
});

describe('draw usage (common random numbers)', () => {
  const oneDraw: Distribution[] = [
    new Uniform({ min: 0, max: 1 }),
    new Triangular({ min: 0, mode: 1, max: 3 }),
    new Exponential({ mean: 2 }),
    new Normal({ mean: 1, sd: 1 }),
    new Normal({ mean: 1, sd: 1, truncateAtZero: true }),
    new Lognormal({ mean: 1, cv: 1 }),
    new Weibull({ shape: 2, scale: 1 }),
    new Empirical({ values: [1, 2, 3] }),
    new PiecewiseEmpirical({ samples: [1, 2, 3] }),
    new DiscreteChoice({ items: ['a', 'b'] }),
    new Bernoulli({ p: 0.5 }),
  ];
  it.each(oneDraw.map((d) => [String(d), d] as const))('%s uses exactly one draw per sample', (_name, d) => {
    const a = rng();
    const b = rng();
    for (let i = 0; i < 100; i++) {
      d.sample(a);
      b.next();
    }
    expect(a.next()).toBe(b.next());
  });

  it('a constant uses no draw', () => {
    const a = rng();
    new Constant({ value: 3 }).sample(a);
    expect(a.next()).toBe(rng().next());
  });

  it('exponential samples are −mean · ln(nextOpen())', () => {
    const a = rng();
    const b = rng();
    const d = new Exponential({ mean: 3 });
    for (let i = 0; i < 100; i++) expect(d.sample(a)).toBe(-3 * Math.log(b.nextOpen()));
  });

  it('a distribution keeps no random state: sharing it between streams changes nothing', () => {
    const ds = [
      new Gamma({ shape: 0.4, scale: 1 }),
      new Pert({ min: 0, mode: 1, max: 2 }),
      new Erlang({ k: 40, mean: 1 }),
    ];
    for (const d of ds) {
      const alone = rng('x');
      const expected = Array.from({ length: 50 }, () => d.sample(alone));
      const shared = rng('x');
      const other = rng('y');
      const got = Array.from({ length: 50 }, () => {
        d.sample(other);
        return d.sample(shared);
      });
      expect(got).toEqual(expected);
    }
  });
});

describe('theoretical moments', () => {
  it('a normal truncated at zero has the mean and variance of the truncated law (checked by quadrature)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (z, sd) => {
          const mu = z * sd;
          const d = new Normal({ mean: mu, sd, truncateAtZero: true });
          // Simpson's rule on [0, mu + 14 sd] of the untruncated density, which needs no Φ.
          const hi = Math.max(mu, 0) + 14 * sd;
          const n = 20_000;
          const h = hi / n;
          let m0 = 0;
          let m1 = 0;
          let m2 = 0;
          for (let i = 0; i <= n; i++) {
            const x = i * h;
            const w = (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * Math.exp(-0.5 * ((x - mu) / sd) ** 2);
            m0 += w;
            m1 += w * x;
            m2 += w * x * x;
          }
          const mean = m1 / m0;
          expect(near(d.mean, mean, 1e-9)).toBe(true);
          expect(near(d.variance, m2 / m0 - mean * mean, 1e-7)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('an untruncated normal has mean μ and variance σ²', () => {
    const d = new Normal({ mean: -3, sd: 2 });
    expect([d.mean, d.variance]).toEqual([-3, 4]);
  });

  it('a Weibull of shape 1 is an exponential, of shape 2 a Rayleigh', () => {
    const w1 = new Weibull({ shape: 1, scale: 5 });
    expect(near(w1.mean, 5, 1e-14) && near(w1.variance, 25, 1e-13)).toBe(true);
    const w2 = new Weibull({ shape: 2, scale: 3 });
    expect(near(w2.mean, (3 * Math.sqrt(Math.PI)) / 2, 1e-14)).toBe(true);
    expect(near(w2.variance, 9 * (1 - Math.PI / 4), 1e-13)).toBe(true);
  });

  it('the Weibull variance is continuous where its computation switches to a series (shape 100)', () => {
    const below = new Weibull({ shape: 100 * (1 - 1e-9), scale: 1 });
    const above = new Weibull({ shape: 100 * (1 + 1e-9), scale: 1 });
    expect(near(below.variance, above.variance, 1e-7)).toBe(true);
    // Large shapes: Var ≈ λ²·(π²/6)/k², the variance of a scaled Gumbel.
    const big = new Weibull({ shape: 1e6, scale: 2 });
    expect(near(big.variance, (4 * Math.PI ** 2) / 6 / 1e12, 1e-5)).toBe(true);
  });

  it('a symmetric PERT has the middle as mean and (max − min)²/28 as variance', () => {
    const d = new Pert({ min: 2, mode: 5, max: 8 });
    expect(near(d.mean, 5, 1e-15) && near(d.variance, 36 / 28, 1e-15)).toBe(true);
  });

  it('a lognormal built from μ and σ reports the mean exp(μ + σ²/2) and keeps μ and σ', () => {
    const d = Lognormal.fromLogParams({ mu: 1, sigma: 0.5 });
    expect(near(d.mean, Math.exp(1.125), 1e-14)).toBe(true);
    expect(near(d.mu, 1, 1e-14) && near(d.sigma, 0.5, 1e-14)).toBe(true);
    expect(near(d.variance, Math.expm1(0.25) * Math.exp(2.25), 1e-13)).toBe(true);
  });

  it('a piecewise-empirical law has the moments of its mixture of uniform gaps', () => {
    // Gaps [0, 1] and [1, 3], each with probability 1/2.
    const d = new PiecewiseEmpirical({ samples: [3, 0, 1] });
    expect(d.samples).toEqual([0, 1, 3]);
    expect(near(d.mean, (0.5 + 2) / 2)).toBe(true);
    const ex2 = (1 / 3 + (1 + 3 + 9) / 3) / 2;
    expect(near(d.variance, ex2 - 1.25 ** 2)).toBe(true);
  });
});

describe('discrete laws', () => {
  it('a value or item of weight 0 is never drawn, and the others come out in proportion to their weights', () => {
    const e = new Empirical({ values: [10, 20, 30, 40], weights: [0, 1, 0, 3] });
    const c = new DiscreteChoice({ items: ['a', 'b', 'c', 'd'], weights: [0, 1, 0, 3] });
    const r = rng();
    const n = 40_000;
    const counts = new Map<number | string, number>();
    for (let i = 0; i < n; i++) {
      const x = e.sample(r);
      const y = c.pick(r);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([20, 40, 'b', 'd']);
    // Binomial(n, 1/4): sd ≈ 87; a 5-sd band.
    for (const k of [20, 'b'])
      expect(Math.abs(counts.get(k)! - n / 4)).toBeLessThan(5 * Math.sqrt((n * 3) / 16));
  });

  it('pick(rng) is items[sample(rng)] for the same draw', () => {
    const c = new DiscreteChoice({ items: ['x', 'y', 'z'], weights: [1, 2, 3] });
    const a = rng();
    const b = rng();
    for (let i = 0; i < 200; i++) expect(c.pick(a)).toBe(c.items[c.sample(b)]);
  });

  it('a choice among non-numbers has NaN mean and variance; among numbers, the weighted ones', () => {
    const routes = new DiscreteChoice({ items: ['left', 'right'] });
    expect(routes.mean).toBeNaN();
    expect(routes.variance).toBeNaN();
    const sizes = new DiscreteChoice({ items: [1, 3], weights: [3, 1] });
    expect([sizes.mean, sizes.variance]).toEqual([1.5, 0.75]);
  });

  it('Bernoulli(0) never gives 1 and Bernoulli(1) always does', () => {
    const r = rng();
    const zero = new Bernoulli({ p: 0 });
    const one = new Bernoulli({ p: 1 });
    for (let i = 0; i < 1000; i++) {
      expect(zero.sample(r)).toBe(0);
      expect(one.sample(r)).toBe(1);
    }
  });

  it('copies its inputs: later changes to the caller’s arrays change nothing', () => {
    const values = [1, 2, 3];
    const weights = [1, 1, 1];
    const e = new Empirical({ values, weights });
    values[0] = 100;
    weights[0] = 100;
    expect(e.values).toEqual([1, 2, 3]);
    expect(e.mean).toBe(2);
  });
});
