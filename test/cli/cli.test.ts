import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (npm test builds it first) as a user would: a real process. */
function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shopfloor CLI', () => {
  it('validate accepts a valid scenario with exit code 0', () => {
    const r = shopfloor('validate', 'test/scenario/fixtures/machine-shop.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is valid/);
  });

  it('validate reports three mistakes with their paths and lines, and exits with 2', () => {
    const r = shopfloor('validate', 'test/cli/three-mistakes.yaml');
    expect(r.code).toBe(2);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('✖'));
    expect(problems).toHaveLength(3);
    expect(r.stderr).toMatch(/products\[0\]\.routing\[0\]\.processTime.*\(line 9\)/);
    expect(r.stderr).toMatch(/stations\[0\].*colour.*\(line 19\)|colour.*stations\[0\].*\(line 19\)/);
    expect(r.stderr).toMatch(/"mill".*products\[0\]\.routing\[1\]\.station \(line 10\)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('a missing file is a clear error with exit code 2', () => {
    const r = shopfloor('validate', 'no/such/file.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the file/);
  });

  it('schema prints a JSON Schema', () => {
    const r = shopfloor('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('$schema');
  });

  it('unknown commands and bad flags exit with 2 and a message', () => {
    expect(shopfloor('frobnicate').code).toBe(2);
    const r = shopfloor('demo', '--seed', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed must be an integer/);
  });

  it('demo prints its statistics', () => {
    const r = shopfloor('demo', '--replications', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/time in system/);
  });
});
