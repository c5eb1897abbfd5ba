/**
 * `run --trace/--ocel`, `trace info` and `serve` as a user runs them: the built CLI in a real process
 * (npm test builds it first). About 8 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const CWD = fileURLToPath(new URL('../..', import.meta.url));

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: CWD });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shopfloor run --trace, trace info', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-cli-trace-'));
  const trace = join(dir, 'demo.sftrace');

  it('run --trace records the asked replication and trace info reports it', () => {
    const ocel = join(dir, 'demo.ocel.json');
    const r = shopfloor(
      'run',
      'scenarios/demo-factory.yaml',
      '--horizon',
      '1d',
      '--replications',
      '2',
      '--trace',
      trace,
      '--trace-replication',
      '1',
      '--ocel',
      ocel,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*demo\.sftrace \(.* MB, .* frames, replication 2\)/);
    expect(JSON.parse(readFileSync(ocel, 'utf8')).events.length).toBeGreaterThan(1000);
    expect(readdirSync(dir).sort()).toEqual(['demo.ocel.json', 'demo.sftrace']);
    const info = shopfloor('trace', 'info', trace, '--json');
    expect(info.code, info.stderr).toBe(0);
    const doc = JSON.parse(info.stdout);
    expect(doc).toMatchObject({
      name: 'demo factory',
      replication: 1,
      seed: 2,
      durationS: 86_400,
      endReason: 'horizon',
    });
    // A keyframe every 4 h (the default) over 24 h.
    expect(doc.framesByKind.keyframe).toBe(6);
    const text = shopfloor('trace', 'info', trace);
    expect(text.stdout).toMatch(/replication\s+│ 2 \(seed 2\)/);
  });

  it('trace info on a cut or foreign file exits with 2 and names the byte offset', () => {
    const cut = join(dir, 'cut.sftrace');
    writeFileSync(cut, readFileSync(trace).subarray(0, 20_000));
    const r = shopfloor('trace', 'info', cut);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cut\.sftrace: trace: truncated .* at byte \d+/);
    const y = shopfloor('trace', 'info', 'scenarios/demo-factory.yaml');
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/not a shopfloor trace \(bad magic at byte 0\)/);
  });

  it('--trace-replication beyond the replications run is a usage error before any run', () => {
    const r = shopfloor(
      'run',
      'scenarios/demo-factory.yaml',
      '--replications',
      '2',
      '--trace',
      join(dir, 'x.sftrace'),
      '--trace-replication',
      '2',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--trace-replication must be an integer from 0 to 1/);
    expect(existsSync(join(dir, 'x.sftrace'))).toBe(false);
    // Without --trace or --ocel it recorded nothing and was ignored.
    const alone = shopfloor('run', 'scenarios/demo-factory.yaml', '--trace-replication', '0');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--trace-replication goes with --trace or --ocel/);
  });
});

describe('shopfloor serve', () => {
  it('prints its URL on loopback and streams the header and a keyframe to a viewer', async () => {
    const child = spawn(
      process.execPath,
      [MAIN, 'serve', 'scenarios/demo-factory.yaml', '--port', '0', '--speed', '600'],
      { cwd: CWD },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /at (ws:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const types = await new Promise<string[]>((resolve, reject) => {
        const ws = new WebSocket(url);
        const seen: string[] = [];
        ws.on('message', (d) => {
          seen.push(JSON.parse(d.toString()).type);
          if (seen.includes('frames')) {
            ws.close();
            resolve(seen);
          }
        });
        ws.on('error', reject);
      });
      expect(types.slice(0, 3)).toEqual(['hello', 'keyframe', 'status']);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses another address without --token (exit 2)', () => {
    const r = shopfloor('serve', 'scenarios/demo-factory.yaml', '--host', '127.0.0.2', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a token/);
  });

  it('view refuses --token without --live and --compare after a scenario (both were ignored)', () => {
    const token = shopfloor('view', 'scenarios/demo-factory.yaml', '--token', 'abc');
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/--token goes with --live/);
    const compare = shopfloor(
      'view',
      'scenarios/demo-factory.yaml',
      '--compare',
      'scenarios/serial-line.yaml',
    );
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(/--compare shows two traces side by side; the first file is a scenario/);
  });

  it('refuses a fractional --seed, an empty --token and a zero --horizon (exit 2; the seed was an internal error)', () => {
    const cases: [string[], RegExp][] = [
      [['--seed', '1.5'], /--seed must be an integer \(got 1\.5\)/],
      [['--token', ''], /--token must not be empty/],
      [['--horizon', '0s'], /--horizon must be longer than 0/],
    ];
    for (const [flags, message] of cases) {
      const r = shopfloor('serve', 'scenarios/demo-factory.yaml', '--port', '0', ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(message);
    }
  });
});
