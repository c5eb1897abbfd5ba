/** One operation of a job: the machine it needs and for how long. */
export interface JobShopOperation {
  /** Machine index, from 0. */
  machine: number;
  /** Processing time in the instance's time unit (a non-negative integer in the standard instances). */
  duration: number;
}

/** A job-shop instance: every job visits machines in its own order. */
export interface JobShopInstance {
  /** Name, from the file name or the `# instance NAME` comment. */
  name: string;
  jobs: number;
  machines: number;
  /** `operations[j]` is job j's operations in processing order. */
  operations: JobShopOperation[][];
}

/** A problem in an instance file, with its 1-based line number. */
export interface JobShopProblem {
  line: number;
  message: string;
}

/** Result of {@link parseJobShop}: the instance, or every problem found. */
export type JobShopParseResult =
  | { ok: true; instance: JobShopInstance }
  | { ok: false; problems: JobShopProblem[] };

/**
 * Parses the standard job-shop format (Taillard / OR-Library style): `#` comments, a `jobs machines`
 * line, then one line per job of `machine duration` pairs. Reports every problem with its line.
 */
export function parseJobShop(text: string, fallbackName = 'jobshop'): JobShopParseResult {
  const problems: JobShopProblem[] = [];
  let name = fallbackName;
  const data: { line: number; fields: string[] }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('#')) {
      const m = /^#\s*instance\s+(\S+)/i.exec(line);
      if (m?.[1] !== undefined) name = m[1];
      return;
    }
    if (line !== '') data.push({ line: i + 1, fields: line.split(/\s+/) });
  });
  const header = data[0];
  if (header === undefined)
    return { ok: false, problems: [{ line: 1, message: 'no data: expected a "jobs machines" line' }] };
  const [jobsText, machinesText, ...extra] = header.fields;
  const jobs = Number(jobsText);
  const machines = Number(machinesText);
  if (
    !Number.isInteger(jobs) ||
    jobs < 1 ||
    !Number.isInteger(machines) ||
    machines < 1 ||
    extra.length > 0
  ) {
    return {
      ok: false,
      problems: [
        {
          line: header.line,
          message: `expected "jobs machines" as two integers >= 1 (got "${header.fields.join(' ')}")`,
        },
      ],
    };
  }
  const rows = data.slice(1);
  if (rows.length !== jobs) {
    problems.push({
      line: rows[jobs]?.line ?? header.line,
      message: `expected ${jobs} job lines (got ${rows.length})`,
    });
  }
  const operations: JobShopOperation[][] = [];
  for (const row of rows.slice(0, jobs)) {
    const ops: JobShopOperation[] = [];
    if (row.fields.length !== 2 * machines) {
      problems.push({
        line: row.line,
        message: `expected ${machines} "machine duration" pairs (${2 * machines} numbers, got ${row.fields.length})`,
      });
    }
    const seen = new Set<number>();
    for (let k = 0; k + 1 < row.fields.length; k += 2) {
      const machine = Number(row.fields[k]);
      const duration = Number(row.fields[k + 1]);
      if (!Number.isInteger(machine) || machine < 0 || machine >= machines) {
        problems.push({
          line: row.line,
          message: `machine must be an integer in [0, ${machines - 1}] (got "${row.fields[k]}")`,
        });
      } else if (seen.has(machine)) {
        problems.push({ line: row.line, message: `machine ${machine} appears twice in one job` });
      }
      if (!Number.isFinite(duration) || duration < 0) {
        problems.push({
          line: row.line,
          message: `duration must be a number >= 0 (got "${row.fields[k + 1]}")`,
        });
      }
      seen.add(machine);
      ops.push({ machine, duration });
    }
    operations.push(ops);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, instance: { name, jobs, machines, operations } };
}
