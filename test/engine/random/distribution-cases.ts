/**
 * One entry per distribution, shared by the property tests: how to build valid instances (over the
 * whole valid domain, and over a moderate range where 20 000 samples pin the moments down), how to
 * draw a number from one, and its support.
 */

import fc from 'fast-check';
import {
  Bernoulli,
  Constant,
  DiscreteChoice,
  type Distribution,
  Empirical,
  Erlang,
  Exponential,
  Gamma,
  Lognormal,
  Normal,
  Pert,
  PiecewiseEmpirical,
  type RandomStream,
  Triangular,
  Uniform,
  Weibull,
} from '../../../src/engine/random/index.js';

/** One distribution under test, with its sampling rule and support bound in. */
export interface Subject {
  readonly dist: Distribution;
  /** One numeric draw (the value whose mean and variance `dist` reports). */
  draw(rng: RandomStream): number;
  /** Whether `x` lies in the support of `dist`. */
  inSupport(x: number): boolean;
}

/** How the property tests see one distribution family. */
export interface DistributionCase {
  /** Test label. */
  readonly name: string;
  /** Instances over the whole valid parameter domain, extremes included. */
  readonly valid: fc.Arbitrary<Subject>;
  /**
   * Instances whose sample mean and variance are close to normal at n = 20 000 (tails not so heavy
   * that the fourth moment is itself unstable).
   */
  readonly moderate: fc.Arbitrary<Subject>;
}

interface CaseSpec<D extends Distribution> {
  readonly name: string;
  readonly valid: fc.Arbitrary<D>;
  readonly moderate: fc.Arbitrary<D>;
  readonly draw?: (d: D, rng: RandomStream) => number;
  readonly inSupport: (d: D, x: number) => boolean;
}

function defineCase<D extends Distribution>(spec: CaseSpec<D>): DistributionCase {
  const draw = spec.draw ?? ((d: D, rng: RandomStream) => d.sample(rng));
  const subject = (dist: D): Subject => {
    const s = {
      dist,
      draw: (rng: RandomStream) => draw(dist, rng),
      inSupport: (x: number) => spec.inSupport(dist, x),
      // How fast-check prints a counterexample.
      [fc.toStringMethod]: () => dist.toString(),
    };
    return s;
  };
  return { name: spec.name, valid: spec.valid.map(subject), moderate: spec.moderate.map(subject) };
}

function num(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Widths/scales spread over many orders of magnitude (log-uniform). */
function logNum(min: number, max: number): fc.Arbitrary<number> {
  return num(Math.log(min), Math.log(max)).map((l) => Math.min(max, Math.max(min, Math.exp(l))));
}

const bounded = (lo: fc.Arbitrary<number>, width: fc.Arbitrary<number>) =>
  fc.record({ min: lo, width, modeAt: num(0, 1) }).map(({ min, width, modeAt }) => ({
    min,
    mode: min + modeAt * width,
    max: min + width,
  }));

/** `n` non-negative weights with a positive sum, each 0 or drawn from `weight`. */
const weights = (n: number, weight: fc.Arbitrary<number>) =>
  fc
    .array(fc.oneof(fc.constant(0), weight), { minLength: n, maxLength: n })
    .filter((w) => w.reduce((a, b) => a + b, 0) > 0);

/**
 * Values with optional weights. Moderate weights are 0 or >= 0.1, so that no value is so rare that
 * 20 000 draws would not see it (the normal approximation of the moments needs that).
 */
const valuesAndWeights = (values: fc.Arbitrary<number>, maxLength: number, weight: fc.Arbitrary<number>) =>
  fc.array(values, { minLength: 1, maxLength }).chain((vs) =>
    fc.record({
      values: fc.constant(vs),
      weights: fc.option(weights(vs.length, weight), { nil: undefined }),
    }),
  );

/**
 * Moderate values for the empirical families: multiples of 0.1 in [−100, 100], so that no variance
 * underflows (values like 1e-300 would give variances of 1e-600, i.e. 0).
 */
const gridValue = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 10);

const nonNegative = (_d: Distribution, x: number) => x >= 0;
const positive = (_d: Distribution, x: number) => x > 0 && Number.isFinite(x);
const inBounds = (d: { min: number; max: number }, x: number) => x >= d.min && x <= d.max;

export const distributionCases: readonly DistributionCase[] = [
  defineCase({
    name: 'Constant',
    valid: num(-1e300, 1e300).map((value) => new Constant({ value })),
    moderate: num(-1e6, 1e6).map((value) => new Constant({ value })),
    inSupport: (d: Constant, x: number) => x === d.value,
  }),
  defineCase({
    name: 'Uniform',
    valid: bounded(num(-1e6, 1e6), logNum(1e-6, 1e6)).map((o) => new Uniform(o)),
    moderate: bounded(num(-100, 100), logNum(1e-3, 100)).map((o) => new Uniform(o)),
    inSupport: (d: Uniform, x: number) => x >= d.min && x <= d.max,
  }),
  defineCase({
    name: 'Triangular',
    valid: bounded(num(-1e6, 1e6), logNum(1e-6, 1e6)).map((o) => new Triangular(o)),
    moderate: bounded(num(-100, 100), logNum(1e-3, 100)).map((o) => new Triangular(o)),
    inSupport: inBounds,
  }),
  defineCase({
    name: 'Exponential',
    valid: logNum(1e-9, 1e9).map((mean) => new Exponential({ mean })),
    moderate: logNum(1e-3, 1e3).map((mean) => new Exponential({ mean })),
    inSupport: positive,
  }),
  defineCase({
    name: 'Erlang',
    valid: fc
      .record({ k: fc.integer({ min: 1, max: 500 }), mean: logNum(1e-9, 1e9) })
      .map((o) => new Erlang(o)),
    // k up to 60 covers both the product-of-uniforms (k <= 30) and the gamma (k > 30) samplers.
    moderate: fc
      .record({ k: fc.integer({ min: 1, max: 60 }), mean: logNum(1e-2, 1e3) })
      .map((o) => new Erlang(o)),
    inSupport: positive,
  }),
  defineCase({
    name: 'Gamma',
    valid: fc.record({ shape: logNum(1e-2, 1e4), scale: logNum(1e-6, 1e6) }).map((o) => new Gamma(o)),
    // Shapes below 1 exercise the boost (Gamma(k + 1) · U^(1/k)).
    moderate: fc.record({ shape: logNum(0.3, 50), scale: logNum(1e-2, 1e2) }).map((o) => new Gamma(o)),
    inSupport: nonNegative,
  }),
  defineCase({
    name: 'Normal',
    valid: fc
      .record({ z: num(-4, 1e3), sd: logNum(1e-6, 1e6), truncateAtZero: fc.boolean() })
      .map(({ z, sd, truncateAtZero }) => new Normal({ mean: z * sd, sd, truncateAtZero })),
    // z = mean/sd from −4 (deep truncation: 3e-5 of the mass kept) to 6 (truncation irrelevant).
    moderate: fc
      .record({ z: num(-4, 6), sd: logNum(1e-2, 50), truncateAtZero: fc.boolean() })
      .map(({ z, sd, truncateAtZero }) => new Normal({ mean: z * sd, sd, truncateAtZero })),
    inSupport: (d: Normal, x: number) => Number.isFinite(x) && (!d.truncateAtZero || x >= 0),
  }),
  defineCase({
    name: 'Lognormal',
    valid: fc.record({ mean: logNum(1e-6, 1e6), cv: logNum(1e-3, 10) }).map((o) => new Lognormal(o)),
    moderate: fc.record({ mean: logNum(1e-2, 1e3), cv: logNum(0.05, 0.5) }).map((o) => new Lognormal(o)),
    inSupport: positive,
  }),
  defineCase({
    name: 'Lognormal.fromLogParams',
    valid: fc.record({ mu: num(-10, 10), sigma: logNum(1e-3, 2) }).map((o) => Lognormal.fromLogParams(o)),
    moderate: fc.record({ mu: num(-3, 3), sigma: logNum(0.05, 0.5) }).map((o) => Lognormal.fromLogParams(o)),
    inSupport: positive,
  }),
  defineCase({
    name: 'Weibull',
    valid: fc.record({ shape: logNum(0.05, 1e4), scale: logNum(1e-6, 1e6) }).map((o) => new Weibull(o)),
    // Up to 500 so that the large-shape series for the variance is exercised too.
    moderate: fc.record({ shape: logNum(0.7, 500), scale: logNum(1e-2, 1e3) }).map((o) => new Weibull(o)),
    inSupport: nonNegative,
  }),
  defineCase({
    name: 'Pert',
    valid: bounded(num(-1e6, 1e6), logNum(1e-6, 1e6)).map((o) => new Pert(o)),
    moderate: bounded(num(-100, 100), logNum(1e-3, 100)).map((o) => new Pert(o)),
    inSupport: inBounds,
  }),
  defineCase({
    name: 'Empirical',
    valid: valuesAndWeights(num(-1e6, 1e6), 50, num(0, 1e6)).map((o) => new Empirical(o)),
    moderate: valuesAndWeights(gridValue, 20, num(0.1, 10)).map((o) => new Empirical(o)),
    inSupport: (d: Empirical, x: number) => d.values.includes(x),
  }),
  defineCase({
    name: 'PiecewiseEmpirical',
    valid: fc
      .array(num(-1e6, 1e6), { minLength: 2, maxLength: 100 })
      .map((samples) => new PiecewiseEmpirical({ samples })),
    moderate: fc
      .array(gridValue, { minLength: 2, maxLength: 30 })
      .map((samples) => new PiecewiseEmpirical({ samples })),
    inSupport: (d: PiecewiseEmpirical, x: number) =>
      x >= d.samples[0]! && x <= d.samples[d.samples.length - 1]!,
  }),
  defineCase({
    name: 'DiscreteChoice',
    valid: valuesAndWeights(num(-1e6, 1e6), 50, num(0, 1e6)).map(
      ({ values, weights }) => new DiscreteChoice({ items: values, weights }),
    ),
    moderate: valuesAndWeights(gridValue, 20, num(0.1, 10)).map(
      ({ values, weights }) => new DiscreteChoice({ items: values, weights }),
    ),
    // mean and variance describe the picked item, so the moments are checked on pick().
    draw: (d: DiscreteChoice<number>, rng: RandomStream) => d.pick(rng),
    inSupport: (d: DiscreteChoice<number>, x: number) => d.items.includes(x),
  }),
  defineCase({
    name: 'Bernoulli',
    valid: fc.oneof(fc.constantFrom(0, 1), num(0, 1)).map((p) => new Bernoulli({ p })),
    // 0 and 1 exactly, else p in [0.01, 0.99] so that 20 000 draws see both outcomes.
    moderate: fc.oneof(fc.constantFrom(0, 1), num(0.01, 0.99)).map((p) => new Bernoulli({ p })),
    inSupport: (_d: Bernoulli, x: number) => x === 0 || x === 1,
  }),
];
