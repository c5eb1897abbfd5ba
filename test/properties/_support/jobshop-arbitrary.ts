import fc from 'fast-check';
import type { JobShopInstance } from '../../../src/scenario/index.js';

/**
 * Random job shops: 2–6 jobs on 2–5 machines, every job visiting every machine once in a random order,
 * integer durations 1–9 (many ties, which is what the tie-break rules are about).
 */
export const jobShopArbitrary: fc.Arbitrary<JobShopInstance> = fc
  .record({ jobs: fc.integer({ min: 2, max: 6 }), machines: fc.integer({ min: 2, max: 5 }) })
  .chain(({ jobs, machines }) =>
    fc
      .array(
        fc.tuple(
          fc.shuffledSubarray(
            Array.from({ length: machines }, (_, m) => m),
            { minLength: machines, maxLength: machines },
          ),
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: machines, maxLength: machines }),
        ),
        { minLength: jobs, maxLength: jobs },
      )
      .map((rows) => ({
        name: 'generated',
        jobs,
        machines,
        operations: rows.map(([order, durations]) =>
          order.map((machine, k) => ({ machine, duration: durations[k]! })),
        ),
      })),
  );
