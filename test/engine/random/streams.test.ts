import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/engine/errors.js';
import { RandomStreams } from '../../../src/engine/random/index.js';

const DRAWS = 12;

/** The first `n` draws of stream `name`, made alone in a fresh set of streams. */
function alone(seed: number | string, name: string, n = DRAWS): number[] {
  const s = new RandomStreams(seed).get(name);
  return Array.from({ length: n }, () => s.next());
}

const masterSeed = fc.oneof(fc.integer(), fc.string({ minLength: 1 }));
const streamName = fc.string({ minLength: 1, maxLength: 12 });

describe('RandomStreams', () => {
  it('get(name) returns the same stream object every time, which continues its sequence', () => {
    const streams = new RandomStreams(7);
    const a = streams.get('m1/process');
    const first = a.next();
    expect(streams.get('m1/process')).toBe(a);
    expect(streams.get('m1/process').next()).toBe(alone(7, 'm1/process', 2)[1]);
    expect(first).toBe(alone(7, 'm1/process', 1)[0]);
    expect(a.name).toBe('m1/process');
  });

  it('the same master seed and name give the same sequence', () => {
    fc.assert(
      fc.property(masterSeed, streamName, (seed, name) => {
        expect(alone(seed, name)).toEqual(alone(seed, name));
      }),
    );
  });

  it('different names give different sequences', () => {
    fc.assert(
      fc.property(masterSeed, streamName, streamName, (seed, a, b) => {
        fc.pre(a !== b);
        expect(alone(seed, a)).not.toEqual(alone(seed, b));
      }),
    );
  });

  it('different master seeds give different sequences for the same name', () => {
    fc.assert(
      fc.property(masterSeed, masterSeed, streamName, (s1, s2, name) => {
        fc.pre(String(s1) !== String(s2));
        expect(alone(s1, name)).not.toEqual(alone(s2, name));
      }),
    );
  });

  it("a stream's draws depend neither on creation order nor on other streams being created or used", () => {
    fc.assert(
      fc.property(
        masterSeed,
        fc.uniqueArray(streamName, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (seed, names, schedule) => {
          // Streams are created lazily, in the order the random schedule first touches them,
          // and used in an arbitrary interleaving.
          const streams = new RandomStreams(seed);
          const seen = new Map<string, number[]>(names.map((n) => [n, []]));
          for (const pick of schedule) {
            const name = names[pick % names.length]!;
            seen.get(name)!.push(streams.get(name).next());
          }
          for (const [name, got] of seen) expect(got).toEqual(alone(seed, name, got.length));
        },
      ),
    );
  });

  it('a number master seed and its decimal string give the same streams', () => {
    expect(alone(42, 'x')).toEqual(alone('42', 'x'));
  });

  it('exposes its master seed', () => {
    expect(new RandomStreams(42).masterSeed).toBe(42);
    expect(new RandomStreams('run-a').masterSeed).toBe('run-a');
  });

  it.each([
    ['a fraction', 1.5, '1.5'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['an empty string', '', '""'],
    ['undefined', undefined, 'undefined'],
  ])('rejects %s as master seed', (_label, seed, shown) => {
    const make = () => new RandomStreams(seed as number);
    expect(make).toThrow(InvalidArgumentError);
    expect(make).toThrow(
      `RandomStreams: masterSeed must be a finite integer or a non-empty string (got ${shown})`,
    );
  });

  it('rejects an empty or non-string stream name', () => {
    const streams = new RandomStreams(1);
    expect(() => streams.get('')).toThrow(InvalidArgumentError);
    expect(() => streams.get('')).toThrow('RandomStreams.get: name must be a non-empty string (got "")');
    expect(() => streams.get(3 as unknown as string)).toThrow(
      'RandomStreams.get: name must be a non-empty string (got 3)',
    );
  });

  it('many streams drawn in turn (their states sharing one growing table) each draw exactly what they draw alone', () => {
    const streams = new RandomStreams(11);
    const names = Array.from({ length: 70 }, (_, i) => `s${i}/process`);
    const seen = names.map(() => [] as number[]);
    // Round-robin, so every row of the shared table is written between two draws of any one stream.
    for (let k = 0; k < DRAWS; k++) {
      for (const [i, name] of names.entries()) seen[i]!.push(streams.get(name).next());
    }
    expect(seen).toEqual(names.map((name) => alone(11, name)));
  });
});
