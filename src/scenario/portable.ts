import {
  Constant,
  type Distribution,
  Empirical,
  Erlang,
  Exponential,
  Gamma,
  Lognormal,
  Normal,
  Pert,
  Triangular,
  Uniform,
  Weibull,
} from '../engine/index.js';
import type { Scenario } from './schema.js';

/**
 * A validated scenario as plain data, and back: what a caller that has already loaded a scenario sends
 * to a worker thread (structured clone) so that the worker neither parses YAML nor validates the schema.
 * The only non-plain values of a loaded {@link Scenario} are the kernel's distributions; each becomes a
 * tagged object holding its constructor options and is rebuilt from them, so the revived scenario equals
 * the original (same prototypes, same fields) and a run on it gives the same bytes.
 *
 * This file imports the kernel only (no YAML parser, no schema library), which keeps a worker thread's
 * start-up small.
 */

/** A scenario turned into plain data by {@link portableScenario}. */
export interface PortableScenario {
  /** The scenario with every distribution replaced by a tagged options object. */
  readonly data: unknown;
}

/**
 * The key that marks a distribution in portable data. A loaded scenario cannot hold it: every object of
 * the schema is strict and an id starts with a letter or `_`.
 */
const TAG = '$distribution';

type Options = Record<string, unknown>;

/** Each family: its class, how to read its constructor options from an instance, and how to rebuild it. */
const FAMILIES: Record<
  string,
  {
    readonly is: (d: Distribution) => boolean;
    readonly options: (d: never) => Options;
    readonly make: (o: never) => Distribution;
  }
> = {
  constant: {
    is: (d) => d instanceof Constant,
    options: (d: Constant) => ({ value: d.value }),
    make: (o: { value: number }) => new Constant(o),
  },
  exponential: {
    is: (d) => d instanceof Exponential,
    options: (d: Exponential) => ({ mean: d.mean }),
    make: (o: { mean: number }) => new Exponential(o),
  },
  erlang: {
    is: (d) => d instanceof Erlang,
    options: (d: Erlang) => ({ k: d.k, mean: d.mean }),
    make: (o: { k: number; mean: number }) => new Erlang(o),
  },
  gamma: {
    is: (d) => d instanceof Gamma,
    options: (d: Gamma) => ({ shape: d.shape, scale: d.scale }),
    make: (o: { shape: number; scale: number }) => new Gamma(o),
  },
  lognormal: {
    is: (d) => d instanceof Lognormal,
    options: (d: Lognormal) => ({ mean: d.mean, cv: d.cv }),
    make: (o: { mean: number; cv: number }) => new Lognormal(o),
  },
  // `mean` of a truncated normal is the truncated mean: the options are the untruncated mu and sigma.
  normal: {
    is: (d) => d instanceof Normal,
    options: (d: Normal) => ({ mean: d.mu, sd: d.sigma, truncateAtZero: d.truncateAtZero }),
    make: (o: { mean: number; sd: number; truncateAtZero: boolean }) => new Normal(o),
  },
  uniform: {
    is: (d) => d instanceof Uniform,
    options: (d: Uniform) => ({ min: d.min, max: d.max }),
    make: (o: { min: number; max: number }) => new Uniform(o),
  },
  triangular: {
    is: (d) => d instanceof Triangular,
    options: (d: Triangular) => ({ min: d.min, mode: d.mode, max: d.max }),
    make: (o: { min: number; mode: number; max: number }) => new Triangular(o),
  },
  pert: {
    is: (d) => d instanceof Pert,
    options: (d: Pert) => ({ min: d.min, mode: d.mode, max: d.max }),
    make: (o: { min: number; mode: number; max: number }) => new Pert(o),
  },
  weibull: {
    is: (d) => d instanceof Weibull,
    options: (d: Weibull) => ({ shape: d.shape, scale: d.scale }),
    make: (o: { shape: number; scale: number }) => new Weibull(o),
  },
  empirical: {
    is: (d) => d instanceof Empirical,
    options: (d: Empirical) => ({ values: [...d.values], weights: [...d.weights] }),
    make: (o: { values: number[]; weights: number[] }) => new Empirical(o),
  },
};

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function where(path: string): string {
  return path === '' ? 'the scenario' : path;
}

function toData(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`portableScenario: a ${typeof value} at ${where(path)} has no plain form`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => toData(v, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toData(v, path === '' ? k : `${path}.${k}`);
    return out;
  }
  for (const [kind, family] of Object.entries(FAMILIES)) {
    if (family.is(value as Distribution))
      return { [TAG]: kind, ...(family.options as (d: Distribution) => Options)(value as Distribution) };
  }
  throw new TypeError(
    `portableScenario: a ${value.constructor?.name ?? 'non-plain object'} at ${where(path)} has no plain form`,
  );
}

function fromData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromData);
  const record = value as Record<string, unknown>;
  const kind = record[TAG];
  if (typeof kind === 'string') {
    const family = FAMILIES[kind];
    if (family === undefined) throw new TypeError(`revivePortableScenario: unknown distribution "${kind}"`);
    const { [TAG]: _, ...options } = record;
    return (family.make as (o: Options) => Distribution)(options);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = fromData(v);
  return out;
}

/**
 * The scenario as plain data (for `structuredClone` or `postMessage`; keys whose value is undefined are kept).
 * @throws TypeError naming the path of a value that has no plain form (none in a loaded scenario).
 */
export function portableScenario(scenario: Scenario): PortableScenario {
  return { data: toData(scenario, '') };
}

/**
 * The scenario back from {@link portableScenario}'s data: equal to the original, distributions rebuilt.
 * The data must come from `portableScenario` (it is not validated again).
 * @throws TypeError for a distribution tag this version does not know.
 */
export function revivePortableScenario(portable: PortableScenario): Scenario {
  return fromData(portable.data) as Scenario;
}
