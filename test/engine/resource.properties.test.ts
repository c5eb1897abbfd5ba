import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/engine/request.js';
import { Resource } from '../../src/engine/resource.js';
import { Simulation } from '../../src/engine/simulation.js';

/** One request of the generated workload. */
interface Job {
  at: number;
  hold: number;
  priority: number;
  /** Cancel after this many seconds if still waiting (null: never). */
  patience: number | null;
}

const job: fc.Arbitrary<Job> = fc.record({
  at: fc.integer({ min: 0, max: 20 }),
  hold: fc.integer({ min: 0, max: 5 }),
  priority: fc.integer({ min: 0, max: 3 }),
  patience: fc.option(fc.integer({ min: 0, max: 6 })),
});

/**
 * A plain-array reference of the resource: replaying the operations in the order they happened gives
 * the order in which requests must be granted.
 */
function referenceGrants(
  trace: (['req', number, number] | ['cancel', number] | ['release'])[],
  capacity: number,
  priority: boolean,
) {
  const waiting: { id: number; priority: number; seq: number }[] = [];
  const grants: number[] = [];
  let inUse = 0;
  let seq = 0;
  const serve = () => {
    while (inUse < capacity && waiting.length > 0) {
      waiting.sort((a, b) => (priority ? a.priority - b.priority : 0) || a.seq - b.seq);
      grants.push(waiting.shift()!.id);
      inUse++;
    }
  };
  for (const op of trace) {
    if (op[0] === 'req') {
      waiting.push({ id: op[1], priority: op[2], seq: seq++ });
      serve();
    } else if (op[0] === 'cancel') {
      waiting.splice(
        waiting.findIndex((w) => w.id === op[1]),
        1,
      );
    } else {
      inUse--;
      serve();
    }
  }
  return grants;
}

describe('Resource properties', () => {
  it('capacity is never exceeded, cancelled requests are never granted, and waiters are served in order', () => {
    fc.assert(
      fc.property(
        fc.array(job, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (jobs, capacity, priority) => {
          const sim = new Simulation();
          const res = new Resource(sim, { capacity, discipline: priority ? 'priority' : 'fifo' });
          const trace: (['req', number, number] | ['cancel', number] | ['release'])[] = [];
          const granted: number[] = [];
          const cancelled = new Set<number>();
          jobs.forEach((j, id) => {
            sim.schedule(j.at, () => {
              const req: Request = res.request({ priority: j.priority });
              trace.push(['req', id, j.priority]);
              expect(res.inUse).toBeLessThanOrEqual(capacity);
              req.addCallback(() => {
                granted.push(id);
                sim.schedule(j.hold, () => {
                  res.release(req);
                  trace.push(['release']);
                  expect(res.inUse).toBeLessThanOrEqual(capacity);
                });
              });
              if (j.patience !== null) {
                sim.schedule(j.patience, () => {
                  if (req.cancel()) {
                    trace.push(['cancel', id]);
                    cancelled.add(id);
                  }
                });
              }
            });
          });
          sim.run();
          expect(granted).toEqual(referenceGrants(trace, capacity, priority));
          for (const id of cancelled) expect(granted).not.toContain(id);
          expect(granted.length + cancelled.size).toBe(jobs.length);
          expect(res.inUse).toBe(0);
          expect(res.queueLength).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the callback API keeps the same guarantees', () => {
    fc.assert(
      fc.property(fc.array(job, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (jobs, capacity) => {
        const sim = new Simulation();
        const res = new Resource(sim, { capacity, discipline: 'priority' });
        const trace: (['req', number, number] | ['release'])[] = [];
        const granted: number[] = [];
        jobs.forEach((j, id) => {
          sim.schedule(j.at, () => {
            trace.push(['req', id, j.priority]);
            res.acquire(
              () => {
                granted.push(id);
                expect(res.inUse).toBeLessThanOrEqual(capacity);
                sim.schedule(j.hold, () => {
                  trace.push(['release']);
                  res.release();
                });
              },
              undefined,
              j.priority,
            );
          });
        });
        sim.run();
        expect(granted).toEqual(referenceGrants(trace, capacity, true));
        expect(granted).toHaveLength(jobs.length);
      }),
      { numRuns: 300 },
    );
  });
});
