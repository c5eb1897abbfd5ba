import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The CLI never hangs and never crashes (issue 9 §1): each mistake ends within seconds with exit 2
 * (input) or 3 (a model that can make no more progress) and a message. Runs the built CLI.
 */
function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Writes `yaml` to a new temporary scenario file and returns its path. */
function scenario(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shopfloor-robust-')), 'scenario.yaml');
  writeFileSync(path, yaml);
  return path;
}

const short = ['--replications', '1', '--horizon', '1h', '--warmup', '0s', '--quiet'];

describe('shopfloor run never hangs on an output folder', () => {
  it('--csv into a folder that cannot be created (/proc/nope) exits with 2 at once, before the run', () => {
    const started = Date.now();
    const r = shopfloor('run', 'scenarios/machine-shop.yaml', ...short, '--csv', '/proc/nope');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv: cannot write into \/proc\/nope: cannot create the folder \/proc\/nope/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('--schedule into a folder that cannot be created exits with 2', () => {
    const r = shopfloor('run', 'scenarios/machine-shop.yaml', ...short, '--schedule', '/proc/nope/s.csv');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--schedule: cannot write \/proc\/nope\/s\.csv: .*\/proc\/nope/);
  });
});

const ONE_STATION = (over: {
  interarrival?: string;
  servers?: string;
  horizon?: string;
  batch?: string;
}) => `run:
  horizon: ${over.horizon ?? '1h'}
products:
  - id: gear
    routing:
      - { station: cut, processTime: 1min }
sources:
  - { id: src, product: gear, interarrival: ${over.interarrival ?? '2min'} }
buffers:
  - { id: q, capacity: 3 }
stations:
  - { id: cut, input: q, servers: ${over.servers ?? '1'}${over.batch === undefined ? '' : `, batch: ${over.batch}`} }
sinks:
  - id: out
`;

describe('shopfloor run rejects inputs that would hang or exhaust memory, with exit 2', () => {
  it('interarrival 0s, servers 1e9, horizon 1e300d, a batch that can never fill: path, line, exit 2', () => {
    const cases: [Parameters<typeof ONE_STATION>[0], RegExp][] = [
      [{ interarrival: '0s' }, /sources\[0\]\.interarrival \(line 8\)/],
      [{ servers: '1000000000' }, /stations\[0\]\.servers \(line 12\)/],
      [{ horizon: '1e300d' }, /run\.horizon \(line 2\)/],
      [{ batch: '{ size: 10 }' }, /batch of 10 can never fill.*stations\[0\]\.batch\.size \(line 12\)/],
    ];
    for (const [over, message] of cases) {
      const r = shopfloor('run', scenario(ONE_STATION(over)), '--quiet');
      expect(r.signal, JSON.stringify(over)).toBeNull();
      expect(r.code, JSON.stringify(over)).toBe(2);
      expect(r.stderr, JSON.stringify(over)).toMatch(message);
    }
  });

  it('--horizon past 100 years and --replications past the limit exit with 2', () => {
    const file = scenario(ONE_STATION({}));
    const h = shopfloor('run', file, '--quiet', '--horizon', '1e300d');
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/--horizon must be at most 100 years/);
    const r = shopfloor('run', file, '--quiet', '--replications', '1000000000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replications must be at most 100,000/);
  });
});

describe('shopfloor run: runs that can make no more progress exit with 3, naming the station', () => {
  it('a zero-time loop (CONWIP through zero process times) exits with 3 within seconds', () => {
    const file = scenario(`run:
  horizon: 8h
products:
  - id: gear
    routing:
      - { station: cut, processTime: 0s }
sources:
  - { id: loop, product: gear, conwip: { wip: 1 } }
stations:
  - { id: cut }
sinks:
  - id: out
`);
    const r = shopfloor('run', file, '--quiet');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /zero-time loop at 0 s — over 1,0\d\d,\d{3} events ran without the clock advancing.*cut/,
    );
  });

  it('a batch that can never fill (3 parts in the system, batch of 10) exits with 3 naming the station and why', () => {
    const file = scenario(`run:
  horizon: 8h
products:
  - id: gear
    routing:
      - { station: oven, processTime: 1h }
sources:
  - { id: loop, product: gear, conwip: { wip: 3 } }
stations:
  - { id: oven, batch: { size: 10 } }
sinks:
  - id: out
`);
    const r = shopfloor('run', file, '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/station oven: batch of 10 can never fill: 3 part\(s\) waiting/);
  });
});

describe('shopfloor run --max-events and --max-wall', () => {
  it('--max-events stops each replication; --json says partial: true with the reason', () => {
    const r = shopfloor(
      'run',
      'scenarios/serial-line.yaml',
      '--replications',
      '2',
      '--max-events',
      '5000',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.partial).toBe(true);
    expect(out.partialReason).toMatch(/replication 1 stopped at .* after 5,000 events \(maxEvents\)/);
    expect(out.events).toBe(10_000);
  });

  it('--max-wall 1s stops a long run within seconds and the table says PARTIAL RESULT', () => {
    const started = Date.now();
    const r = shopfloor('run', 'scenarios/serial-line.yaml', '--horizon', '5000d', '--max-wall', '1s');
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stdout).toMatch(
      /^⚠ PARTIAL RESULT: replication 1 stopped at .*\(maxWall\); replications 2–10 not run/,
    );
    expect(r.stdout).toMatch(/throughput/);
  });

  it('a whole run says partial: false', () => {
    const r = shopfloor(
      'run',
      'scenarios/serial-line.yaml',
      '--replications',
      '1',
      '--horizon',
      '1d',
      '--json',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ partial: false, partialReason: null });
  });

  it('bad values exit with 2 naming the flag', () => {
    for (const [flag, value, message] of [
      ['--max-events', '0', /--max-events must be an integer >= 1 \(got 0\)/],
      ['--max-events', '1.5', /--max-events must be an integer >= 1/],
      ['--max-wall', 'soon', /--max-wall must be a duration such as "30s"/],
      ['--max-wall', '0s', /--max-wall must be/],
    ] as const) {
      const r = shopfloor('run', 'scenarios/serial-line.yaml', flag, value);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr, `${flag} ${value}`).toMatch(message);
    }
    // Plain seconds in any number notation.
    for (const seconds of ['0.5', '1e9'])
      expect(
        shopfloor(
          'run',
          'scenarios/serial-line.yaml',
          '--max-wall',
          seconds,
          '--replications',
          '1',
          '--horizon',
          '1d',
          '--quiet',
        ).code,
        seconds,
      ).toBe(0);
  });
});
