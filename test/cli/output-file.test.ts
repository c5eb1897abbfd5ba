import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFile, writeFileAtomic } from '../../src/cli/report/output-file.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { makeFolders } from '../../src/report/make-folders.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'shopfloor-output-'));

describe('checkOutputFile', () => {
  it('accepts a new or existing file in an existing folder, and a path whose folders are missing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.csv'), 'x');
    expect(() => checkOutputFile('schedule', join(dir, 'new.csv'))).not.toThrow();
    expect(() => checkOutputFile('schedule', join(dir, 'old.csv'))).not.toThrow();
    expect(() => checkOutputFile('schedule', join(dir, 'a', 'b', 'new.csv'))).not.toThrow();
  });

  it('rejects, naming the flag and the path: empty, a folder, a file used as a folder, a device', () => {
    const dir = tmp();
    const file = join(dir, 'file.csv');
    writeFileSync(file, 'x');
    mkdirSync(join(dir, 'sub'));
    const cases: [string, RegExp][] = [
      ['', /^--schedule needs a file path/],
      ['  ', /^--schedule needs a file path/],
      [
        join(dir, 'sub'),
        /^--schedule: cannot write .*sub: it is a folder; give a file name, e.g. .*schedule\.csv$/,
      ],
      [join(file, 'x.csv'), /^--schedule: cannot write .*file\.csv\/x\.csv: .*file\.csv is not a folder$/],
      [join(file, 'a', 'b', 'x.csv'), /is not a folder$/],
      ['/dev/null', /^--schedule: cannot write \/dev\/null: it exists and is not a regular file$/],
    ];
    for (const [path, message] of cases) {
      let error: unknown;
      try {
        checkOutputFile('schedule', path);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(UsageError);
      expect((error as Error).message, path).toMatch(message);
    }
  });

  it('makes the missing folders at once, leaves no probe file, and refuses where no file can be made (/proc)', () => {
    const dir = tmp();
    checkOutputFile('trace', join(dir, 'a', 'b', 'run.sftrace'));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual([]);
    // Root may "write" in /proc by its permissions, yet nothing can be created there.
    expect(() => checkOutputFile('html', '/proc/report.html')).toThrow(
      /^--html: cannot write \/proc\/report\.html: (cannot create files in|no permission to write in) \/proc/,
    );
    expect(() => checkOutputFile('trace', '/proc/new/run.sftrace')).toThrow(
      /^--trace: cannot write .*: (cannot create the folder \/proc\/new|no permission to write in \/proc)/,
    );
  });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces an old file and leaves no temporary file behind', () => {
    const dir = tmp();
    const path = join(dir, 'a', 'b', 'out.csv');
    writeFileAtomic(path, 'one\n');
    writeFileAtomic(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.csv']);
  });

  it('on failure leaves the old file as it was and no temporary file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'inside'), 'x');
    // Renaming a file over a non-empty folder fails after the temporary file is written.
    expect(() => writeFileAtomic(join(dir, 'taken'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual(['inside']);
  });
});

describe('makeFolders', () => {
  it('creates missing folders, and fails at once where a folder refuses new entries (/proc)', () => {
    const dir = tmp();
    makeFolders(join(dir, 'a', 'b'));
    expect(readdirSync(join(dir, 'a'))).toEqual(['b']);
    expect(() => makeFolders('/proc/nope/deeper')).toThrow(
      /cannot create the folder \/proc\/nope \(ENOENT\)/,
    );
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => makeFolders(join(dir, 'f', 'g'))).toThrow(/f is not a folder$/);
  });
});
