/**
 * A file operation the system refuses during a run (a full disk) is not called a bug: exit 74 with the
 * system's reason. Standard output on /dev/full is the real case (about 1 s).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { refusalMessage, systemRefusal } from '../../src/cli/system-error.js';

describe('systemRefusal', () => {
  it('recognises Node system errors and nothing else', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    expect(systemRefusal(full)).toEqual({ code: 'ENOSPC', syscall: 'write', message: full.message });
    expect(refusalMessage(systemRefusal(full)!)).toMatch(
      /^✖ the system refused a file operation \(write\): ENOSPC/,
    );
    expect(systemRefusal(new TypeError('x is undefined'))).toBeUndefined();
    expect(systemRefusal(Object.assign(new Error('no syscall'), { code: 'ENOENT' }))).toBeUndefined();
    expect(
      systemRefusal(Object.assign(new Error('ours'), { code: 'ERR_INVALID_ARG_TYPE', syscall: 'x' })),
    ).toBeUndefined();
    expect(systemRefusal('ENOSPC')).toBeUndefined();
  });
});

describe.runIf(existsSync('/dev/full'))('the CLI', () => {
  it('with its standard output on a full device exits 74 naming the refusal (it crashed with a stack, exit 1)', () => {
    const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(
        process.execPath,
        [
          main,
          'run',
          'scenarios/serial-line.yaml',
          '--horizon',
          '2h',
          '--warmup',
          '0s',
          '--replications',
          '1',
        ],
        {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(74);
      expect(r.stderr).toMatch(/the system refused a file operation \(write\): ENOSPC/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      closeSync(full);
    }
  });
});
