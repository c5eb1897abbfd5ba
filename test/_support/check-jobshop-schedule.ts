import type { JobShopLike, ScheduledOperation } from './giffler-thompson.js';

/**
 * Feasibility of a job-shop schedule, checked from the definition: every operation scheduled exactly once,
 * on its machine, for its duration, not before time 0; a job's operations in order, each starting no earlier
 * than the previous one ends; no two operations overlapping on a machine. Returns every violation found
 * (empty for a feasible schedule).
 */
export function checkJobShopSchedule(
  instance: JobShopLike,
  schedule: readonly ScheduledOperation[],
): string[] {
  const problems: string[] = [];
  const seen = instance.operations.map((ops) =>
    Array.from<ScheduledOperation | undefined>({ length: ops.length }),
  );
  for (const s of schedule) {
    const op = instance.operations[s.job]?.[s.index];
    const name = `job ${s.job} operation ${s.index}`;
    if (op === undefined) {
      problems.push(`${name} does not exist in the instance`);
      continue;
    }
    if (seen[s.job]![s.index] !== undefined) problems.push(`${name} is scheduled more than once`);
    seen[s.job]![s.index] = s;
    if (s.machine !== op.machine)
      problems.push(`${name} runs on machine ${s.machine}, not its machine ${op.machine}`);
    if (s.end - s.start !== op.duration)
      problems.push(`${name} lasts ${s.end - s.start}, not its duration ${op.duration}`);
    if (s.start < 0) problems.push(`${name} starts before 0 (at ${s.start})`);
  }
  seen.forEach((ops, j) => {
    ops.forEach((s, k) => {
      if (s === undefined) {
        problems.push(`job ${j} operation ${k} is not scheduled`);
        return;
      }
      const prev = k > 0 ? ops[k - 1] : undefined;
      if (prev !== undefined && s.start < prev.end)
        problems.push(
          `job ${j} operation ${k} starts at ${s.start}, before operation ${k - 1} ends at ${prev.end}`,
        );
    });
  });
  const byMachine = new Map<number, ScheduledOperation[]>();
  for (const s of schedule) {
    const list = byMachine.get(s.machine) ?? [];
    list.push(s);
    byMachine.set(s.machine, list);
  }
  for (const [m, list] of byMachine) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (b.start < a.end && a.start < b.end)
        problems.push(
          `machine ${m}: job ${a.job} op ${a.index} [${a.start}, ${a.end}) overlaps job ${b.job} op ${b.index} [${b.start}, ${b.end})`,
        );
    }
  }
  return problems;
}

/**
 * Whether a feasible schedule is non-delay: an operation that starts later than its job became ready
 * (the end of its previous operation, or 0) found its machine busy the whole time in between. Returns the
 * operations for which that fails.
 */
export function checkNonDelay(schedule: readonly ScheduledOperation[]): string[] {
  const problems: string[] = [];
  const at = new Map(schedule.map((s) => [`${s.job}/${s.index}`, s]));
  for (const s of schedule) {
    const ready = s.index === 0 ? 0 : (at.get(`${s.job}/${s.index - 1}`)?.end ?? 0);
    if (s.start <= ready) continue;
    // Walk the machine's busy intervals from `ready`: they must cover [ready, start) without a gap.
    const busy = schedule
      .filter((o) => o.machine === s.machine && o.end > ready && o.start < s.start)
      .sort((a, b) => a.start - b.start);
    let covered = ready;
    for (const o of busy) {
      if (o.start > covered) break;
      covered = Math.max(covered, o.end);
    }
    if (covered < s.start)
      problems.push(
        `job ${s.job} op ${s.index} was ready at ${ready} but machine ${s.machine} was idle at ${covered} before it started at ${s.start}`,
      );
  }
  return problems;
}
