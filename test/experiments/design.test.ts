/**
 * Sweep designs: factor specs, the grid, Latin hypercubes and shards (fast-check properties; under 1 s).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridDesign, lhsDesign, parseFactor, parseShard, shardPoints } from '../../src/experiments/design.js';

describe('factor specs', () => {
  it('a range lists its integers, a step its multiples, a list its YAML values', () => {
    expect(parseFactor('buffers.b1.capacity=1..4').levels).toEqual([1, 2, 3, 4]);
    expect(parseFactor('x=1..9:2').levels).toEqual([1, 3, 5, 7, 9]);
    expect(parseFactor('x=0.1..0.3:0.1').levels).toEqual([0.1, 0.2, 0.3]);
    expect(parseFactor('x=20min,30min').levels).toEqual(['20min', '30min']);
    expect(parseFactor('x={ rule: atc, k: 2 },fifo').levels).toEqual([{ rule: 'atc', k: 2 }, 'fifo']);
  });
  it('a bad spec is an error naming the setting', () => {
    expect(() => parseFactor('x=5..1')).toThrow(/--set "x=5..1": the range 5..1 is empty/);
    expect(() => parseFactor('x=0.5..2')).toThrow(/needs a step/);
    expect(() => parseFactor('x=1..1000000')).toThrow(/at most/);
    expect(() => parseFactor('nothing')).toThrow(/expected path=levels/);
  });
});

describe('designs', () => {
  const a = parseFactor('a=1..3');
  const b = parseFactor('b=1,2');
  it('the grid holds every combination once, the first factor varying slowest', () => {
    const g = gridDesign([a, b]);
    expect(g.map((p) => p.settings.map((s) => s.value))).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 1],
      [3, 2],
    ]);
    expect(g.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('a Latin hypercube puts one point in each stratum of every factor, and the same seed gives the same points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const f = parseFactor(`x=1..${n}`);
        const g = parseFactor(`y=0..${10 * n - 1}`);
        const pts = lhsDesign([f, g], n, seed);
        // With n levels and n samples each level appears exactly once.
        expect(pts.map((p) => p.settings[0]!.value as number).sort((p, q) => p - q)).toEqual(f.levels);
        // y: one value in each of the n strata of 10 levels.
        const strata = pts
          .map((p) => Math.floor((p.settings[1]!.value as number) / 10))
          .sort((p, q) => p - q);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(lhsDesign([f, g], n, seed)).toEqual(pts);
      }),
      { numRuns: 50 },
    );
    expect(lhsDesign([parseFactor('y=0..999')], 10, 1)).not.toEqual(
      lhsDesign([parseFactor('y=0..999')], 10, 2),
    );
  });
  it('shards partition the points: each point in exactly one shard, whatever the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), (n, count) => {
        const pts = gridDesign([parseFactor(`x=1..${n}`)]);
        const seen = Array.from({ length: count }, (_, i) =>
          shardPoints(pts, { index: i + 1, count }),
        ).flat();
        expect(seen.map((p) => p.index).sort((p, q) => p - q)).toEqual(pts.map((p) => p.index));
      }),
    );
    expect(() => parseShard('4/3')).toThrow(/--shard must be i\/n/);
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
  });
});
