import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/entities/part.js';
import { dispatchOrder } from '../../../src/entities/station/dispatch-task.js';

/** A waiting part as the dispatch order reads it: queued time (none: 0), product sort key, id. */
function part(id: number, queuedS: number | undefined, sortKey: string): Part {
  const currentStep = queuedS === undefined ? undefined : { queuedS };
  return { id, currentStep, plan: { sortKey } } as unknown as Part;
}

/** The order by its definition: a sort with a comparator over the three keys. */
function reference(parts: readonly Part[], lifo: boolean): Part[] {
  const sign = lifo ? -1 : 1;
  return [...parts].sort((a, b) => {
    const qa = a.currentStep?.queuedS ?? 0;
    const qb = b.currentStep?.queuedS ?? 0;
    if (qa !== qb) return sign * (qa - qb);
    if (a.plan.sortKey !== b.plan.sortKey) return a.plan.sortKey < b.plan.sortKey ? -1 : 1;
    return a.id - b.id;
  });
}

const queue = (parts: Part[]) => ({ level: parts.length, partAt: (i: number) => parts[i]! });

describe('dispatch order (queued time, then product, then part id)', () => {
  it('is the order its definition gives, for queues in arrival order and in any order', () => {
    const entry = fc.record({
      queuedS: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      sortKey: fc.constantFrom('a', 'b', 'c0002', 'c0010'),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        (entries, arrival, lifo) => {
          // Distinct ids in a shuffled order, so the id key is exercised apart from the position.
          let parts = entries.map((e, i) => part((i * 7919) % 1009, e.queuedS, e.sortKey));
          if (arrival) {
            parts = [...parts].sort((a, b) => (a.currentStep?.queuedS ?? 0) - (b.currentStep?.queuedS ?? 0));
          }
          const got = dispatchOrder(queue(parts), lifo);
          expect(got.map((p) => p.id)).toEqual(reference(parts, lifo).map((p) => p.id));
          expect(parts).toHaveLength(entries.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns a new array, leaving the queue as it was', () => {
    const parts = [part(3, 5, 'b'), part(1, 5, 'a'), part(2, 1, 'a')];
    const before = [...parts];
    const got = dispatchOrder(queue(parts), false);
    expect(got.map((p) => p.id)).toEqual([2, 1, 3]);
    expect(dispatchOrder(queue(parts), true).map((p) => p.id)).toEqual([1, 3, 2]);
    expect(parts).toEqual(before);
    expect(got).not.toBe(parts);
  });
});
