/**
 * A single-value option given twice is refused (yargs would make `--replications 2 --replications 1`
 * into 3); multi-value options and switches may repeat. A value like `-5h` is refused, not read as
 * `-5 -h`. Unit cases, and the built CLI (about 2 s).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dashValues } from '../../src/cli/dash-values.js';
import { emptyFlags } from '../../src/cli/empty-flags.js';
import { notNumbers } from '../../src/cli/number-flags.js';
import { type FlagKinds, repeatedFlags } from '../../src/cli/repeated-flags.js';

const KINDS: FlagKinds = {
  array: ['set', 'kpi'],
  boolean: ['quiet', 'json', 'help'],
  count: [],
  alias: { help: ['h'], 'max-events': ['maxEvents'] },
};

describe('repeatedFlags', () => {
  it('names each single-value option given twice, once, as first written', () => {
    expect(repeatedFlags(['run', 'f.yaml', '--seed', '1', '--seed', '2', '--seed=3'], KINDS)).toEqual([
      '--seed',
    ]);
    expect(
      repeatedFlags(['--horizon=1h', '--warmup', '0s', '--horizon', '2h', '--warmup=1s'], KINDS),
    ).toEqual(['--horizon', '--warmup']);
    // Both spellings of one option.
    expect(repeatedFlags(['--max-events', '5', '--maxEvents', '6'], KINDS)).toEqual(['--max-events']);
  });

  it('lets multi-value options, switches, values and everything after -- repeat', () => {
    expect(
      repeatedFlags(['--set', 'a=1', '--set', 'b=2', '--kpi', 'wip', '--kpi', 'cycleTimeS'], KINDS),
    ).toEqual([]);
    expect(repeatedFlags(['--quiet', '--quiet', '--no-json', '--json', '-h', '--help'], KINDS)).toEqual([]);
    expect(repeatedFlags(['--seed', '-5', '--horizon', '-5'], KINDS)).toEqual([]);
    expect(repeatedFlags(['--seed', '1', '--', '--seed', '2'], KINDS)).toEqual([]);
  });
});

describe('emptyFlags', () => {
  it('names a multi-value option written without a value: last, or before another option', () => {
    expect(emptyFlags(['sweep', 'f.yaml', '--set', 'a=1..2', '--kpi'], KINDS)).toEqual(['--kpi']);
    expect(emptyFlags(['--kpi', '--set', 'a=1', '--set', '--quiet'], KINDS)).toEqual(['--kpi', '--set']);
    expect(emptyFlags(['--kpi', 'wip', '--set', 'a=1', '--kpi', 'cycleTimeS'], KINDS)).toEqual([]);
    // Single-value options and switches are yargs' business; after -- nothing is an option.
    expect(emptyFlags(['--quiet', '--seed', '--', '--kpi'], KINDS)).toEqual([]);
  });
});

describe('notNumbers', () => {
  const kinds = { ...KINDS, number: ['seed', 'replications', 'max-events'] };
  it('names a number option whose text is not a number, with the text as written', () => {
    expect(notNumbers(['--seed', 'abc', '--replications=2x', '--max-events', '5'], kinds)).toEqual([
      '--seed "abc"',
      '--replications "2x"',
    ]);
    expect(notNumbers(['--seed', '', '--replications', '-3', '--max-events=1e6'], kinds)).toEqual([
      '--seed ""',
    ]);
    // A missing value is yargs' business; after -- nothing is an option.
    expect(notNumbers(['--seed', '--quiet', '--', '--seed', 'x'], kinds)).toEqual([]);
  });
});

describe('dashValues', () => {
  it('lists what starts like a negative number but is not one, before --', () => {
    expect(dashValues(['--horizon', '-5h', '--seed', '-3', '--x', '-2.5e3', '-h', '--', '-7min'])).toEqual([
      '-5h',
    ]);
  });
});

describe('the CLI', () => {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const shopfloor = (...args: string[]) =>
    spawnSync(process.execPath, [main, ...args], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });

  it('exits 2 naming the option given twice, on any command', () => {
    const run = shopfloor('run', 'scenarios/serial-line.yaml', '--replications', '2', '--replications', '1');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--replications is given more than once; give it once/);
    const sweep = shopfloor(
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.before-bend.capacity=1..2',
      '--seed',
      '1',
      '--workers',
      '1',
      '--seed=2',
    );
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/--seed is given more than once/);
  });

  it('a multi-value option without a value exits 2 (it was ignored: a bare --kpi left the sweep without figures)', () => {
    const sweep = shopfloor(
      'sweep',
      'scenarios/serial-line.yaml',
      '--set',
      'buffers.before-bend.capacity=1..2',
      '--kpi',
    );
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/--kpi needs a value/);
    const compare = shopfloor(
      'compare',
      'scenarios/machine-shop.yaml',
      '--policy',
      'dispatch=spt',
      '--policy',
      'dispatch=fifo',
      '--policy',
    );
    expect(compare.status).toBe(2);
    expect(compare.stderr).toMatch(/--policy needs a value/);
  });

  it('a number option given a word exits 2 quoting the word (the message said "got NaN")', () => {
    const r = shopfloor('run', 'scenarios/serial-line.yaml', '--max-events', 'abc');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--max-events "abc": a number is expected/);
  });

  it('a value like -5h exits 2 saying it was read as options (it printed the help and exited 0)', () => {
    const r = shopfloor('run', 'scenarios/serial-line.yaml', '--horizon', '-5h');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/"-5h" is read as options, not as a value/);
    expect(r.stdout).toBe('');
  });
});
