// Runs the built CLI (npm test builds it first) with --policy: 7 processes, about 1 s each on 2 idle cores
// (5 s each on a loaded machine). The other refusals are tested on the library (test/rl/policy).
import { spawnSync } from 'node:child_process';
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

  test('a built-in rule per kind; the table title names the policies', () => {
    const r = shopfloor('run', FT06, '--policy', 'dispatch=lpt', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/job shop ft06 · dispatch=lpt/);
  });

  test.each([
    [['--policy', 'dispatch=nope'], /"nope" is no dispatch rule/],
    [['--policy', 'dispatch=missing.onnx'], /cannot read missing\.onnx: no such file/],
    [['--policy', SPT, '--max-events', '100'], /--max-events cannot be used with an ONNX policy/],
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
