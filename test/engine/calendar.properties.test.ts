import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, type PoppedEvent } from '../../src/engine/calendar.js';

/** One pending event of the reference model: what the calendar must hand out, in (time, priority, seq) order. */
interface Pending {
  readonly id: number;
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly tag: number;
}

/** A time: `offset` after the time of the latest event taken off (`relative`), or `offset` itself. */
interface TimeSpec {
  readonly relative: boolean;
  readonly offset: number;
}

type Op =
  | {
      readonly kind: 'push';
      readonly at: TimeSpec;
      readonly priority: number;
      readonly count: number;
      readonly spaced: boolean;
    }
  | { readonly kind: 'pop' }
  | { readonly kind: 'cancel'; readonly pick: number }
  | { readonly kind: 'clear' };

/** Event times as models produce them, and harder ones: ties, tiny and huge spacings, far-off events. */
const timeSpec: fc.Arbitrary<TimeSpec> = fc.oneof(
  fc.constant({ relative: true, offset: 0 }),
  fc.integer({ min: 0, max: 5 }).map((offset) => ({ relative: true, offset })),
  fc.double({ min: 0, max: 1e-6, noNaN: true }).map((offset) => ({ relative: true, offset })),
  fc.double({ min: 0, max: 600, noNaN: true }).map((offset) => ({ relative: true, offset })),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((offset) => ({ relative: true, offset })),
  fc.double({ min: -1e3, max: 1e12, noNaN: true }).map((offset) => ({ relative: false, offset })),
);

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 100,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      at: timeSpec,
      priority: fc.integer({ min: -2, max: 2 }),
      count: fc.integer({ min: 1, max: 40 }),
      spaced: fc.boolean(),
    }),
  },
  { weight: 80, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

/** Earliest of the model's pending events by (time, priority, seq). */
function earliest(pending: Pending[]): number {
  let best = 0;
  for (let i = 1; i < pending.length; i++) {
    const a = pending[i]!;
    const b = pending[best]!;
    if (
      a.time < b.time ||
      (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))
    )
      best = i;
  }
  return best;
}

describe('Calendar', () => {
  it('hands out events in (time, priority, insertion) order through pushes, pops, cancels and clears of any times', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 50, maxLength: 400 }), (script) => {
        const calendar = new Calendar(4);
        const pending: Pending[] = [];
        const ids: number[] = [];
        const out: PoppedEvent = { time: Number.NaN, handler: undefined, data: undefined };
        let seq = 0;
        let now = 0;
        for (const op of script) {
          if (op.kind === 'push') {
            // A burst of `count` events: at one time, or a quarter second apart.
            const first = op.at.relative ? now + op.at.offset : op.at.offset;
            for (let k = 0; k < op.count; k++) {
              const time = first + (op.spaced ? k * 0.25 : 0);
              const tag = seq;
              const id = calendar.push(time, op.priority, () => undefined, tag);
              pending.push({ id, time, priority: op.priority, seq: seq++, tag });
              ids.push(id);
              expect(calendar.isPending(id)).toBe(true);
              expect(calendar.timeOf(id)).toBe(time);
            }
          } else if (op.kind === 'pop') {
            if (pending.length === 0) continue;
            const i = earliest(pending);
            const want = pending[i]!;
            expect(calendar.peekTime()).toBe(want.time);
            calendar.pop(out);
            expect(out.data).toBe(want.tag);
            expect(out.time).toBe(want.time);
            expect(calendar.isPending(want.id)).toBe(false);
            pending.splice(i, 1);
            now = Math.max(now, want.time);
          } else if (op.kind === 'cancel') {
            if (ids.length === 0) continue;
            const id = ids[op.pick % ids.length]!;
            const i = pending.findIndex((p) => p.id === id);
            expect(calendar.cancel(id)).toBe(i >= 0);
            if (i >= 0) pending.splice(i, 1);
            expect(calendar.cancel(id)).toBe(false);
            expect(calendar.timeOf(id)).toBeNaN();
          } else {
            calendar.clear();
            for (const p of pending) expect(calendar.isPending(p.id)).toBe(false);
            pending.length = 0;
          }
          expect(calendar.size).toBe(pending.length);
        }
        // Drain: everything left comes out in order.
        while (pending.length > 0) {
          const i = earliest(pending);
          calendar.pop(out);
          expect(out.data).toBe(pending[i]!.tag);
          pending.splice(i, 1);
        }
        expect(calendar.size).toBe(0);
        expect(calendar.peekTime()).toBe(Number.POSITIVE_INFINITY);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the order of a long hold run (pop one, push one later) while its spacing changes', () => {
    // The steady state of a model (each event schedules the next), with the mean spacing moving over
    // six orders of magnitude: the buckets are laid out again as the spacing drifts.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer(), (n, seed) => {
        const calendar = new Calendar();
        let state = seed >>> 0 || 1;
        const uniform = (): number => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return ((state >>> 0) + 0.5) / 2 ** 32;
        };
        const out: PoppedEvent = { time: Number.NaN, handler: undefined, data: undefined };
        for (let i = 0; i < n; i++) calendar.push(-Math.log(uniform()) * n, 0, () => undefined, i);
        let last = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < 20_000; k++) {
          calendar.pop(out);
          expect(out.time).toBeGreaterThanOrEqual(last);
          last = out.time;
          const scale = 10 ** (6 * (k / 20_000) - 3);
          calendar.push(out.time - Math.log(uniform()) * scale * n, 0, () => undefined, k);
        }
        expect(calendar.size).toBe(n);
      }),
      { numRuns: 12 },
    );
  });
});
