// Runs in about 0.5 s (10^6 adds, then 400 replications of 2000 draws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../../src/engine/errors.js';
import { BatchMeans } from '../../../src/engine/stats/batch-means.js';
import { seededNormal } from './seeded.js';

describe('BatchMeans', () => {
  it('each batch mean is the mean of its consecutive block of batchSize observations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3000, size: 'max' }),
        (batches, xs) => {
          const bm = new BatchMeans({ batches });
          for (const x of xs) bm.add(x);
          const k = bm.batchSize;
          const expected = bm
            .batchMeans()
            .map((_, i) => xs.slice(i * k, (i + 1) * k).reduce((a, b) => a + b, 0) / k);
          expect(bm.batchMeans()).toEqual(expected);
          expect(bm.count).toBe(xs.length);
          // Complete batches cover all but fewer than batchSize observations.
          expect(xs.length - bm.batchCount * k).toBeGreaterThanOrEqual(0);
          expect(xs.length - bm.batchCount * k).toBeLessThan(k);
          if (xs.length >= 2 * batches) expect(bm.batchCount).toBeGreaterThanOrEqual(batches);
          expect(bm.batchCount).toBeLessThan(2 * batches);
        },
      ),
    );
  });

  it('after 10^6 adds, between B and 2B − 1 batches are kept and the batch size is a power of two', () => {
    const bm = new BatchMeans({ batches: 20 });
    const draw = seededNormal(1);
    for (let i = 0; i < 1_000_000; i++) bm.add(draw());
    expect(bm.batchCount).toBeGreaterThanOrEqual(20);
    expect(bm.batchCount).toBeLessThanOrEqual(39);
    expect(Math.log2(bm.batchSize) % 1).toBe(0);
    expect(bm.batchCount * bm.batchSize).toBeGreaterThan(1_000_000 - bm.batchSize);
    expect(bm.batchMeans()).toHaveLength(bm.batchCount);
  });

  it('on iid normal data the 95% interval covers the true mean 91%–99% of the time (400 replications of 2000 draws)', () => {
    const draw = seededNormal(77, 5, 3);
    let covered = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      const bm = new BatchMeans();
      for (let i = 0; i < 2000; i++) bm.add(draw());
      const ci = bm.confidenceInterval();
      if (ci.lower <= 5 && 5 <= ci.upper) covered++;
    }
    expect(covered / reps).toBeGreaterThanOrEqual(0.91);
    expect(covered / reps).toBeLessThanOrEqual(0.99);
  });

  it('the interval is a Student-t interval over the batch means', () => {
    const bm = new BatchMeans({ batches: 4 });
    for (const x of [1, 3, 5, 7, 2, 4, 6, 8]) bm.add(x);
    // The 8th batch of size 1 fills the 2B = 8 slots: pairs merge into batches of size 2 with means 2, 6, 3, 7.
    expect([bm.batchSize, bm.batchMeans()]).toEqual([2, [2, 6, 3, 7]]);
    const ci = bm.confidenceInterval(0.95);
    expect(ci.n).toBe(4);
    expect(ci.mean).toBe(4.5);
  });

  it('no complete batch throws an InvalidStateError; reset returns to batch size 1', () => {
    const bm = new BatchMeans({ batches: 2 });
    expect(() => bm.confidenceInterval()).toThrow(InvalidStateError);
    for (let i = 0; i < 100; i++) bm.add(i);
    bm.reset();
    expect([bm.count, bm.batchCount, bm.batchSize, bm.batchMeans()]).toEqual([0, 0, 1, []]);
    expect(() => bm.confidenceInterval()).toThrow(
      'BatchMeans.confidenceInterval: needs at least one complete batch (got 0 observations, batch size 1)',
    );
  });

  it('bad options or a non-finite value throw an InvalidArgumentError', () => {
    expect(() => new BatchMeans({ batches: 1 })).toThrow(
      'BatchMeans: batches must be an integer in [2, 1000000] (got 1)',
    );
    expect(() => new BatchMeans({ batches: 2.5 })).toThrow(InvalidArgumentError);
    const bm = new BatchMeans();
    expect(() => bm.add(Number.NaN)).toThrow('BatchMeans.add: value must be a finite number (got NaN)');
    expect(bm.count).toBe(0);
  });
});
