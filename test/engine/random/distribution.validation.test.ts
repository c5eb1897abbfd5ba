import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/engine/errors.js';
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
  Triangular,
  Uniform,
  Weibull,
} from '../../../src/engine/random/index.js';

/** Calls a constructor with unchecked options, as a scenario file or plain JavaScript could. */
// biome-ignore lint/suspicious/noExplicitAny: the point is to pass what the types forbid.
type Loose = any;

const NaN_ = Number.NaN;
const Inf = Number.POSITIVE_INFINITY;

/** [api name, label, build, text the message must contain after `${api}: `]. */
const invalid: [string, string, () => Distribution, string][] = [
  ['Constant', 'NaN value', () => new Constant({ value: NaN_ }), 'value must be a finite number (got NaN)'],
  [
    'Constant',
    'infinite value',
    () => new Constant({ value: Inf }),
    'value must be a finite number (got Infinity)',
  ],
  [
    'Constant',
    'missing options',
    () => new Constant(undefined as Loose),
    'options must be an object (got undefined)',
  ],
  ['Uniform', 'NaN min', () => new Uniform({ min: NaN_, max: 1 }), 'min must be a finite number (got NaN)'],
  [
    'Uniform',
    'infinite max',
    () => new Uniform({ min: 0, max: Inf }),
    'max must be a finite number (got Infinity)',
  ],
  ['Uniform', 'min = max', () => new Uniform({ min: 2, max: 2 }), 'min must be < max (got min=2, max=2)'],
  ['Uniform', 'min > max', () => new Uniform({ min: 3, max: 2 }), 'min must be < max (got min=3, max=2)'],
  [
    'Uniform',
    'string max',
    () => new Uniform({ min: 0, max: '2' as Loose }),
    'max must be a finite number (got "2")',
  ],
  [
    'Triangular',
    'NaN mode',
    () => new Triangular({ min: 0, mode: NaN_, max: 1 }),
    'mode must be a finite number (got NaN)',
  ],
  [
    'Triangular',
    'min = max',
    () => new Triangular({ min: 1, mode: 1, max: 1 }),
    'min must be < max (got min=1, max=1)',
  ],
  [
    'Triangular',
    'mode < min',
    () => new Triangular({ min: 0, mode: -1, max: 1 }),
    'mode must lie in [min, max] (got min=0, mode=-1, max=1)',
  ],
  [
    'Triangular',
    'mode > max',
    () => new Triangular({ min: 0, mode: 2, max: 1 }),
    'mode must lie in [min, max] (got min=0, mode=2, max=1)',
  ],
  [
    'Exponential',
    'negative mean',
    () => new Exponential({ mean: -1 }),
    'mean must be a finite number > 0 (got -1)',
  ],
  [
    'Exponential',
    'zero mean',
    () => new Exponential({ mean: 0 }),
    'mean must be a finite number > 0 (got 0)',
  ],
  [
    'Exponential',
    'infinite mean',
    () => new Exponential({ mean: Inf }),
    'mean must be a finite number > 0 (got Infinity)',
  ],
  [
    'Exponential',
    'NaN mean',
    () => new Exponential({ mean: NaN_ }),
    'mean must be a finite number > 0 (got NaN)',
  ],
  [
    'Exponential',
    'null options',
    () => new Exponential(null as Loose),
    'options must be an object (got null)',
  ],
  ['Erlang', 'k = 0', () => new Erlang({ k: 0, mean: 1 }), 'k must be an integer >= 1 (got 0)'],
  ['Erlang', 'fractional k', () => new Erlang({ k: 2.5, mean: 1 }), 'k must be an integer >= 1 (got 2.5)'],
  ['Erlang', 'zero mean', () => new Erlang({ k: 2, mean: 0 }), 'mean must be a finite number > 0 (got 0)'],
  [
    'Gamma',
    'zero shape',
    () => new Gamma({ shape: 0, scale: 1 }),
    'shape must be a finite number > 0 (got 0)',
  ],
  [
    'Gamma',
    'negative scale',
    () => new Gamma({ shape: 1, scale: -2 }),
    'scale must be a finite number > 0 (got -2)',
  ],
  [
    'Gamma',
    'infinite shape',
    () => new Gamma({ shape: Inf, scale: 1 }),
    'shape must be a finite number > 0 (got Infinity)',
  ],
  ['Normal', 'NaN mean', () => new Normal({ mean: NaN_, sd: 1 }), 'mean must be a finite number (got NaN)'],
  ['Normal', 'zero sd', () => new Normal({ mean: 0, sd: 0 }), 'sd must be a finite number > 0 (got 0)'],
  ['Normal', 'negative sd', () => new Normal({ mean: 0, sd: -1 }), 'sd must be a finite number > 0 (got -1)'],
  [
    'Normal',
    'non-boolean truncateAtZero',
    () => new Normal({ mean: 0, sd: 1, truncateAtZero: 'yes' as Loose }),
    'truncateAtZero must be a boolean (got "yes")',
  ],
  [
    'Normal',
    'truncation keeping too little mass',
    () => new Normal({ mean: -4.01, sd: 1, truncateAtZero: true }),
    'with truncateAtZero, mean must be >= -4·sd',
  ],
  [
    'Lognormal',
    'zero mean',
    () => new Lognormal({ mean: 0, cv: 1 }),
    'mean must be a finite number > 0 (got 0)',
  ],
  [
    'Lognormal',
    'negative cv',
    () => new Lognormal({ mean: 1, cv: -0.5 }),
    'cv must be a finite number > 0 (got -0.5)',
  ],
  ['Lognormal', 'zero cv', () => new Lognormal({ mean: 1, cv: 0 }), 'cv must be a finite number > 0 (got 0)'],
  [
    'Lognormal.fromLogParams',
    'NaN mu',
    () => Lognormal.fromLogParams({ mu: NaN_, sigma: 1 }),
    'mu must be a finite number (got NaN)',
  ],
  [
    'Lognormal.fromLogParams',
    'zero sigma',
    () => Lognormal.fromLogParams({ mu: 0, sigma: 0 }),
    'sigma must be a finite number > 0 (got 0)',
  ],
  [
    'Lognormal.fromLogParams',
    'overflowing mean',
    () => Lognormal.fromLogParams({ mu: 800, sigma: 1 }),
    'mean exp(mu + sigma²/2) and cv must be finite',
  ],
  [
    'Weibull',
    'zero shape',
    () => new Weibull({ shape: 0, scale: 1 }),
    'shape must be a finite number > 0 (got 0)',
  ],
  [
    'Weibull',
    'NaN scale',
    () => new Weibull({ shape: 1, scale: NaN_ }),
    'scale must be a finite number > 0 (got NaN)',
  ],
  ['Pert', 'min = max', () => new Pert({ min: 1, mode: 1, max: 1 }), 'min must be < max (got min=1, max=1)'],
  [
    'Pert',
    'mode outside',
    () => new Pert({ min: 0, mode: 5, max: 1 }),
    'mode must lie in [min, max] (got min=0, mode=5, max=1)',
  ],
  [
    'Pert',
    'infinite min',
    () => new Pert({ min: -Inf, mode: 0, max: 1 }),
    'min must be a finite number (got -Infinity)',
  ],
  [
    'Empirical',
    'no values',
    () => new Empirical({ values: [] }),
    'values must be a non-empty array (got [])',
  ],
  [
    'Empirical',
    'NaN value',
    () => new Empirical({ values: [1, NaN_] }),
    'values[1] must be a finite number (got NaN)',
  ],
  [
    'Empirical',
    'weights of the wrong length',
    () => new Empirical({ values: [1, 2], weights: [1] }),
    'weights must be an array of 2 numbers, one per value (got [1])',
  ],
  [
    'Empirical',
    'negative weight',
    () => new Empirical({ values: [1, 2], weights: [1, -1] }),
    'weights[1] must be a finite number >= 0 (got -1)',
  ],
  [
    'Empirical',
    'all-zero weights',
    () => new Empirical({ values: [1, 2], weights: [0, 0] }),
    'weights must have a finite sum > 0 (got [0,0])',
  ],
  [
    'Empirical',
    'overflowing weights',
    () => new Empirical({ values: [1, 2], weights: [1e308, 1e308] }),
    'weights must have a finite sum > 0',
  ],
  [
    'PiecewiseEmpirical',
    'one sample',
    () => new PiecewiseEmpirical({ samples: [3] }),
    'samples must hold at least 2 values (got 1: [3])',
  ],
  [
    'PiecewiseEmpirical',
    'no samples',
    () => new PiecewiseEmpirical({ samples: [] }),
    'samples must be a non-empty array (got [])',
  ],
  [
    'PiecewiseEmpirical',
    'infinite sample',
    () => new PiecewiseEmpirical({ samples: [1, Inf] }),
    'samples[1] must be a finite number (got Infinity)',
  ],
  [
    'DiscreteChoice',
    'no items',
    () => new DiscreteChoice({ items: [] }),
    'items must be a non-empty array (got [])',
  ],
  [
    'DiscreteChoice',
    'NaN weight',
    () => new DiscreteChoice({ items: ['a', 'b'], weights: [1, NaN_] }),
    'weights[1] must be a finite number >= 0 (got NaN)',
  ],
  [
    'DiscreteChoice',
    'all-zero weights',
    () => new DiscreteChoice({ items: ['a'], weights: [0] }),
    'weights must have a finite sum > 0 (got [0])',
  ],
  ['Bernoulli', 'p < 0', () => new Bernoulli({ p: -0.1 }), 'p must be a number in [0, 1] (got -0.1)'],
  ['Bernoulli', 'p > 1', () => new Bernoulli({ p: 1.5 }), 'p must be a number in [0, 1] (got 1.5)'],
  ['Bernoulli', 'NaN p', () => new Bernoulli({ p: NaN_ }), 'p must be a number in [0, 1] (got NaN)'],
];

/** Boundary values that are valid and must be accepted. */
const boundaryValid: [string, () => Distribution][] = [
  ['Constant(value=0)', () => new Constant({ value: 0 })],
  ['Constant(value=-1e308)', () => new Constant({ value: -1e308 })],
  ['Uniform with a tiny width', () => new Uniform({ min: 1, max: 1 + 2 ** -40 })],
  ['Triangular with mode = min', () => new Triangular({ min: 0, mode: 0, max: 1 })],
  ['Triangular with mode = max', () => new Triangular({ min: 0, mode: 1, max: 1 })],
  ['Exponential with the smallest positive mean', () => new Exponential({ mean: Number.MIN_VALUE })],
  ['Erlang with k = 1', () => new Erlang({ k: 1, mean: 1 })],
  ['Gamma with a small shape', () => new Gamma({ shape: 1e-3, scale: 1 })],
  ['Normal with a negative mean', () => new Normal({ mean: -5, sd: 1 })],
  ['Normal truncated at exactly mean = -4·sd', () => new Normal({ mean: -4, sd: 1, truncateAtZero: true })],
  ['Normal with truncateAtZero: false', () => new Normal({ mean: -100, sd: 1, truncateAtZero: false })],
  ['Lognormal with a tiny cv', () => new Lognormal({ mean: 1, cv: 1e-9 })],
  ['Lognormal.fromLogParams with a negative mu', () => Lognormal.fromLogParams({ mu: -5, sigma: 0.1 })],
  ['Weibull with shape 1', () => new Weibull({ shape: 1, scale: 1 })],
  ['Pert with mode = min', () => new Pert({ min: 0, mode: 0, max: 1 })],
  ['Pert with mode = max', () => new Pert({ min: 0, mode: 1, max: 1 })],
  ['Empirical with one value', () => new Empirical({ values: [7] })],
  ['Empirical with some zero weights', () => new Empirical({ values: [1, 2, 3], weights: [0, 1, 0] })],
  ['PiecewiseEmpirical with two equal samples', () => new PiecewiseEmpirical({ samples: [4, 4] })],
  ['DiscreteChoice with one item', () => new DiscreteChoice({ items: [{ route: 'a' }] })],
  ['Bernoulli(p=0)', () => new Bernoulli({ p: 0 })],
  ['Bernoulli(p=1)', () => new Bernoulli({ p: 1 })],
];

describe('distribution parameter validation', () => {
  it.each(invalid)('%s rejects %s, naming itself and the value', (api, _label, build, text) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    const message = (error as InvalidArgumentError).message;
    expect(message.startsWith(`${api}: `), message).toBe(true);
    expect(message).toContain(text);
  });

  it.each(boundaryValid)('accepts %s', (_label, build) => {
    const d = build();
    if (d.kind === 'discrete-choice') return; // non-numeric items: NaN moments, by contract
    expect(Number.isNaN(d.mean)).toBe(false);
    expect(d.variance).toBeGreaterThanOrEqual(0);
  });
});
