// Runs the built CLI (npm test builds it first) with --policy: 9 processes, about 1 s each on 2 idle cores
// (5 s each on a loaded machine). The other refusals are tested on the library (test/rl/policy).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FT06 = 'scenarios/jobshop-ft06.yaml';
const SPT = 'dispatch=test/rl/fixtures/ft06-spt.onnx';

describe('shopfloor run --policy', () => {
  test('an ONNX policy runs inside the simulation and --json names it in the manifest', () => {
    const r = shopfloor('run', FT06, '--policy', SPT, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.manifest.policies).toEqual([SPT]);
    expect(report.kpis.finished.mean).toBe(6);
    expect(report.kpis.cycleTimeMaxS.mean).toBe(88 * 60); // SPT on ft06 by product slot
  });

  test('--trace and --ocel record a run with an ONNX policy: the first-slot model writes the same bytes as fifo', () => {
    // machine-shop-first.onnx always takes slot 0, which is what fifo takes: same decisions, same run.
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-policy-trace-'));
    try {
      const run = (policy: string, name: string) =>
        shopfloor(
          'run',
          'scenarios/machine-shop.yaml',
          ...['--replications', '1', '--horizon', '4d', '--quiet', '--policy', policy],
          ...['--trace', join(dir, `${name}.trace`), '--ocel', join(dir, `${name}.json`)],
        );
      const onnx = run('dispatch=test/rl/fixtures/machine-shop-first.onnx', 'onnx');
      expect(onnx.stderr).toBe('');
      expect(onnx.code).toBe(0);
      expect(run('dispatch=fifo', 'fifo').code).toBe(0);
      const trace = readFileSync(join(dir, 'onnx.trace'));
      // 4 days with a keyframe every 4 h: the run paused between decisions for each of them.
      expect(trace.length).toBeGreaterThan(50_000);
      expect(trace.equals(readFileSync(join(dir, 'fifo.trace')))).toBe(true);
      expect(readFileSync(join(dir, 'onnx.json'), 'utf8')).toBe(readFileSync(join(dir, 'fifo.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a built-in rule per kind; the table title names the policies', () => {
    const r = shopfloor('run', FT06, '--policy', 'dispatch=lpt', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/job shop ft06 · dispatch=lpt/);
  });

  test('--policy repeats, one kind each (a kind given twice names both)', () => {
    const short = ['--horizon', '8h', '--warmup', '0s', '--replications', '1', '--quiet'];
    const two = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      ...short,
      '--policy',
      'dispatch=spt',
      '--policy',
      'crew=priority',
    );
    expect(two.code).toBe(0);
    expect(two.stdout).toMatch(/machine shop · dispatch=spt crew=priority/);
    const same = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      ...short,
      '--policy',
      'dispatch=spt',
      '--policy',
      'dispatch=fifo',
    );
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--policy dispatch=fifo: dispatch is already given \(dispatch=spt\)/);
  });

  test('--max-events and --max-wall stop a run under an ONNX policy: a partial result, exit 0', () => {
    const shop = 'scenarios/machine-shop.yaml';
    const first = 'dispatch=test/rl/fixtures/machine-shop-first.onnx';
    const events = shopfloor('run', shop, '--policy', first, '--replications', '2', '--max-events', '1000');
    expect(events.stderr).not.toMatch(/✖/);
    expect(events.code).toBe(0);
    expect(events.stdout).toMatch(
      /PARTIAL RESULT: replication 1 stopped at [\d.]+ h of 480\.00 h after 1,000 events/,
    );
    const wall = shopfloor('run', shop, '--policy', first, '--replications', '3', '--max-wall', '0.000001');
    expect(wall.code).toBe(0);
    expect(wall.stdout).toMatch(
      /\(maxWall\)(, before its warm-up of [\d.]+ h ended \(its figures include the warm-up\))?; replications 2–3 not run/,
    );
  });

  test.each([
    [['--policy', 'dispatch=nope'], /"nope" is no dispatch rule/],
    [['--policy', 'dispatch=missing.onnx'], /cannot read missing\.onnx: no such file/],
  ])('%j is refused with a clear message and exit code 2', (args, message) => {
    const r = shopfloor('run', FT06, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  test('a model on a scenario with other observations: exit code 2 naming the differences', () => {
    const r = shopfloor('run', 'scenarios/flexible-jobshop.yaml', '--policy', SPT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ft06-spt\.onnx does not fit this scenario/);
    expect(r.stderr).toMatch(/observation size: the model takes \d+ features, the scenario gives \d+/);
  });

  test('a deadlock under an ONNX policy is exit code 3 with the stuck cycle named, as under a rule', () => {
    const r = shopfloor(
      'run',
      'test/rl/fixtures/deadlock-loop.yaml',
      '--policy',
      'dispatch=test/rl/fixtures/deadlock-loop-first.onnx',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/deadlock at 150 s — a cycle of full buffers and blocked servers/);
  });
});
