import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJobShop } from '../../src/scenario/jobshop/parse.js';
import { readScheduleCsv } from '../_support/read-csv.js';
import { checkJobShopSchedule } from '../_support/schedule-feasibility.js';

// Runs the built CLI (npm test builds it first) as a user would: a real process per call, about 1 s each
// on a 2-core machine (10–15 s for the file).

const root = fileURLToPath(new URL('../..', import.meta.url));
function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'shopfloor-schedule-'));

function instance(name: string) {
  const parsed = parseJobShop(readFileSync(join(root, 'data/jobshop', `${name}.txt`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}.txt does not parse`);
  return parsed.instance;
}
const optimum = (name: string) =>
  (
    JSON.parse(readFileSync(join(root, 'data/jobshop/bounds.json'), 'utf8')) as {
      name: string;
      optimum: number;
    }[]
  ).find((b) => b.name === name)!.optimum;

/** Runs a job-shop scenario with --schedule and --json; checks the CSV with the independent checker. */
function checkJobShopRun(scenario: string, name: string) {
  const out = join(tmp(), 'schedule.csv');
  const r = shopfloor('run', scenario, '--json', '--schedule', out);
  expect(r.code, r.stderr).toBe(0);
  const rows = readScheduleCsv(readFileSync(out, 'utf8'));
  expect(new Set(rows.map((x) => x.kind))).toEqual(new Set(['operation']));
  const ops = rows.map((x) => ({
    job: Number(/^job(\d+)$/.exec(x.product ?? '')?.[1]),
    step: x.step!,
    machine: Number(/^m(\d+)$/.exec(x.station)?.[1]),
    startS: x.startedS,
    finishS: x.finishedS,
  }));
  const report = checkJobShopSchedule(instance(name), ops, { timeUnitS: 60 });
  expect(report.problems).toEqual([]);
  // All jobs are released at 0, so the longest cycle time is the makespan.
  const doc = JSON.parse(r.stdout);
  expect(report.makespanS).toBe(doc.kpis.cycleTimeMaxS.mean);
  expect(report.makespanS).toBeGreaterThanOrEqual(optimum(name) * 60);
  // A job's operations queue at a machine from the moment the previous one ends (no transport).
  for (const x of rows) expect(x.queuedS).toBeLessThanOrEqual(x.startedS);
  return rows;
}

describe('shopfloor run --schedule', () => {
  it('the schedule of the bundled ft06 job shop is feasible for the instance, its makespan the KPI', () => {
    const rows = checkJobShopRun('scenarios/jobshop-ft06.yaml', 'ft06');
    expect(rows).toHaveLength(36);
  });

  it('so is ft10 under SPT dispatch (imported with shopfloor import jobshop)', () => {
    const imported = shopfloor('import', 'jobshop', 'data/jobshop/ft10.txt', '--dispatch', 'spt');
    expect(imported.code).toBe(0);
    const file = join(tmp(), 'ft10-spt.yaml');
    writeFileSync(file, imported.stdout);
    expect(checkJobShopRun(file, 'ft10')).toHaveLength(100);
  });

  it('creates missing folders, leaves no temporary file and writes the first replication only', () => {
    const dir = tmp();
    const one = join(dir, 'a', 'b', 'one.csv');
    const day = ['run', 'scenarios/machine-shop.yaml', '--horizon', '1d', '--warmup', '0s'];
    expect(shopfloor(...day, '--quiet', '--replications', '1', '--schedule', one).code).toBe(0);
    const three = join(dir, 'a', 'b', 'three.csv');
    const r = shopfloor(...day, '--replications', '3', '--schedule', three);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${three}`);
    expect(readdirSync(join(dir, 'a', 'b')).sort()).toEqual(['one.csv', 'three.csv']);
    expect(readFileSync(three, 'utf8')).toBe(readFileSync(one, 'utf8'));
  });

  it('a bad path exits with 2 and a message naming --schedule, before running', () => {
    const dir = tmp();
    const cases: [string, RegExp][] = [
      [
        'scenarios/machine-shop.yaml/out.csv',
        /--schedule: cannot write scenarios\/machine-shop.yaml\/out.csv: .* is not a folder/,
      ],
      [dir, /--schedule: cannot write .*: it is a folder; give a file name/],
      ['', /--schedule needs a file path/],
    ]; // the other cases of the check: test/cli/output-file.test.ts
    for (const [path, message] of cases) {
      const r = shopfloor('run', 'scenarios/machine-shop.yaml', '--quiet', '--schedule', path);
      expect(r.code, path).toBe(2);
      expect(r.stderr, path).toMatch(message);
      expect(r.stderr, path).not.toMatch(/at .*\.js:\d+/); // no stack trace
      expect(r.stdout, path).toBe(''); // failed before the (20-day, 10-replication) run
    }
    const twice = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      '--schedule',
      'a.csv',
      '--schedule',
      'b.csv',
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--schedule is given more than once; give it once/);
    expect(existsSync(join(root, 'a.csv'))).toBe(false);
  });

  it('a run that deadlocks still writes the schedule up to the deadlock (exit 3)', () => {
    const dir = tmp();
    const scenario = join(dir, 'loop.yaml');
    // A → B → A → B with one-slot queues and six parts in a closed loop: stuck within seconds.
    writeFileSync(
      scenario,
      [
        'name: deadlock',
        'run: { horizon: 1h, warmup: 0s, replications: 1, seed: 1 }',
        'products:',
        '  - id: p',
        '    routing:',
        ...['A', 'B', 'A', 'B'].map((st) => `      - { station: ${st}, processTime: 1s }`),
        'sources: [{ id: loop, product: p, conwip: { wip: 6 } }]',
        'buffers: [{ id: qa, capacity: 1 }, { id: qb, capacity: 1 }]',
        'stations: [{ id: A, input: qa }, { id: B, input: qb }]',
        'sinks: [{ id: out }]',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'schedule.csv');
    const r = shopfloor('run', scenario, '--schedule', out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/deadlock/);
    const rows = readScheduleCsv(readFileSync(out, 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.kind === 'operation' && x.finishedS <= 3)).toBe(true);
  });

  it('--help explains --schedule', () => {
    const r = shopfloor('run', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--schedule[\s\S]*first replication[\s\S]*seconds/);
  });
});
