import { describe, expect, test } from 'vitest';
import { boxSpace, contains, discreteSpace, multiBinarySpace, spaceProblems } from '../../src/rl/spaces.js';

describe('spaces', () => {
  test('a box contains exactly the float32 arrays of its size within its bounds, all finite', () => {
    const box = boxSpace([0, -1], [1, 1]);
    expect(contains(box, new Float32Array([0.5, -1]))).toBe(true);
    expect(contains(box, [1, 1])).toBe(true);
    expect(contains(box, new Float32Array([1.5, 0]))).toBe(false);
    expect(contains(box, new Float32Array([Number.NaN, 0]))).toBe(false);
    expect(contains(box, new Float32Array([0]))).toBe(false);
    expect(contains(box, new Float64Array([0, 0]))).toBe(false);
    expect(contains(box, 'x')).toBe(false);
  });

  test('a discrete space contains the integers 0 … n − 1 only', () => {
    const d = discreteSpace(3);
    expect([0, 1, 2].every((a) => contains(d, a))).toBe(true);
    for (const bad of [3, -1, 0.5, Number.NaN, '1', null]) expect(contains(d, bad)).toBe(false);
  });

  test('a multi-binary space contains n zeros and ones', () => {
    const m = multiBinarySpace(3);
    expect(contains(m, new Uint8Array([0, 1, 1]))).toBe(true);
    expect(contains(m, [true, false, true])).toBe(true);
    expect(contains(m, new Uint8Array([0, 2, 1]))).toBe(false);
    expect(contains(m, new Uint8Array([0, 1]))).toBe(false);
  });

  test('well-formed spaces have no problems and survive a JSON round trip unchanged', () => {
    for (const s of [boxSpace([0, 0], [1, 2]), discreteSpace(4), multiBinarySpace(4)]) {
      expect(spaceProblems(s)).toEqual([]);
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    }
  });

  test('a malformed space is named with what is wrong', () => {
    expect(spaceProblems({ type: 'discrete', n: 0 })).toEqual(['discrete n must be an integer >= 1 (got 0)']);
    expect(
      spaceProblems({ type: 'box', shape: [2], dtype: 'float32', low: [0, 2], high: [1, 1] })[0],
    ).toMatch(/element 1 needs finite low <= high/);
    expect(() => boxSpace([0], [Number.POSITIVE_INFINITY])).toThrow(/boxSpace: element 0/);
    expect(() => discreteSpace(1.5)).toThrow(/discreteSpace: n must be an integer >= 1/);
  });
});
