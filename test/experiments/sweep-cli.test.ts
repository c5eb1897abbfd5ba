/**
 * `shopfloor sweep` and `merge` as real processes of the built CLI (npm test builds it first): workers,
 * shards, resume after a killed process, validation before the run. About 40 s on 2 shared cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const SWEEP = [
  'sweep',
  'scenarios/serial-line.yaml',
  '--set',
  'buffers.before-bend.capacity=1..3',
  '--set',
  'buffers.before-oven.capacity=1,2',
  '--replications',
  '2',
  '--horizon',
  '12h',
  '--warmup',
  '2h',
  '--quiet',
];
const tmp = () => mkdtempSync(join(tmpdir(), 'shopfloor-sweep-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('shopfloor sweep', () => {
  it('gives byte-identical sweep.json and sweep.csv with 1 and 2 workers', () => {
    const one = tmp();
    const two = tmp();
    expect(shopfloor(...SWEEP, '--workers', '1', '--out', one).code).toBe(0);
    expect(shopfloor(...SWEEP, '--workers', '2', '--out', two).code).toBe(0);
    expect(read(two, 'sweep.json')).toBe(read(one, 'sweep.json'));
    expect(read(two, 'sweep.csv')).toBe(read(one, 'sweep.csv'));
    const table = JSON.parse(read(one, 'sweep.json'));
    expect(table.rows).toHaveLength(6);
    expect(table.best.point).toBeTypeOf('number');
    expect(read(one, 'sweep.csv').split('\n')[0]).toMatch(
      /^point,buffers\.before-bend\.capacity,buffers\.before-oven\.capacity,kpis\.throughputPerHour_mean,kpis\.throughputPerHour_hw95,/,
    );
  });

  it('3 shards merged give the same table as one machine, byte for byte', () => {
    const one = tmp();
    const shards = tmp();
    expect(shopfloor(...SWEEP, '--workers', '1', '--out', one).code).toBe(0);
    for (const i of [3, 1, 2])
      expect(shopfloor(...SWEEP, '--workers', '1', '--shard', `${i}/3`, '--out', shards).code).toBe(0);
    expect(existsSync(join(shards, 'sweep.json'))).toBe(false);
    const merged = shopfloor(
      'merge',
      ...[1, 2, 3].map((i) => join(shards, `shard-${i}-of-3.json`)),
      '--out',
      shards,
    );
    expect(merged.code).toBe(0);
    expect(read(shards, 'sweep.json')).toBe(read(one, 'sweep.json'));
    expect(read(shards, 'sweep.csv')).toBe(read(one, 'sweep.csv'));
    // A missing shard is named.
    const partial = shopfloor('merge', join(shards, 'shard-1-of-3.json'), join(shards, 'shard-3-of-3.json'));
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/shard 2\/3 missing/);
  });

  it('--resume continues a sweep whose process was killed, and ends with the uninterrupted result', async () => {
    const args = [
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.before-bend.capacity=1..10',
      '--replications',
      '2',
      '--horizon',
      '1d',
      '--warmup',
      '4h',
      '--workers',
      '1',
      '--quiet',
    ];
    const dir = tmp();
    const journal = join(dir, 'journal.jsonl');
    const child = spawn(process.execPath, [MAIN, ...args, '--out', dir], { cwd: ROOT, stdio: 'ignore' });
    const lines = () =>
      existsSync(journal)
        ? readFileSync(journal, 'utf8')
            .split('\n')
            .filter((l) => l !== '').length
        : 0;
    // Wait until at least 2 points are on disk, then kill the process outright.
    const deadline = Date.now() + 60_000;
    while (lines() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const kept = lines() - 1;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(10);
    expect(existsSync(join(dir, 'sweep.json'))).toBe(false);
    // Without --resume the journal is not overwritten.
    expect(shopfloor(...args, '--out', dir).code).toBe(2);
    const resumed = shopfloor(...args, '--out', dir, '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`resumed: ${kept} of 10 points`));
    const fresh = tmp();
    expect(shopfloor(...args, '--out', fresh).code).toBe(0);
    expect(read(dir, 'sweep.json')).toBe(read(fresh, 'sweep.json'));
  }, 120_000);

  it('an unknown path or a value the schema rejects exits 2 naming it, before anything runs', () => {
    const out = tmp();
    const unknown = shopfloor(
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.b1.capacity=1..8',
      '--out',
      out,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/buffers\.b1\.capacity: no element "b1"/);
    const rejected = shopfloor(
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.before-bend.capacity=0..2',
      '--out',
      out,
    );
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/--set buffers\.before-bend\.capacity=0/);
    expect(existsSync(join(out, 'journal.jsonl'))).toBe(false);
  });

  it('a figure --objective or --kpi names that the scenario does not report exits 2 naming it, before anything runs', () => {
    const out = tmp();
    const objective = shopfloor(...SWEEP, '--objective', 'throughput:max', '--out', out);
    expect(objective.code).toBe(2);
    expect(objective.stderr).toMatch(
      /--objective: unknown figure "kpis\.throughput".*kpis\.throughputPerHour/,
    );
    const kpi = shopfloor(...SWEEP, '--kpi', 'stations.oven.utilisation', '--out', out);
    expect(kpi.code).toBe(2);
    // The same entity's figures are offered.
    expect(kpi.stderr).toMatch(
      /--kpi: unknown figure "stations\.oven\.utilisation".*stations\.oven\.utilization/,
    );
    expect(existsSync(join(out, 'journal.jsonl'))).toBe(false);
    const compare = shopfloor(
      'compare',
      'scenarios/serial-line.yaml',
      '--alt',
      'buffers.before-bend.capacity=2',
      '--kpi',
      'kpis.nosuch',
    );
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(/--kpi: unknown figure "kpis\.nosuch"/);
    const direction = shopfloor(...SWEEP, '--objective', 'kpis.wip:best', '--out', out);
    expect(direction.code).toBe(2);
    expect(direction.stderr).toMatch(/--objective must be figure:max or figure:min.*got "kpis\.wip:best"/);
    // Without a direction: "best" WIP is the least, best throughput the most; no guess.
    const none = shopfloor(...SWEEP, '--objective', 'wip', '--out', out);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /--objective must be figure:max or figure:min \(whether more or less is better\).*got "wip"/,
    );
    const empty = shopfloor(...SWEEP, '--kpi', '', '--out', out);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/needs a figure/);
    // A shard has no table to draw: --html belongs to merge.
    const html = shopfloor(...SWEEP, '--shard', '1/2', '--html', join(out, 'x.html'), '--out', out);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/--html goes with a whole sweep: a shard has no table/);
    expect(existsSync(join(out, 'journal-shard-1-of-2.jsonl'))).toBe(false);
  });

  it('an --out that is a file or cannot be made exits 2 at once (/proc/nope looped forever at 100 % CPU)', () => {
    // An empty folder name would have meant the current folder, quietly.
    const empty = shopfloor(...SWEEP, '--out', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--out needs a folder/);
    const mergeEmpty = shopfloor('merge', 'shard-1-of-2.json', '--out', '');
    expect(mergeEmpty.code).toBe(2);
    expect(mergeEmpty.stderr).toMatch(/--out needs a folder/);
    const csv = shopfloor('run', 'scenarios/serial-line.yaml', '--csv', '');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/--csv needs a folder/);
    const file = shopfloor(...SWEEP, '--out', 'README.md');
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/--out README\.md: .*README\.md is not a folder/);
    const proc = shopfloor(...SWEEP, '--out', '/proc/nope');
    expect(proc.signal).toBeNull();
    expect(proc.code).toBe(2);
    expect(proc.stderr).toMatch(/--out \/proc\/nope: cannot create the folder \/proc\/nope/);
    const html = shopfloor(
      'compare',
      'scenarios/serial-line.yaml',
      '--alt',
      'buffers.before-bend.capacity=3',
      '--html',
      '/proc/report.html',
    );
    // Refused before the run (it was an internal error after every replication).
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(
      /--html: cannot write \/proc\/report\.html: (cannot create files in|no permission to write in) \/proc/,
    );
    expect(html.stdout).toBe('');
  });

  it('a path given twice or a level given twice exits 2; one replication per point runs with a warning', () => {
    const out = tmp();
    const twice = shopfloor(...SWEEP, '--set', 'buffers.before-bend.capacity=4', '--out', out);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--set buffers\.before-bend\.capacity is given twice/);
    const level = shopfloor(
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.before-bend.capacity=1,2,1',
      '--out',
      out,
    );
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/the level 1 is given twice/);
    expect(existsSync(join(out, 'journal.jsonl'))).toBe(false);
    const one = shopfloor(
      ...SWEEP.map((a, i) => (SWEEP[i - 1] === '--replications' ? '1' : a)),
      '--out',
      out,
    );
    expect(one.code).toBe(0);
    expect(one.stderr).toMatch(/warning: 1 replication per point: the table has no confidence intervals/);
  });
});

describe('shopfloor compare (CLI)', () => {
  it('checks the selection flags before anything runs, warns when they cannot apply, and names --alt', () => {
    const base = ['compare', 'scenarios/serial-line.yaml', '--alt', 'buffers.before-bend.capacity=3'];
    const short = ['--replications', '2', '--horizon', '4h', '--warmup', '1h', '--quiet'];
    const delta = shopfloor(...base, '--delta', '-1', ...short);
    expect(delta.code).toBe(2);
    expect(delta.stderr).toMatch(/--delta must be a number > 0/);
    const alpha = shopfloor(...base, '--alt', 'buffers.before-bend.capacity=4', '--alpha', '0.9', ...short);
    expect(alpha.code).toBe(2);
    expect(alpha.stderr).toMatch(/--alpha must be in \(0, 1 − 1\/k\) = \(0, 0\.667\) with k = 3/);
    const cap = shopfloor(...base, '--max-replications', '2.5', ...short);
    expect(cap.code).toBe(2);
    expect(cap.stderr).toMatch(/--max-replications must be an integer >= 2/);
    const below = shopfloor(...base, '--max-replications', '3', ...short.slice(2), '--replications', '5');
    expect(below.code).toBe(2);
    expect(below.stderr).toMatch(
      /--max-replications \(3\) must be at least the replications the selection starts from \(5\)/,
    );
    const two = shopfloor(...base, '--delta', '0.5', ...short);
    expect(two.code).toBe(0);
    expect(two.stderr).toMatch(
      /warning: --delta is for selecting the best of 3 or more alternatives; with 2/,
    );
    const alt = shopfloor('compare', 'scenarios/serial-line.yaml', '--alt', 'buffers.before-bend.capacity');
    expect(alt.code).toBe(2);
    expect(alt.stderr).toMatch(/--alt "buffers\.before-bend\.capacity": expected path=value/);
  });

  it('warns when two alternatives are the same file with the same settings', () => {
    const r = shopfloor(
      'compare',
      'scenarios/serial-line.yaml',
      '--alt',
      'buffers.before-bend.capacity=3',
      '--alt',
      'buffers.before-bend.capacity=3',
      '--replications',
      '2',
      '--horizon',
      '4h',
      '--warmup',
      '1h',
      '--quiet',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: alternatives "buffers\.before-bend\.capacity=3" and "buffers\.before-bend\.capacity=3" are the same file with the same settings/,
    );
  });

  it('prints each alternative, the paired differences and a Kim–Nelson statement with 3 alternatives', () => {
    const r = shopfloor(
      'compare',
      'scenarios/serial-line.yaml',
      '--alt',
      'buffers.before-bend.capacity=4',
      '--alt',
      'policy:dispatch=spt; buffers.before-oven.capacity=4',
      '--replications',
      '5',
      '--horizon',
      '12h',
      '--warmup',
      '2h',
      '--delta',
      '5',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/paired-t \(common random numbers\)/);
    expect(r.stdout).toMatch(/B − A \(95% CI\)/);
    expect(r.stdout).toMatch(/Selection: Kim–Nelson/);
    const bad = shopfloor(
      'compare',
      'scenarios/serial-line.yaml',
      '--alt',
      'policy:dispatch=nope',
      '--workers',
      '1',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stations\.cut\.dispatch/);
  });
});
