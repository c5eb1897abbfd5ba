/**
 * The command line as a user runs it in a shell: a reader that closes the pipe early, and `demo --strict`.
 * Real processes of the built CLI (npm test builds it first); about 10 s.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

describe('shopfloor in a shell pipeline', () => {
  test('a reader that closes the pipe before the report is written ends the run quietly with exit code 0', () => {
    // `true` exits at once without reading, so every write of the report meets a closed pipe (EPIPE).
    const shell = spawnSync(
      'bash',
      [
        '-c',
        `node ${JSON.stringify(CLI)} run scenarios/serial-line.yaml --replications 1 | true; echo "exit=\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(shell.stdout.trim()).toBe('exit=0');
    expect(shell.stderr).not.toMatch(/EPIPE|Error|internal error/);
  });

  test('demo --strict exits 0 when the demo factory has no warnings, and demo rejects an unknown flag with 2', () => {
    const strict = spawnSync('node', [CLI, 'demo', '--strict', '--replications', '1', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(strict.stderr).toBe('');
    expect(strict.status).toBe(0);
    expect(strict.stdout).toContain('shopfloor run');
    const typo = spawnSync('node', [CLI, 'demo', '--stirct'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('stirct');
  });
});
