import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The temporary file a writer fills before renaming it over `target`: `.NAME.PID.tmp` in the target's
 * folder (so the rename stays on one file system and a reader never sees half a file).
 *
 * Temporary files of the same target left by processes that no longer run are removed first: a run
 * stopped with Ctrl-C cannot remove its own (the simulation runs synchronously, so no signal handler
 * gets to run before the process ends), and a trace can be gigabytes. A file whose process still runs
 * (another run writing the same target, or a process that took over the number) is left alone.
 * @returns the temporary file's path.
 */
export function tempFileBeside(target: string): string {
  const path = resolve(target);
  const folder = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    entries = []; // the writer's own open reports a folder it cannot use
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!(entry.startsWith(prefix) && entry.endsWith('.tmp'))) continue;
    const pid = entry.slice(prefix.length, -'.tmp'.length);
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    rmSync(join(folder, entry), { force: true });
  }
  return join(folder, `${prefix}${process.pid}.tmp`);
}

/** Whether a process with this id runs (one of another user counts: signalling it is refused, EPERM). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
