/**
 * Temporary files beside an output: a run stopped with Ctrl-C leaves its `.NAME.PID.tmp`; the next run
 * writing the same file removes it, and leaves those of processes that still run. The last test stops a
 * real `shopfloor run --trace` with SIGINT (the built CLI; npm test builds it first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFileBeside } from '../../src/report/temp-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');

/** The id of a process that has ended (a child that ran and exited). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('tempFileBeside', () => {
  it("is .NAME.PID.tmp in the target's folder; removes the same target's files of ended processes only", () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-temp-'));
    const ended = endedPid();
    const running = process.ppid;
    const names = [
      `.out.csv.${ended}.tmp`, // an interrupted run's: removed
      `.out.csv.${running}.tmp`, // a running process's: kept
      `.other.csv.${ended}.tmp`, // another target's: kept
      `.out.csv.notapid.tmp`, // not ours: kept
      'out.csv', // the target itself: kept
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    const temp = tempFileBeside(join(dir, 'out.csv'));
    expect(temp).toBe(join(dir, `.out.csv.${process.pid}.tmp`));
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });

  it('answers for a folder that does not exist yet (the writer makes it or reports it)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shopfloor-temp-')), 'not', 'yet');
    expect(tempFileBeside(join(dir, 'a.json'))).toBe(join(dir, `.a.json.${process.pid}.tmp`));
  });

  it('a run of `shopfloor run --trace` stopped with Ctrl-C leaves a temporary file; the next run removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-temp-'));
    const trace = join(dir, 'long.trace');
    const args = [
      MAIN,
      'run',
      'scenarios/demo-factory.yaml',
      '--horizon',
      '300d',
      '--quiet',
      '--trace',
      trace,
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    // Wait until the run is writing its trace, then interrupt it as Ctrl-C does.
    const deadline = Date.now() + 30_000;
    while (temps().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(temps()).toEqual([`.long.trace.${child.pid}.tmp`]);
    const ended = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(temps()).toHaveLength(1);
    expect(existsSync(trace)).toBe(false);

    const again = spawnSync(
      process.execPath,
      [MAIN, 'run', 'scenarios/demo-factory.yaml', '--horizon', '1d', '--quiet', '--trace', trace],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(again.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['long.trace']);
  }, 60_000);
});
