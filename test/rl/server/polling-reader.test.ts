import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');
const READER = join(DIST, 'src', 'rl', 'server', 'polling-reader.js');

/** A child that reads its stdin one byte at a time and prints `<byte> <hits> <misses>` after each. */
const CHILD = `
import { PollingReader } from ${JSON.stringify(READER)};
const reader = new PollingReader(0, Number(process.argv[1]));
const buf = Buffer.alloc(1);
console.log('polls', reader.polls);
for (;;) {
  const got = reader.read(buf, 0, 1);
  if (got === 0) break;
  console.log(buf.toString('latin1', 0, 1), reader.counts.hits, reader.counts.misses);
}
reader.close();
console.log('end');
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PollingReader', () => {
  it('polls while requests come quickly, blocks for a while after a poll ran out, polls again once data comes quickly', async () => {
    // NOTE: Node's spawn gives the child a socket for stdin; `cat` in between makes it a pipe, as the
    // Python client's subprocess does.
    const child = spawn(
      'sh',
      ['-c', 'cat | "$0" --input-type=module -e "$1" 10000', process.execPath, CHILD],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    let waiting: (() => void) | undefined;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      lines.push(...parts);
      waiting?.();
    });
    const until = async (count: number) => {
      while (lines.length < count) await new Promise<void>((r) => (waiting = r));
    };
    await until(1);
    expect(lines[0]).toBe('polls true');
    // Each byte 100 ms after the last: the first read's 10 ms poll runs out, and the 4 reads after it
    // block at once; then the next poll runs out too.
    const slow = 'abcde';
    for (const [i, byte] of [...slow].entries()) {
      await sleep(100);
      child.stdin.write(byte);
      await until(2 + i);
    }
    expect(lines.slice(1, 6)).toEqual(['a 0 1', 'b 0 1', 'c 0 1', 'd 0 1', 'e 0 2']);
    // Three bytes at once: the second is there when its blocking read starts, so the third is polled for.
    child.stdin.write('fgh');
    await until(9);
    const [last, hits, misses] = lines[8]!.split(' ');
    expect(last).toBe('h');
    expect(Number(hits)).toBeGreaterThanOrEqual(1);
    expect(Number(misses)).toBe(2);
    child.stdin.end();
    await until(10);
    expect(lines[9]).toBe('end');
  });

  it('reads a file, a socket and a poll of 0 µs with blocking reads only', () => {
    const runs = [
      spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, '300'], {
        stdio: [openSync(READER, 'r'), 'pipe', 'inherit'],
        encoding: 'utf8',
      }),
      // Node's spawn: a socket.
      spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, '300'], {
        input: 'xy',
        encoding: 'utf8',
      }),
      spawnSync('sh', ['-c', 'cat | "$0" --input-type=module -e "$1" 0', process.execPath, CHILD], {
        input: 'xy',
        encoding: 'utf8',
      }),
    ];
    for (const run of runs) {
      const out = run.stdout.split('\n');
      expect(out[0]).toBe('polls false');
      expect(out.at(-2)).toBe('end');
    }
    // The file is read from its start, once.
    expect(runs[0]!.stdout.split('\n')[1]).toBe('/ 0 0');
    expect(runs[2]!.stdout.split('\n').slice(1, 3)).toEqual(['x 0 0', 'y 0 0']);
  });
});
