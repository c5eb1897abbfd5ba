import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/engine/errors.js';
import { RandomStream, RandomStreams } from '../../../src/engine/random/index.js';

const draws = (s: RandomStream, n: number, f: (s: RandomStream) => number = (r) => r.next()) =>
  Array.from({ length: n }, () => f(s));

describe('RandomStream', () => {
  it('golden: the first five draws of stream "a/b" under master seed 42 never change', () => {
    const s = new RandomStreams(42).get('a/b');
    // Seed string '42\u241Fa/b' through seedrandom's Alea; a diff here means every seeded run changed.
    expect(draws(s, 5)).toEqual([
      0.9069681032560766, 0.6199770057573915, 0.9497209372930229, 0.8566549189854413, 0.0847870756406337,
    ]);
  });

  it("draws exactly seedrandom's Alea sequence for any seed string (the stream keeps Alea's state in a typed array)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 3000 }), (seed, n) => {
        const alea = seedrandom.alea(seed);
        expect(draws(new RandomStream('x', seed), n)).toEqual(Array.from({ length: n }, () => alea()));
      }),
    );
  });

  it('the same seed string gives the same sequence', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 200 }), (seed, n) => {
        expect(draws(new RandomStream('x', seed), n)).toEqual(draws(new RandomStream('y', seed), n));
      }),
    );
  });

  it('next() lies in [0, 1) on the grid k · 2^-32', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const bad = draws(new RandomStream('x', seed), 500).filter(
          (u) => !(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 32)),
        );
        expect(bad).toEqual([]);
      }),
    );
  });

  it('nextOpen() lies strictly inside (0, 1) and is next() moved up by half a grid step', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = new RandomStream('x', seed);
        const b = new RandomStream('x', seed);
        const bad = draws(a, 500, (r) => r.nextOpen()).filter(
          (u) => !(u > 0 && u < 1 && u === b.next() + 2 ** -33),
        );
        expect(bad).toEqual([]);
      }),
    );
  });

  it('int(lo, hi) returns integers in [lo, hi], every one of them, in about equal numbers', () => {
    const s = new RandomStreams(1).get('int');
    const counts = new Map<number, number>();
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const k = s.int(-2, 3);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    // Each count is Binomial(n, 1/6): sd ≈ 91; 5 sd is a 1-in-a-million band.
    for (const c of counts.values()) expect(Math.abs(c - n / 6)).toBeLessThan(5 * Math.sqrt((n * 5) / 36));
  });

  it('int(lo, hi) stays in range for any valid bounds, including a single value and 2^32 values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.string(),
        (lo, w, seed) => {
          const s = new RandomStream('x', seed);
          const bad = draws(s, 50, (r) => r.int(lo, lo + w)).filter(
            (k) => !(Number.isInteger(k) && k >= lo && k <= lo + w),
          );
          expect(bad).toEqual([]);
        },
      ),
    );
  });

  it.each([
    ['lo not an integer', 0.5, 3, /^RandomStream\.int: lo must be a safe integer \(got 0\.5\)/],
    ['hi below lo', 3, 2, /^RandomStream\.int: hi must be a safe integer >= lo \(got lo=3, hi=2\)/],
    ['hi NaN', 0, Number.NaN, /^RandomStream\.int: hi must be a safe integer >= lo \(got lo=0, hi=NaN\)/],
    ['range wider than 2^32', 0, 2 ** 32, /^RandomStream\.int: hi - lo must be < 2\^32/],
  ])('int rejects %s', (_label, lo, hi, message) => {
    const s = new RandomStream('x', 'seed');
    expect(() => s.int(lo, hi)).toThrow(InvalidArgumentError);
    expect(() => s.int(lo, hi)).toThrow(message);
  });

  it('rejects an empty name and a non-string seed', () => {
    expect(() => new RandomStream('', 'seed')).toThrow(
      /^RandomStream: name must be a non-empty string \(got ""\)$/,
    );
    expect(() => new RandomStream('x', 42 as unknown as string)).toThrow(
      /^RandomStream: seed must be a string \(got 42\)$/,
    );
  });
});
