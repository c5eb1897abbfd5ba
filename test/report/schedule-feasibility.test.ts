import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JobShopInstance, parseJobShop } from '../../src/scenario/jobshop/parse.js';
import { checkJobShopSchedule, type ScheduledOperation } from '../_support/schedule-feasibility.js';

// The checker of test/_support/schedule-feasibility.ts must reject what is wrong before its "feasible"
// can vouch for the simulator's schedules.

/** 2 jobs × 2 machines: job 0 = m0 for 3, then m1 for 2; job 1 = m1 for 2, then m0 for 1. */
const tiny: JobShopInstance = {
  name: 'tiny',
  jobs: 2,
  machines: 2,
  operations: [
    [
      { machine: 0, duration: 3 },
      { machine: 1, duration: 2 },
    ],
    [
      { machine: 1, duration: 2 },
      { machine: 0, duration: 1 },
    ],
  ],
};
const op = (job: number, step: number, machine: number, startS: number, finishS: number) => ({
  job,
  step,
  machine,
  startS,
  finishS,
});
const tinyFeasible: ScheduledOperation[] = [
  op(0, 0, 0, 0, 3),
  op(1, 0, 1, 0, 2),
  op(0, 1, 1, 3, 5),
  op(1, 1, 0, 3, 4),
];
const check = (ops: ScheduledOperation[]) => checkJobShopSchedule(tiny, ops, { timeUnitS: 1 }).problems;
const replace = (i: number, with_: ScheduledOperation) => tinyFeasible.map((o, k) => (k === i ? with_ : o));

/**
 * A simple list schedule, feasible by construction: steps in order, jobs in turn, each operation as early
 * as its job and its machine allow.
 */
function listSchedule(instance: JobShopInstance, unitS: number): ScheduledOperation[] {
  const jobReady = new Array<number>(instance.jobs).fill(0);
  const machineReady = new Array<number>(instance.machines).fill(0);
  const out: ScheduledOperation[] = [];
  const steps = Math.max(...instance.operations.map((o) => o.length));
  for (let step = 0; step < steps; step++) {
    instance.operations.forEach((ops, job) => {
      const spec = ops[step];
      if (spec === undefined) return;
      const startS = Math.max(jobReady[job]!, machineReady[spec.machine]!);
      const finishS = startS + spec.duration * unitS;
      out.push({ job, step, machine: spec.machine, startS, finishS });
      jobReady[job] = finishS;
      machineReady[spec.machine] = finishS;
    });
  }
  return out;
}

const parsed = parseJobShop(readFileSync(new URL('../../data/jobshop/ft06.txt', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('ft06.txt does not parse');
const ft06 = parsed.instance;
const ft06Feasible = listSchedule(ft06, 60);
const checkFt06 = (ops: ScheduledOperation[]) => checkJobShopSchedule(ft06, ops, { timeUnitS: 60 });

describe('the job-shop feasibility checker (test/_support)', () => {
  it('accepts a feasible schedule and reports its makespan', () => {
    expect(checkJobShopSchedule(tiny, tinyFeasible, { timeUnitS: 1 })).toEqual({
      problems: [],
      makespanS: 5,
    });
    const r = checkFt06(ft06Feasible);
    expect(r.problems).toEqual([]);
    expect(r.makespanS).toBeGreaterThanOrEqual(55 * 60);
  });

  it('catches two operations overlapping on a machine', () => {
    expect(check(replace(3, op(1, 1, 0, 2, 3)))).toEqual([
      'machine 0: job 0 step 0 [0, 3] overlaps job 1 step 1 [2, 3]',
    ]);
  });

  it('catches a wrong duration', () => {
    expect(check(replace(2, op(0, 1, 1, 3, 6)))).toEqual(['job 0 step 1 lasts 3 s, not its duration 2 s']);
  });

  it('catches a missing operation and a duplicated one', () => {
    expect(check(tinyFeasible.slice(0, 3))).toEqual(['job 1 step 1 is missing']);
    expect(check([...tinyFeasible, op(0, 0, 0, 0, 3)])).toEqual([
      'job 0 step 0 is scheduled more than once',
      'machine 0: job 0 step 0 [0, 3] overlaps job 0 step 0 [0, 3]',
    ]);
  });

  it('catches a step that starts before the previous step of its job ends', () => {
    expect(check(replace(2, op(0, 1, 1, 2, 4)))).toEqual([
      'job 0 step 1 starts at 2 s, before step 0 ends at 3 s',
    ]);
  });

  it('catches an operation on the wrong machine and one that is not in the instance', () => {
    expect(check(replace(3, op(1, 1, 1, 5, 6)))).toEqual([
      'job 1 step 1 runs on machine 1, not on machine 0',
    ]);
    expect(check([...tinyFeasible, op(2, 0, 0, 9, 10)])).toEqual([
      'job 2 step 0 is not an operation of tiny',
    ]);
  });

  it('on ft06, every removed operation, changed duration, early start or double-booked machine is caught', () => {
    const n = ft06Feasible.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), (k) => {
        const r = checkFt06(ft06Feasible.filter((_, i) => i !== k));
        const o = ft06Feasible[k]!;
        expect(r.problems).toContain(`job ${o.job} step ${o.step} is missing`);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: -59, max: 600 }), (k, delta) => {
        fc.pre(delta !== 0);
        const ops = ft06Feasible.map((o, i) => (i === k ? { ...o, finishS: o.finishS + delta } : o));
        expect(checkFt06(ops).problems.some((p) => p.includes('not its duration'))).toBe(true);
      }),
    );
    const later = ft06Feasible.filter((o) => o.step > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: later.length - 1 }), (k) => {
        const o = later[k]!;
        const prev = ft06Feasible.find((p) => p.job === o.job && p.step === o.step - 1)!;
        const moved = { ...o, startS: prev.startS, finishS: prev.startS + (o.finishS - o.startS) };
        const r = checkFt06(ft06Feasible.map((p) => (p === o ? moved : p)));
        expect(r.problems).toContain(
          `job ${o.job} step ${o.step} starts at ${moved.startS} s, before step ${o.step - 1} ends at ${prev.finishS} s`,
        );
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), (a, b) => {
        const x = ft06Feasible[a]!;
        const y = ft06Feasible[b]!;
        fc.pre(a !== b && x.machine === y.machine);
        const moved = { ...y, startS: x.startS, finishS: x.startS + (y.finishS - y.startS) };
        const r = checkFt06(ft06Feasible.map((p) => (p === y ? moved : p)));
        expect(r.problems.some((p) => p.startsWith(`machine ${x.machine}:`) && p.includes('overlaps'))).toBe(
          true,
        );
      }),
      { numRuns: 100 },
    );
  });
});
