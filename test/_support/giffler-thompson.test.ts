import { describe, expect, it } from 'vitest';
import { loadJobShopInstance } from '../../src/scenario/index.js';
import { checkJobShopSchedule, checkNonDelay } from './check-jobshop-schedule.js';
import { GT_RULES, gifflerThompson, type JobShopLike, type ScheduledOperation } from './giffler-thompson.js';

/** 3 jobs × 2 machines: J0 = M0 3, M1 2; J1 = M1 2, M0 4; J2 = M0 1, M1 3. */
const tiny: JobShopLike = {
  machines: 2,
  operations: [
    [
      { machine: 0, duration: 3 },
      { machine: 1, duration: 2 },
    ],
    [
      { machine: 1, duration: 2 },
      { machine: 0, duration: 4 },
    ],
    [
      { machine: 0, duration: 1 },
      { machine: 1, duration: 3 },
    ],
  ],
};

const op = (job: number, index: number, machine: number, start: number, end: number): ScheduledOperation => ({
  job,
  index,
  machine,
  start,
  end,
});

describe('gifflerThompson (non-delay builder, test support)', () => {
  it('FIFO on a hand-traced 3 × 2 shop: J0 before J2 on M0 at 0 (job index), then J2 (ready 0) before J1 (ready 2)', () => {
    const s = gifflerThompson(tiny, 'fifo');
    expect(s.operations).toEqual([
      op(0, 0, 0, 0, 3),
      op(1, 0, 1, 0, 2),
      op(2, 0, 0, 3, 4),
      op(0, 1, 1, 3, 5),
      op(1, 1, 0, 4, 8),
      op(2, 1, 1, 5, 8),
    ]);
    expect(s.makespan).toBe(8);
  });

  it('SPT and LPT on the same shop (hand-traced): makespans 8 and 11', () => {
    expect(gifflerThompson(tiny, 'spt').operations).toEqual([
      op(2, 0, 0, 0, 1),
      op(1, 0, 1, 0, 2),
      op(0, 0, 0, 1, 4),
      op(2, 1, 1, 2, 5),
      op(1, 1, 0, 4, 8),
      op(0, 1, 1, 5, 7),
    ]);
    const lpt = gifflerThompson(tiny, 'lpt');
    expect(lpt.operations.map((o) => [o.job, o.start])).toEqual([
      [0, 0],
      [1, 0],
      [1, 3],
      [0, 3],
      [2, 7],
      [2, 8],
    ]);
    expect(lpt.makespan).toBe(11);
  });

  it('ft06: FIFO 65 and SPT 88 (optimum 55), feasible and non-delay', () => {
    // The same figures came out of a separate re-implementation of the definition, in Python.
    const ft06 = loadJobShopInstance('ft06');
    const fifo = gifflerThompson(ft06, 'fifo');
    const spt = gifflerThompson(ft06, 'spt');
    expect([fifo.makespan, spt.makespan]).toEqual([65, 88]);
    for (const s of [fifo, spt]) {
      expect(checkJobShopSchedule(ft06, s.operations)).toEqual([]);
      expect(checkNonDelay(s.operations)).toEqual([]);
    }
  });

  it('every rule gives a feasible non-delay schedule on ft06, ft10, la01–la05, never below the optimum', () => {
    const best: Record<string, number> = {
      ft06: 55,
      ft10: 930,
      la01: 666,
      la02: 655,
      la03: 597,
      la04: 590,
      la05: 593,
    };
    for (const [name, optimum] of Object.entries(best)) {
      const inst = loadJobShopInstance(name);
      for (const rule of GT_RULES) {
        const s = gifflerThompson(inst, rule);
        expect(checkJobShopSchedule(inst, s.operations), `${name} ${rule}`).toEqual([]);
        expect(checkNonDelay(s.operations), `${name} ${rule}`).toEqual([]);
        expect(s.makespan).toBeGreaterThanOrEqual(optimum);
      }
    }
  });
});

describe('checkJobShopSchedule (test support)', () => {
  const good = gifflerThompson(tiny, 'fifo').operations;
  const edit = (i: number, change: Partial<ScheduledOperation>) =>
    good.map((o, k) => (k === i ? { ...o, ...change } : o));

  it('finds nothing wrong with a feasible schedule', () => {
    expect(checkJobShopSchedule(tiny, good)).toEqual([]);
  });

  it('catches an overlap on a machine', () => {
    // J2's first operation moved from [3, 4) to [2, 3): M0 is busy with J0 until 3.
    expect(checkJobShopSchedule(tiny, edit(2, { start: 2, end: 3 }))).toEqual([
      'machine 0: job 0 op 0 [0, 3) overlaps job 2 op 0 [2, 3)',
    ]);
  });

  it('catches a precedence violation, a wrong duration and a wrong machine', () => {
    expect(checkJobShopSchedule(tiny, edit(3, { start: 2, end: 4 }))).toEqual([
      'job 0 operation 1 starts at 2, before operation 0 ends at 3',
    ]);
    expect(checkJobShopSchedule(tiny, edit(5, { end: 9 }))).toEqual([
      'job 2 operation 1 lasts 4, not its duration 3',
    ]);
    expect(checkJobShopSchedule(tiny, edit(4, { machine: 1 }))).toContain(
      'job 1 operation 1 runs on machine 1, not its machine 0',
    );
  });

  it('catches a missing, a repeated and an unknown operation', () => {
    expect(checkJobShopSchedule(tiny, good.slice(0, 5))).toEqual(['job 2 operation 1 is not scheduled']);
    expect(checkJobShopSchedule(tiny, [...good, good[0]!])).toContain(
      'job 0 operation 0 is scheduled more than once',
    );
    expect(checkJobShopSchedule(tiny, [...good, op(0, 2, 0, 9, 10)])).toEqual([
      'job 0 operation 2 does not exist in the instance',
    ]);
  });

  it('checkNonDelay catches a machine left idle while an operation was ready', () => {
    // J2's last operation delayed from [5, 8) to [6, 9): M1 is idle from 5 although J2 is ready at 4.
    const late = edit(5, { start: 6, end: 9 });
    expect(checkJobShopSchedule(tiny, late)).toEqual([]);
    expect(checkNonDelay(late)).toEqual([
      'job 2 op 1 was ready at 4 but machine 1 was idle at 5 before it started at 6',
    ]);
  });
});
