import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The CLI never hangs and never crashes (issue 9 §1): each mistake ends within seconds with exit 2
 * (input) or 3 (a model that can make no more progress) and a message. Runs the built CLI.
 */
function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Writes `yaml` to a new temporary scenario file and returns its path. */
function scenario(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shopfloor-robust-')), 'scenario.yaml');
  writeFileSync(path, yaml);
  return path;
}

const short = ['--replications', '1', '--horizon', '1h', '--warmup', '0s', '--quiet'];

describe('shopfloor run never hangs on an output folder', () => {
  it('--csv into a folder that cannot be created (/proc/nope) exits with 2 at once, before the run', () => {
    const started = Date.now();
    const r = shopfloor('run', 'scenarios/machine-shop.yaml', ...short, '--csv', '/proc/nope');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv: cannot write into \/proc\/nope: cannot create the folder \/proc\/nope/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('--schedule into a folder that cannot be created exits with 2', () => {
    const r = shopfloor('run', 'scenarios/machine-shop.yaml', ...short, '--schedule', '/proc/nope/s.csv');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--schedule: cannot write \/proc\/nope\/s\.csv: .*\/proc\/nope/);
  });
});
