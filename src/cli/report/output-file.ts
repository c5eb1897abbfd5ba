import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../usage-error.js';

/**
 * Checks, before a long run, that the file flag `--<flag>` names a file that {@link writeFileAtomic} can
 * write: not empty, not a folder or a device, and inside a folder that exists (or can be created: the
 * nearest existing ancestor is a folder) and that we may write into.
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
  let dir = dirname(target);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (statOrUndefined(dir)?.isDirectory() !== true) {
    throw fail(`${dir} is not a folder`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw fail(`no permission to write in ${dir}`);
  }
}

/** The file's stat, or `undefined` when it cannot be had (missing; a parent that is a file: ENOTDIR). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Creates the folder `dir` and its missing parents, one at a time, so that a folder that cannot be
 * made fails at once with the reason. (`mkdirSync(dir, { recursive: true })` loops forever on Node 20
 * where the parent exists but refuses new entries with ENOENT, as `/proc` does.)
 * @throws Error naming the folder that could not be made, or the ancestor that is not a folder.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (statOrUndefined(at) === undefined && dirname(at) !== at) {
    missing.push(at);
    at = dirname(at);
  }
  if (statOrUndefined(at)?.isDirectory() !== true) throw new Error(`${at} is not a folder`);
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new Error(`cannot create the folder ${folder} (${code}): ${dirname(folder)} refuses new entries`);
    }
  }
}

/**
 * Writes `text` to `path` so that a reader never sees half a file: into a temporary file next to it,
 * then renamed over it. Missing parent folders are created (see {@link makeFolders}).
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const dir = dirname(target);
  makeFolders(dir);
  const temp = join(dir, `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
