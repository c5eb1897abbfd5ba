import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeFolders, statOrUndefined } from '../../report/make-folders.js';
import { tempFileBeside } from '../../report/temp-file.js';
import { UsageError } from '../usage-error.js';

/**
 * Checks, before a long run, that the file flag `--<flag>` names a file that {@link writeFileAtomic} can
 * write: not empty, not a folder or a device, and inside a folder that exists or is made now (missing
 * folders are created) and in which a file can be created (tried with an empty probe file, removed).
 * @throws UsageError naming the flag and the path.
 */
export function checkOutputFile(flag: string, path: string): void {
  const example = `${flag}.${flag === 'html' ? 'html' : 'csv'}`;
  if (path.trim() === '') throw new UsageError(`--${flag} needs a file path, e.g. --${flag} ${example}`);
  const fail = (why: string) => new UsageError(`--${flag}: cannot write ${path}: ${why}`);
  const target = resolve(path);
  const stat = statOrUndefined(target);
  if (stat?.isDirectory() === true) {
    throw fail(`it is a folder; give a file name, e.g. ${join(path, example)}`);
  }
  if (stat !== undefined && !stat.isFile()) throw fail('it exists and is not a regular file');
  // Only trying tells (permissions say "writable" to root in /proc and on read-only mounts): make the
  // missing folders and a file there now, so the run does not fail at its end.
  const folder = dirname(target);
  try {
    makeFolders(folder);
  } catch (error) {
    throw fail((error as Error).message);
  }
  const probe = join(folder, `.${basename(target)}.${process.pid}.probe`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw fail(`cannot create files in ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  rmSync(probe, { force: true });
}

/**
 * Writes `text` to `path` so that a reader never sees half a file: into a temporary file next to it,
 * then renamed over it. Missing parent folders are created (see {@link makeFolders}).
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const dir = dirname(target);
  makeFolders(dir);
  const temp = tempFileBeside(target);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
