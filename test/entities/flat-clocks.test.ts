import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/engine/index.js';
import { FlatLevels, FlatStateClocks } from '../../src/entities/_internal/flat-clocks.js';
import { StateClock } from '../../src/entities/_internal/state-clock.js';

/** Updates of `n` objects at non-decreasing times: [object, time step (s), new state or level]. */
const updates = (n: number, values: number) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: n - 1 }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 0, max: values - 1 }),
    ),
    { maxLength: 60 },
  );

describe('flat clocks (the statistics of many servers and buffers in one array)', () => {
  it('a row of FlatStateClocks gives exactly what a StateClock per object gives, across a reset', () => {
    fc.assert(
      fc.property(updates(4, 5), fc.integer({ min: 0, max: 60 }), (steps, resetAt) => {
        const initial = [0, 1, 2, 3];
        const flat = new FlatStateClocks(5, initial, 10);
        const one = initial.map((s) => new StateClock(5, s, 10));
        let t = 10;
        steps.forEach(([k, dt, state], i) => {
          t += dt;
          if (i === resetAt) {
            flat.reset(t);
            for (const c of one) c.reset(t);
          }
          flat.update(k, t, state);
          one[k]!.update(t, state);
        });
        const end = t + 1.5;
        for (let k = 0; k < 4; k++) {
          expect(flat.durations(k, end)).toEqual(one[k]!.durations(end));
          for (let s = 0; s < 5; s++) expect(flat.secondsIn(k, s, end)).toBe(one[k]!.secondsIn(s, end));
        }
      }),
    );
  });

  it('a mark is kept per object and cleared by a reset', () => {
    const flat = new FlatStateClocks(3, [0, 0], 0);
    flat.setMark(1, 42.5);
    expect([flat.mark(0), flat.mark(1)]).toEqual([0, 42.5]);
    flat.update(1, 5, 2);
    expect(flat.mark(1)).toBe(42.5);
    flat.reset(6);
    expect(flat.mark(1)).toBe(0);
    expect(flat.durations(1, 7)).toEqual([0, 0, 1]);
  });

  it('a row of FlatLevels gives exactly the mean and maximum of a TimeWeighted per object, across a reset', () => {
    fc.assert(
      fc.property(updates(3, 7), fc.integer({ min: 0, max: 60 }), (steps, resetAt) => {
        const initial = [0, 2, 5];
        const flat = new FlatLevels(initial, 3);
        const one = initial.map((level) => new TimeWeighted({ now: 3, level }));
        let t = 3;
        steps.forEach(([k, dt, level], i) => {
          t += dt;
          if (i === resetAt) {
            flat.reset(t);
            for (const tw of one) tw.reset(t);
          }
          flat.update(k, t, level);
          one[k]!.update(t, level);
        });
        for (const end of [t, t + 2.25]) {
          for (let k = 0; k < 3; k++) {
            expect(flat.mean(k, end)).toBe(one[k]!.mean(end));
            expect(flat.max(k)).toBe(one[k]!.max);
          }
        }
      }),
    );
  });
});
