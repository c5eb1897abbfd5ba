import { mkdirSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** `statSync`, or undefined where nothing is (or it cannot be seen). */
export function statOrUndefined(path: string): Stats | undefined {
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
