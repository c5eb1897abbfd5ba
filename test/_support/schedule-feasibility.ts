/**
 * An independent feasibility check of a job-shop schedule against its instance, written for the tests
 * from the textbook definition (Pinedo, "Scheduling", the disjunctive model): every operation (job, step)
 * is scheduled exactly once, on the machine the instance gives it, for exactly its duration; a job's
 * operations run in their order (each starts no earlier than the previous one ends); a machine does one
 * operation at a time. It knows nothing of the simulator: it reads plain numbers.
 */
import type { JobShopInstance } from '../../src/scenario/jobshop/parse.js';

/** One scheduled operation: job and step index from 0, machine index, start and end in seconds. */
export interface ScheduledOperation {
  job: number;
  step: number;
  machine: number;
  startS: number;
  finishS: number;
}

/** Options of {@link checkJobShopSchedule}. */
export interface FeasibilityOptions {
  /** Seconds per time unit of the instance (60 when its durations are minutes). */
  timeUnitS: number;
  /** Slack allowed in every comparison, seconds (default 1e-9). */
  toleranceS?: number;
}

/** What {@link checkJobShopSchedule} found: every problem (none for a feasible schedule) and the makespan. */
export interface FeasibilityReport {
  problems: string[];
  /** Latest end, seconds (`NaN` without operations). */
  makespanS: number;
}

/** An interval of time on one resource, for {@link findOverlaps}. */
export interface Interval {
  startS: number;
  finishS: number;
  label: string;
}

/**
 * Pairs of intervals that share time: `a` overlaps `b` when `a.start < b.finish` and `b.start < a.finish`
 * (beyond `toleranceS`). Intervals that touch end to start do not overlap; a zero-length interval strictly
 * inside another does. Sorted by start, each interval is compared with the one that reaches furthest of
 * those before it, so a schedule with any overlap yields at least one pair.
 */
export function findOverlaps(intervals: readonly Interval[], toleranceS = 1e-9): [Interval, Interval][] {
  const sorted = [...intervals].sort((a, b) => a.startS - b.startS || a.finishS - b.finishS);
  const out: [Interval, Interval][] = [];
  let latest: Interval | undefined;
  for (const iv of sorted) {
    if (latest !== undefined) {
      if (iv.startS < latest.finishS - toleranceS) out.push([latest, iv]);
    }
    if (latest === undefined || iv.finishS > latest.finishS) latest = iv;
  }
  return out;
}

/** Checks `operations` against `instance`; see the file's opening comment for the rules. */
export function checkJobShopSchedule(
  instance: JobShopInstance,
  operations: readonly ScheduledOperation[],
  options: FeasibilityOptions,
): FeasibilityReport {
  const tol = options.toleranceS ?? 1e-9;
  const unit = options.timeUnitS;
  const problems: string[] = [];
  const name = (op: ScheduledOperation) => `job ${op.job} step ${op.step}`;
  const seen = new Map<string, ScheduledOperation>();
  for (const op of operations) {
    const spec = instance.operations[op.job]?.[op.step];
    if (spec === undefined) {
      problems.push(`${name(op)} is not an operation of ${instance.name}`);
      continue;
    }
    const key = `${op.job}/${op.step}`;
    if (seen.has(key)) problems.push(`${name(op)} is scheduled more than once`);
    seen.set(key, op);
    if (op.machine !== spec.machine) {
      problems.push(`${name(op)} runs on machine ${op.machine}, not on machine ${spec.machine}`);
    }
    if (!(Number.isFinite(op.startS) && Number.isFinite(op.finishS))) {
      problems.push(`${name(op)} has no finite start and end (${op.startS}, ${op.finishS})`);
      continue;
    }
    if (op.startS < -tol) problems.push(`${name(op)} starts before time 0 (${op.startS} s)`);
    const want = spec.duration * unit;
    if (Math.abs(op.finishS - op.startS - want) > tol) {
      problems.push(`${name(op)} lasts ${op.finishS - op.startS} s, not its duration ${want} s`);
    }
  }
  instance.operations.forEach((ops, job) => {
    let previous: ScheduledOperation | undefined;
    ops.forEach((_, step) => {
      const op = seen.get(`${job}/${step}`);
      if (op === undefined) {
        problems.push(`job ${job} step ${step} is missing`);
        previous = undefined;
        return;
      }
      if (previous !== undefined && op.startS < previous.finishS - tol) {
        problems.push(
          `job ${job} step ${step} starts at ${op.startS} s, before step ${step - 1} ends at ${previous.finishS} s`,
        );
      }
      previous = op;
    });
  });
  for (let m = 0; m < instance.machines; m++) {
    const on = operations
      .filter((op) => op.machine === m)
      .map((op) => ({ startS: op.startS, finishS: op.finishS, label: name(op) }));
    for (const [a, b] of findOverlaps(on, tol)) {
      problems.push(
        `machine ${m}: ${a.label} [${a.startS}, ${a.finishS}] overlaps ${b.label} [${b.startS}, ${b.finishS}]`,
      );
    }
  }
  const makespanS = operations.reduce((max, op) => Math.max(max, op.finishS), Number.NEGATIVE_INFINITY);
  return { problems, makespanS: operations.length === 0 ? Number.NaN : makespanS };
}
