/**
 * An independent non-delay schedule builder for job shops (Giffler & Thompson's construction, non-delay
 * variant), written from the textbook definition for tests and benchmarks, not from the simulator's code.
 *
 * Repeatedly, over the next unscheduled operation of every job: its earliest start is
 * max(time its job is ready, time its machine is free); t* is the smallest earliest start; on the machine
 * where t* is attained (the lowest machine index when several are) the conflict set is the operations that
 * can start there at t*; the priority rule picks one, ties going to the job that became ready for its
 * operation first, then to the lowest job index; it is scheduled at t*. No machine is ever left idle while an
 * operation could start on it.
 */

/** The operations of a job-shop instance: `operations[j]` is job j's operations in processing order. */
export interface JobShopLike {
  readonly machines: number;
  readonly operations: readonly (readonly { readonly machine: number; readonly duration: number }[])[];
}

/** Priority rules of the builder; work and operation counts include the operation being chosen. */
export type GtRule = 'fifo' | 'spt' | 'lpt' | 'mwkr' | 'lwkr' | 'mopnr';

/** The rules the builder knows. */
export const GT_RULES: readonly GtRule[] = ['fifo', 'spt', 'lpt', 'mwkr', 'lwkr', 'mopnr'];

/** One operation placed in a schedule (times in the instance's unit). */
export interface ScheduledOperation {
  readonly job: number;
  /** Position of the operation in its job, from 0. */
  readonly index: number;
  readonly machine: number;
  readonly start: number;
  readonly end: number;
}

/** A built schedule: operations in the order they were scheduled, and the makespan. */
export interface GtSchedule {
  readonly operations: readonly ScheduledOperation[];
  readonly makespan: number;
}

interface Candidate {
  readonly job: number;
  /** When the job became ready for this operation (end of its previous one, or 0). */
  readonly ready: number;
  readonly duration: number;
  readonly workLeft: number;
  readonly opsLeft: number;
}

/** The rule's key of a candidate, as "smaller is better". */
function key(rule: GtRule, c: Candidate): number {
  switch (rule) {
    case 'fifo':
      return c.ready;
    case 'spt':
      return c.duration;
    case 'lpt':
      return -c.duration;
    case 'mwkr':
      return -c.workLeft;
    case 'lwkr':
      return c.workLeft;
    case 'mopnr':
      return -c.opsLeft;
  }
}

function better(rule: GtRule, a: Candidate, b: Candidate): boolean {
  const ka = key(rule, a);
  const kb = key(rule, b);
  if (ka !== kb) return ka < kb;
  if (a.ready !== b.ready) return a.ready < b.ready;
  return a.job < b.job;
}

/** Builds the non-delay schedule of `instance` under `rule`. */
export function gifflerThompson(instance: JobShopLike, rule: GtRule): GtSchedule {
  const jobs = instance.operations.length;
  const next = new Array<number>(jobs).fill(0);
  const jobReady = new Array<number>(jobs).fill(0);
  const machineFree = new Array<number>(instance.machines).fill(0);
  const workLeft = instance.operations.map((ops) => ops.reduce((s, o) => s + o.duration, 0));
  const total = instance.operations.reduce((s, ops) => s + ops.length, 0);
  const out: ScheduledOperation[] = [];

  for (let placed = 0; placed < total; placed++) {
    // t* and the lowest machine attaining it.
    let tStar = Number.POSITIVE_INFINITY;
    let machine = Number.POSITIVE_INFINITY;
    for (let j = 0; j < jobs; j++) {
      const op = instance.operations[j]![next[j]!];
      if (op === undefined) continue;
      const est = Math.max(jobReady[j]!, machineFree[op.machine]!);
      if (est < tStar || (est === tStar && op.machine < machine)) {
        tStar = est;
        machine = op.machine;
      }
    }
    // The conflict set on that machine at t*, and the rule's pick.
    let pick: Candidate | undefined;
    for (let j = 0; j < jobs; j++) {
      const k = next[j]!;
      const ops = instance.operations[j]!;
      const op = ops[k];
      if (op === undefined || op.machine !== machine) continue;
      if (Math.max(jobReady[j]!, machineFree[machine]!) !== tStar) continue;
      const c: Candidate = {
        job: j,
        ready: jobReady[j]!,
        duration: op.duration,
        workLeft: workLeft[j]!,
        opsLeft: ops.length - k,
      };
      if (pick === undefined || better(rule, c, pick)) pick = c;
    }
    if (pick === undefined) throw new Error('gifflerThompson: empty conflict set (a bug in the builder)');
    const j = pick.job;
    const end = tStar + pick.duration;
    out.push({ job: j, index: next[j]!, machine, start: tStar, end });
    next[j]!++;
    jobReady[j] = end;
    machineFree[machine] = end;
    workLeft[j]! -= pick.duration;
  }
  return { operations: out, makespan: out.reduce((m, o) => Math.max(m, o.end), 0) };
}
