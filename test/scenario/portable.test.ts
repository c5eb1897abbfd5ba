/**
 * portableScenario / revivePortableScenario: a loaded scenario crosses a structured clone (a worker
 * thread's message) and comes back equal, distributions rebuilt with the same prototypes, fields and draws.
 * Under 1 s.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Distribution, RandomStream } from '../../src/engine/index.js';
import {
  type DistributionSpec,
  loadScenarioFile,
  portableScenario,
  revivePortableScenario,
  type Scenario,
  toDistribution,
} from '../../src/scenario/index.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

/** What a worker thread receives and rebuilds. */
const roundTrip = <T>(value: T): T =>
  revivePortableScenario(structuredClone(portableScenario(value as unknown as Scenario))) as T;

const draws = (d: Distribution, seed: string) => {
  const rng = new RandomStream('portable', seed);
  return Array.from({ length: 50 }, () => d.sample(rng));
};

/** One spec of each family the scenario files accept, with parameters from fast-check. */
const duration = fc.double({ min: 0.5, max: 1e5, noNaN: true });
const spec: fc.Arbitrary<DistributionSpec> = fc.oneof(
  duration.map((v) => ({ constant: v })),
  duration.map((mean) => ({ exponential: { mean } })),
  fc.record({ k: fc.integer({ min: 1, max: 40 }), mean: duration }).map((p) => ({ erlang: p })),
  fc
    .record({ shape: fc.double({ min: 0.2, max: 30, noNaN: true }), scale: duration })
    .map((p) => ({ gamma: p })),
  fc
    .record({ mean: duration, cv: fc.double({ min: 0.05, max: 2, noNaN: true }) })
    .map((p) => ({ lognormal: p })),
  // sd up to 2 × mean: the truncation at 0 matters (the truncated mean differs from mu).
  fc
    .record({ mean: duration, f: fc.double({ min: 0.01, max: 2, noNaN: true }) })
    .map(({ mean, f }) => ({ normal: { mean, sd: mean * f } })),
  fc.tuple(duration, duration).map(([a, w]) => ({ uniform: { min: a, max: a + w } })),
  fc
    .tuple(duration, duration, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, w, m]) => ({ triangular: { min: a, mode: a + w * m, max: a + w } })),
  fc
    .tuple(duration, duration, fc.double({ min: 0.01, max: 0.99, noNaN: true }))
    .map(([a, w, m]) => ({ pert: { min: a, mode: a + w * m, max: a + w } })),
  fc
    .record({ shape: fc.double({ min: 0.3, max: 5, noNaN: true }), scale: duration })
    .map((p) => ({ weibull: p })),
  fc.array(duration, { minLength: 1, maxLength: 6 }).map((values) => ({ empirical: { values } })),
  fc
    .array(fc.tuple(duration, fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 6 })
    .map((vw) => ({ empirical: { values: vw.map((x) => x[0]), weights: vw.map((x) => x[1]) } })),
);

describe('portableScenario', () => {
  it('every example scenario comes back deep-equal (prototypes included) through a structured clone', () => {
    const files = readdirSync(SCENARIOS).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const loaded = loadScenarioFile(join(SCENARIOS, f));
      if (!loaded.ok) throw new Error(`${f} does not load`);
      expect(isDeepStrictEqual(roundTrip(loaded.scenario), loaded.scenario), f).toBe(true);
    }
  });

  it('every distribution family comes back equal and draws the same numbers from the same stream', () => {
    fc.assert(
      fc.property(spec, fc.string(), (s, seed) => {
        const d = toDistribution(s);
        const back = roundTrip({ d }).d;
        expect(Object.getPrototypeOf(back)).toBe(Object.getPrototypeOf(d));
        expect(back).toEqual(d);
        expect(draws(back, seed)).toEqual(draws(d, seed));
      }),
      { numRuns: 300 },
    );
  });

  it('the portable form is plain data: no class instance survives in it', () => {
    const loaded = loadScenarioFile(join(SCENARIOS, 'demo-factory.yaml'));
    if (!loaded.ok) throw new Error('demo-factory.yaml does not load');
    const plain = (v: unknown): boolean =>
      v === null ||
      typeof v !== 'object' ||
      (Array.isArray(v)
        ? v.every(plain)
        : Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plain));
    expect(plain(portableScenario(loaded.scenario).data)).toBe(true);
  });

  it('a value with no plain form is an error naming its path, not a silent loss', () => {
    expect(() => portableScenario({ stations: [{ x: new Map() }] } as unknown as Scenario)).toThrow(
      /Map at stations\[0\]\.x/,
    );
    expect(() => portableScenario({ a: () => 1 } as unknown as Scenario)).toThrow(/function at a/);
  });

  it('an unknown distribution tag is an error', () => {
    expect(() => revivePortableScenario({ data: { d: { $distribution: 'zipf', n: 3 } } })).toThrow(
      /unknown distribution "zipf"/,
    );
  });
});
