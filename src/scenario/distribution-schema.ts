import { z } from 'zod';
import {
  Constant,
  type Distribution,
  Empirical,
  Erlang,
  Exponential,
  Gamma,
  InvalidArgumentError,
  Lognormal,
  Normal,
  Pert,
  Triangular,
  Uniform,
  Weibull,
} from '../engine/index.js';
import { Duration } from './quantity-schema.js';

/**
 * Distributions of durations as written in scenario files, converted to the kernel's
 * {@link Distribution} objects (sampling seconds) while loading, so that every parameter error the
 * kernel detects is reported with its path and line before anything runs.
 *
 * Forms (every duration parameter carries a unit; shape-like parameters are plain numbers):
 * - `90s` — a plain duration means a constant; also `{ constant: 90s }`
 * - `{ exponential: { mean: 2min } }`
 * - `{ erlang: { k: 3, mean: 2min } }`
 * - `{ gamma: { shape: 2, scale: 1min } }`
 * - `{ lognormal: { mean: 5min, cv: 0.5 } }`
 * - `{ normal: { mean: 5min, sd: 1min } }` — truncated at 0 (a duration is never negative); a warning
 *   where that moves the mean by more than 1 % (sd > mean / 2.38)
 * - `{ uniform: { min: 1min, max: 2min } }`
 * - `{ triangular: { min: 1min, mode: 2min, max: 4min } }`, `{ pert: { min, mode, max } }`
 * - `{ weibull: { shape: 1.5, scale: 8h } }`
 * - `{ empirical: { values: [1min, 2min], weights: [3, 1] } }` — weights optional (equal)
 */

const num = z.number({ error: 'expected a number' });

/** Parameters of each family, by the key that names it in the file. */
const FAMILIES = {
  constant: Duration,
  exponential: z.strictObject({ mean: Duration }),
  erlang: z.strictObject({ k: z.int({ error: 'expected an integer' }), mean: Duration }),
  gamma: z.strictObject({ shape: num, scale: Duration }),
  lognormal: z.strictObject({ mean: Duration, cv: num }),
  normal: z.strictObject({ mean: Duration, sd: Duration }),
  uniform: z.strictObject({ min: Duration, max: Duration }),
  triangular: z.strictObject({ min: Duration, mode: Duration, max: Duration }),
  pert: z.strictObject({ min: Duration, mode: Duration, max: Duration }),
  weibull: z.strictObject({ shape: num, scale: Duration }),
  empirical: z.strictObject({ values: z.array(Duration).min(1), weights: z.array(num).optional() }),
} as const;

type Families = typeof FAMILIES;
/** A distribution as parsed from a file (durations already in seconds), before the kernel builds it. */
export type DistributionSpec = { [K in keyof Families]: { [P in K]: z.output<Families[K]> } }[keyof Families];

/** The family names accepted as keys of a distribution object. */
export const DISTRIBUTION_FAMILIES = Object.keys(FAMILIES) as readonly (keyof Families)[];

export const DistributionObject = z
  .strictObject({
    constant: FAMILIES.constant.optional(),
    exponential: FAMILIES.exponential.optional(),
    erlang: FAMILIES.erlang.optional(),
    gamma: FAMILIES.gamma.optional(),
    lognormal: FAMILIES.lognormal.optional(),
    normal: FAMILIES.normal.optional(),
    uniform: FAMILIES.uniform.optional(),
    triangular: FAMILIES.triangular.optional(),
    pert: FAMILIES.pert.optional(),
    weibull: FAMILIES.weibull.optional(),
    empirical: FAMILIES.empirical.optional(),
  })
  .check((ctx) => {
    const keys = Object.keys(ctx.value).filter(
      (k) => (ctx.value as Record<string, unknown>)[k] !== undefined,
    );
    if (keys.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: ctx.value,
        message:
          keys.length === 0
            ? `a distribution needs exactly one family: ${DISTRIBUTION_FAMILIES.join(', ')}`
            : `a distribution has exactly one family (got ${keys.join(' and ')})`,
      });
    }
  })
  .meta({ description: 'one family key, e.g. { exponential: { mean: 2min } }' });

/** Builds the kernel distribution of a parsed spec; throws the kernel's `InvalidArgumentError`. */
export function toDistribution(spec: DistributionSpec): Distribution {
  if ('constant' in spec) return new Constant({ value: spec.constant });
  if ('exponential' in spec) return new Exponential(spec.exponential);
  if ('erlang' in spec) return new Erlang(spec.erlang);
  if ('gamma' in spec) return new Gamma(spec.gamma);
  if ('lognormal' in spec) return new Lognormal(spec.lognormal);
  if ('normal' in spec) return new Normal({ ...spec.normal, truncateAtZero: true });
  if ('uniform' in spec) return new Uniform(spec.uniform);
  if ('triangular' in spec) return new Triangular(spec.triangular);
  if ('pert' in spec) return new Pert(spec.pert);
  if ('weibull' in spec) return new Weibull(spec.weibull);
  return new Empirical(spec.empirical);
}

/**
 * A distribution of durations: a duration string (constant) or an object with one family key.
 * Parses to a kernel {@link Distribution} sampling seconds.
 */
export const DurationDistribution = z
  .union([Duration, DistributionObject], {
    error: (issue) =>
      `expected a distribution such as "90s" or { exponential: { mean: 2min } } (got ${describe(issue.input)})`,
  })
  .transform((value, ctx): Distribution => {
    const spec: DistributionSpec =
      typeof value === 'number' ? { constant: value } : (pickOne(value) as DistributionSpec);
    try {
      const dist = toDistribution(spec);
      // Parameters each valid on their own can still make a distribution whose draws overflow (a huge cv,
      // a vanishing Weibull shape): reject it here rather than let a run draw NaN or Infinity.
      if (!(Number.isFinite(dist.mean) && Number.isFinite(dist.variance))) {
        ctx.issues.push({
          code: 'custom',
          message: `${dist.toString()} has no finite mean and variance (mean ${dist.mean} s, variance ${dist.variance} s²): choose smaller parameters`,
          input: value,
        });
        return z.NEVER;
      }
      // A `normal` duration is truncated at 0 (a duration is never negative); where that moves its mean by
      // more than 1 % the file is still valid, and the scenario warnings say so (src/scenario/warnings.ts).
      return dist;
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      // Kernel messages read `Exponential: mean must be finite and > 0 (got 0)`: point at the parameter.
      const match = /^[\w.]+: (\w+)(?:\[\d+\])? (.*)$/s.exec(error.message);
      const family = Object.keys(spec)[0]!;
      const params = (spec as Record<string, unknown>)[family];
      const param = match?.[1];
      const path =
        param !== undefined && typeof params === 'object' && params !== null && param in params
          ? [family, param]
          : [];
      ctx.issues.push({ code: 'custom', message: error.message, input: value, path });
      return z.NEVER;
    }
  })
  .meta({
    id: 'Distribution',
    description: 'a distribution of durations: "90s" (constant) or { exponential: { mean: 2min } } …',
  });

function pickOne(value: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(value)) if (v !== undefined) return { [k]: v };
  return {};
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the plain number ${value}, which has no unit`;
  return JSON.stringify(value) ?? typeof value;
}
