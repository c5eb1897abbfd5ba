import { RandomStreams } from '../engine/index.js';
import { OverrideError, parseValue } from './overrides.js';

/**
 * Experimental designs of a sweep: factors (`path=spec`), and the points of a full grid or of a Latin
 * hypercube sample.
 *
 * A factor's spec lists its levels: `1..8` (the integers 1 to 8), `1..9:2` (1, 3, 5, 7, 9), `0.5..2:0.5`
 * (0.5, 1, 1.5, 2), or values separated by commas (`1,2,3`, `20min,30min`, `fifo,spt`), each a YAML value;
 * a single value holds the path fixed.
 */

/** One factor: a path into the scenario and its levels. */
export interface Factor {
  readonly path: string;
  /** The spec as written. */
  readonly spec: string;
  readonly levels: readonly unknown[];
}

/** A point of the design: one level per factor, by path, in factor order. */
export interface DesignPoint {
  /** Index of the point in the design, from 0. */
  readonly index: number;
  readonly settings: readonly { readonly path: string; readonly value: unknown }[];
}

/** The most levels one factor may have, and points a design may have (a typo like `1..1e9` is an error). */
export const MAX_LEVELS = 100_000;
export const MAX_POINTS = 1_000_000;

/**
 * Parses `path=spec` into a factor.
 * @throws OverrideError naming the setting for a bad range, an empty list or too many levels.
 */
export function parseFactor(text: string): Factor {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new OverrideError(`--set "${text}": expected path=levels, e.g. buffers.b1.capacity=1..8`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const fail = (why: string) => new OverrideError(`--set "${text}": ${why}`);
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(spec);
  let levels: unknown[];
  if (range !== null) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    const step = range[3] === undefined ? 1 : Number(range[3]);
    if (range[3] === undefined && !(Number.isInteger(lo) && Number.isInteger(hi)))
      throw fail('a range of decimals needs a step, e.g. 0.5..2:0.5');
    if (!(hi >= lo)) throw fail(`the range ${spec} is empty (${lo} > ${hi})`);
    if (!(step > 0)) throw fail('the step must be > 0');
    const count = Math.floor((hi - lo) / step + 1e-9) + 1;
    if (count > MAX_LEVELS) throw fail(`${count} levels; at most ${MAX_LEVELS.toLocaleString('en-US')}`);
    // Levels computed from lo and the index (not by repeated addition), rounded to the step's decimals.
    const decimals = Math.max(decimalsOf(range[1]!), decimalsOf(range[2]!), decimalsOf(range[3] ?? '1'));
    levels = Array.from({ length: count }, (_, i) => Number((lo + i * step).toFixed(decimals)));
  } else {
    const parts = splitList(spec);
    if (parts.some((p) => p === '')) throw fail('an empty value in the list');
    levels = parts.map((p) => parseValue(p, text));
  }
  if (levels.length === 0) throw fail('no levels');
  // A level given twice would run the same points twice and rank them against themselves.
  const seen = new Set<string>();
  for (const level of levels) {
    const key = JSON.stringify(level);
    if (seen.has(key)) throw fail(`the level ${key} is given twice`);
    seen.add(key);
  }
  return { path, spec, levels };
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Splits at commas outside braces and brackets, so `{ rule: atc, k: 2 },fifo` is two values. */
function splitList(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(spec.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(spec.slice(start).trim());
  return out;
}

/**
 * The full grid: every combination of levels, the first factor varying slowest.
 * @throws OverrideError when the grid has more than {@link MAX_POINTS} points.
 */
export function gridDesign(factors: readonly Factor[]): DesignPoint[] {
  const total = factors.reduce((n, f) => n * f.levels.length, 1);
  if (total > MAX_POINTS)
    throw new OverrideError(
      `the grid has ${total} points; at most ${MAX_POINTS.toLocaleString('en-US')} (use --design lhs --samples N)`,
    );
  const points: DesignPoint[] = [];
  for (let index = 0; index < total; index++) {
    let rest = index;
    const settings = new Array<{ path: string; value: unknown }>(factors.length);
    for (let f = factors.length - 1; f >= 0; f--) {
      const levels = factors[f]!.levels;
      settings[f] = { path: factors[f]!.path, value: levels[rest % levels.length] };
      rest = Math.floor(rest / levels.length);
    }
    points.push({ index, settings });
  }
  return points;
}

/**
 * A Latin hypercube sample of `samples` points: each factor's levels are cut into `samples` equal strata
 * of the unit interval, one point per stratum (a uniform draw within it picks the level), and the strata
 * are paired across factors by independent random permutations. Deterministic: the draws come from the
 * named stream `sweep/lhs` of `seed`, so the same seed and factors give the same points.
 * @throws OverrideError for a bad sample count.
 */
export function lhsDesign(factors: readonly Factor[], samples: number, seed: number): DesignPoint[] {
  if (!(Number.isInteger(samples) && samples >= 1 && samples <= MAX_POINTS))
    throw new OverrideError(`--samples must be an integer from 1 to ${MAX_POINTS} (got ${samples})`);
  const stream = new RandomStreams(seed).get('sweep/lhs');
  const columns = factors.map((f) => {
    const strata = Array.from({ length: samples }, (_, i) => i);
    // Fisher–Yates with the stream.
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(stream.next() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    return strata.map((s) => {
      const u = (s + stream.next()) / samples;
      return f.levels[Math.min(f.levels.length - 1, Math.floor(u * f.levels.length))];
    });
  });
  return Array.from({ length: samples }, (_, index) => ({
    index,
    settings: factors.map((f, c) => ({ path: f.path, value: columns[c]![index] })),
  }));
}

/**
 * The points of shard i of n (1-based): every point whose index ≡ i − 1 (mod n). A point's seeds depend on
 * the replication only, never on the shard, so shards run anywhere and merge into the one-machine result.
 */
export function shardPoints(
  points: readonly DesignPoint[],
  shard: { index: number; count: number },
): DesignPoint[] {
  return points.filter((p) => p.index % shard.count === shard.index - 1);
}

/** Parses `i/n` (1 ≤ i ≤ n). @throws OverrideError naming `--shard`. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m === null ? Number.NaN : Number(m[1]);
  const count = m === null ? Number.NaN : Number(m[2]);
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(count) && index >= 1 && index <= count))
    throw new OverrideError(`--shard must be i/n with 1 <= i <= n, e.g. 2/8 (got "${text}")`);
  return { index, count };
}
