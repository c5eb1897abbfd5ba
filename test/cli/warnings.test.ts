import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatWarnings, useColor } from '../../src/cli/report/format-warnings.js';

/** Runs the built CLI (npm test builds it first) as a user would, with extra environment variables. */
function shopfloor(env: Record<string, string>, ...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...base, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FILE = 'test/cli/warnings.yaml';
const UNVISITED =
  /^warning: no product's routing visits station "spare".* → at stations\[1\]\.id \(line 17\)$/m;
const TRUNCATED =
  /^warning: normal with mean 120 s and sd 120 s .* → at products\[0\]\.routing\[0\]\.processTime \(line 10\)$/m;

describe('warnings in the CLI', () => {
  it('validate prints each warning with path and line, plain with a "warning:" prefix off a terminal, exit 0', () => {
    const r = shopfloor({}, 'validate', FILE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(UNVISITED);
    expect(r.stdout).toMatch(TRUNCATED);
    expect(r.stdout).toMatch(/is valid: .* \(2 warnings\)/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('warnings are yellow when colour is forced, and plain again under NO_COLOR', () => {
    expect(shopfloor({ FORCE_COLOR: '1' }, 'validate', FILE).stdout).toContain('\u001b[33mwarning: ');
    expect(shopfloor({ FORCE_COLOR: '1', NO_COLOR: '1' }, 'validate', FILE).stdout).not.toContain('\u001b[');
  });

  it('validate --strict turns warnings into errors: exit 2, listed on stderr', () => {
    const r = shopfloor({}, 'validate', FILE, '--strict');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✖ warning: no product's routing visits station "spare".*\(line 17\)$/m);
    expect(r.stderr).toMatch(/2 warnings in test\/cli\/warnings\.yaml, which --strict treats as errors/);
    expect(r.stdout).toBe('');
  });

  it('validate --json lists problems[] and warnings[] with path and line; --strict makes it invalid', () => {
    const r = shopfloor({}, 'validate', FILE, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ file: FILE, valid: true, problems: [] });
    expect(doc.warnings.map((w: { path: string; line: number }) => [w.path, w.line])).toEqual([
      ['products[0].routing[0].processTime', 10],
      ['stations[1].id', 17],
    ]);
    const strict = shopfloor({}, 'validate', FILE, '--json', '--strict');
    expect(strict.code).toBe(2);
    expect(JSON.parse(strict.stdout).valid).toBe(false);
    const bad = shopfloor({}, 'validate', 'test/cli/three-mistakes.yaml', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, warnings: [] });
    expect(JSON.parse(bad.stdout).problems).toHaveLength(3);
  });

  it('--strict on a scenario without warnings changes nothing', () => {
    expect(shopfloor({}, 'validate', 'scenarios/machine-shop.yaml', '--strict').code).toBe(0);
  });

  it('run prints the warnings before the report and still exits 0', () => {
    const r = shopfloor({}, 'run', FILE, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(UNVISITED);
    expect(r.stdout.indexOf('warning:')).toBeLessThan(r.stdout.indexOf('throughput'));
    expect(r.stdout).toMatch(/throughput/);
  });

  it('run --json lists the warnings as warnings[] with path and line', () => {
    const r = shopfloor({}, 'run', FILE, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.warnings.map((w: { path: string; line: number }) => [w.path, w.line])).toEqual([
      ['products[0].routing[0].processTime', 10],
      ['stations[1].id', 17],
    ]);
    expect(doc.warnings[0].message).toMatch(/truncated at 0/);
    expect(doc.kpis.throughputPerHour).toHaveProperty('mean');
  });

  it('run --json of a scenario without warnings has an empty warnings[]', () => {
    const r = shopfloor(
      {},
      'run',
      'scenarios/machine-shop.yaml',
      '--json',
      '--horizon',
      '4h',
      '--warmup',
      '1h',
    );
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
  });

  it('run --strict exits 2 without running when there are warnings', () => {
    const r = shopfloor({}, 'run', FILE, '--strict');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/which --strict treats as errors/);
  });

  it('a --horizon flag is the horizon the warnings assume (a calendar never on within it)', () => {
    const r = shopfloor(
      {},
      'run',
      'scenarios/electronics.yaml',
      '--horizon',
      '4h',
      '--warmup',
      '0s',
      '--json',
    );
    const paths = JSON.parse(r.stdout).warnings.map((w: { path: string }) => w.path);
    // two-shifts starts at 06:00 on Monday: with 4 h nothing works.
    expect(paths).toContain('stations[0].shift');
  });
});

describe('useColor', () => {
  const tty = { isTTY: true, hasColors: () => true };
  it('colours a terminal, not a pipe; NO_COLOR wins over FORCE_COLOR; an empty NO_COLOR counts as unset', () => {
    expect(useColor(tty, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('formatWarnings gives one line per warning in file order, nothing for none', () => {
    const ws = [
      { message: 'b', path: 'x', line: 9 },
      { message: 'a', path: '', line: 2 },
    ];
    expect(formatWarnings(ws, { color: false })).toBe(
      'warning: a → at the document (line 2)\nwarning: b → at x (line 9)\n',
    );
    expect(formatWarnings([], { color: true })).toBe('');
  });
});
