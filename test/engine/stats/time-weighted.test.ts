// Runs in well under a second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../../src/engine/errors.js';
import { TimeWeighted } from '../../../src/engine/stats/time-weighted.js';

/** A step function: start time, initial level, then (duration ≥ 0 s, new level) steps. */
const stepFunction = fc.record({
  start: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  level: fc.integer({ min: -5, max: 20 }),
  steps: fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: -5, max: 20 })), {
    maxLength: 60,
    size: 'max',
  }),
  tail: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe('TimeWeighted', () => {
  it('integral and mean equal the hand-computed area of a queue-length example', () => {
    // Level 0 on [0, 2), 3 on [2, 5), 1 on [5, 10): area 0·2 + 3·3 + 1·5 = 14 over 10 s.
    const tw = new TimeWeighted();
    tw.update(2, 3);
    tw.update(5, 1);
    expect(tw.integral(10)).toBe(14);
    expect(tw.mean(10)).toBe(1.4);
    expect([tw.level, tw.min, tw.max]).toEqual([1, 0, 3]);
  });

  it('integral and mean equal the area under a random step function', () => {
    fc.assert(
      fc.property(stepFunction, ({ start, level, steps, tail }) => {
        const tw = new TimeWeighted({ now: start, level });
        let t = start;
        let cur = level;
        let area = 0;
        let absArea = 0;
        for (const [step, next] of steps) {
          const dt = t + step - t; // the step as float64 time arithmetic sees it
          area += cur * dt;
          absArea += Math.abs(cur) * dt;
          t += step;
          tw.update(t, next);
          cur = next;
        }
        const end = t + tail;
        area += cur * (end - t);
        absArea += Math.abs(cur) * (end - t);
        const tol = 1e-9 * (absArea + 1);
        expect(Math.abs(tw.integral(end) - area)).toBeLessThanOrEqual(tol);
        if (end > start) expect(Math.abs(tw.mean(end) * (end - start) - area)).toBeLessThanOrEqual(tol * 2);
        expect(tw.min).toBe(Math.min(level, ...steps.map(([, l]) => l)));
        expect(tw.max).toBe(Math.max(level, ...steps.map(([, l]) => l)));
      }),
    );
  });

  it('timeAtLevel sums to the elapsed time and matches the time spent at each level', () => {
    fc.assert(
      fc.property(stepFunction, ({ start, level, steps, tail }) => {
        const tw = new TimeWeighted({ now: start, level, trackLevels: true });
        const expected = new Map<number, number>();
        let t = start;
        let cur = level;
        for (const [step, next] of steps) {
          const dt = t + step - t; // the step as float64 time arithmetic sees it
          expected.set(cur, (expected.get(cur) ?? 0) + dt);
          t += step;
          tw.update(t, next);
          cur = next;
        }
        const end = t + tail;
        expected.set(cur, (expected.get(cur) ?? 0) + (end - t));
        const got = tw.timeAtLevel(end);
        let total = 0;
        for (const s of got.values()) total += s;
        expect(Math.abs(total - (end - start))).toBeLessThanOrEqual(
          1e-9 * (Math.abs(end) + Math.abs(start) + 1),
        );
        for (const [l, s] of expected) {
          if (s > 0 || l === cur) expect(got.get(l)).toBeCloseTo(s, 6);
        }
        expect(got.has(cur)).toBe(true);
      }),
    );
  });

  it('timeAtLevel gives busy/idle seconds of a 0/1 level, and state fractions from them', () => {
    const busy = new TimeWeighted({ now: 100, trackLevels: true });
    busy.update(130, 1);
    busy.update(160, 0);
    busy.update(190, 1);
    const at = busy.timeAtLevel(200);
    expect(Object.fromEntries(at)).toEqual({ 0: 60, 1: 40 });
    expect(busy.mean(200)).toBe(0.4);
  });

  it('reset discards the past, keeps the current level and restarts min and max from it', () => {
    const tw = new TimeWeighted({ trackLevels: true });
    tw.update(5, 10);
    tw.update(8, 2);
    tw.reset(20);
    expect(tw.startTime).toBe(20);
    expect([tw.level, tw.min, tw.max]).toEqual([2, 2, 2]);
    expect(tw.integral(25)).toBe(10);
    expect(tw.mean(25)).toBe(2);
    tw.update(30, 4);
    expect(tw.mean(40)).toBe((2 * 10 + 4 * 10) / 20);
    expect(Object.fromEntries(tw.timeAtLevel(40))).toEqual({ 2: 10, 4: 10 });
  });

  it('after a reset at time r, statistics equal those of a fresh collector started at r with the current level', () => {
    fc.assert(
      fc.property(stepFunction, stepFunction, ({ start, level, steps }, later) => {
        const a = new TimeWeighted({ now: start, level, trackLevels: true });
        let t = start;
        for (const [dt, l] of steps) a.update((t += dt), l);
        a.reset(t);
        const b = new TimeWeighted({ now: t, level: a.level, trackLevels: true });
        for (const [dt, l] of later.steps) {
          t += dt;
          a.update(t, l);
          b.update(t, l);
        }
        const end = t + later.tail;
        expect(a.integral(end)).toBe(b.integral(end));
        expect(a.mean(end)).toBe(b.mean(end));
        expect([a.min, a.max]).toEqual([b.min, b.max]);
        expect(a.timeAtLevel(end)).toEqual(b.timeAtLevel(end));
      }),
    );
  });

  it('with no elapsed time, mean is the current level', () => {
    const tw = new TimeWeighted({ now: 7, level: 3 });
    expect(tw.mean(7)).toBe(3);
    tw.update(7, 5);
    expect(tw.mean(7)).toBe(5);
  });

  it('time going backwards throws an InvalidArgumentError naming the value, and changes nothing', () => {
    const tw = new TimeWeighted({ now: 0, level: 1, trackLevels: true });
    tw.update(10, 2);
    expect(() => tw.update(9.5, 3)).toThrow(
      new InvalidArgumentError(
        'TimeWeighted.update: now must be a finite time >= the last update time 10 s (got 9.5)',
      ),
    );
    for (const call of [
      () => tw.mean(9),
      () => tw.integral(9),
      () => tw.reset(9),
      () => tw.timeAtLevel(9),
      () => tw.update(Number.NaN, 1),
      () => tw.update(Number.POSITIVE_INFINITY, 1),
    ]) {
      expect(call).toThrow(InvalidArgumentError);
    }
    expect([tw.level, tw.lastUpdateTime, tw.integral(10)]).toEqual([2, 10, 10]);
  });

  it('a non-finite level or option throws an InvalidArgumentError', () => {
    const tw = new TimeWeighted();
    expect(() => tw.update(1, Number.NaN)).toThrow(
      'TimeWeighted.update: level must be a finite number (got NaN)',
    );
    expect(() => new TimeWeighted({ now: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => new TimeWeighted({ level: Number.POSITIVE_INFINITY })).toThrow(InvalidArgumentError);
    expect(tw.lastUpdateTime).toBe(0);
  });

  it('timeAtLevel without trackLevels throws an InvalidStateError', () => {
    expect(() => new TimeWeighted().timeAtLevel(1)).toThrow(InvalidStateError);
  });
});
