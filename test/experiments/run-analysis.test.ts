/**
 * Output analysis on `shopfloor run`: the warm-up warning, --warmup auto and --precision (about 30 s:
 * real processes of the built CLI on an M/M/1 at ρ = 0.9).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadScenarioFile,
  runReplications,
  runWarnings,
  warmupShorterThanTransient,
} from '../../src/scenario/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const FULL = 'test/experiments/fixtures/mm1-100.yaml';
const EMPTY = 'test/experiments/fixtures/mm1-empty.yaml';

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the warm-up warning (RUN_WARNING_CHECKS)', () => {
  const loaded = loadScenarioFile(EMPTY);
  if (!loaded.ok) throw new Error('fixture does not load');
  const result = runReplications(loaded.scenario, { replications: 1, horizon: 3600, warmup: 600 });
  it('warns at run.warmup when the warm-up is shorter than the observed transient, not when it is longer', () => {
    const short = warmupShorterThanTransient(
      { scenario: loaded.scenario, horizonS: 3600 },
      { ...result, transient: { endS: 1200, method: 'MSER-5', tooShort: false } },
    );
    expect(short).toHaveLength(1);
    expect(short[0]!.path).toEqual(['run', 'warmup']);
    expect(short[0]!.message).toMatch(/^warm-up shorter than the observed transient/);
    const enough = runWarnings(loaded.scenario, {
      ...result,
      transient: { endS: 500, method: 'MSER-5', tooShort: false },
    });
    expect(enough).toEqual([]);
  });
  it('warns at run.horizon when the detection says the run is too short', () => {
    const w = runWarnings(loaded.scenario, {
      ...result,
      transient: { endS: 3000, method: 'MSER-5', tooShort: true },
    });
    expect(w.map((x) => x.path)).toEqual(['run.horizon']);
  });
});

describe('shopfloor run: --warmup-check, --warmup auto, --precision', () => {
  it('--warmup-check on a queue started with 100 parts and a 2 h warm-up warns (MSER-5 on its own replications)', () => {
    const r = shopfloor('run', FULL, '--warmup', '2h', '--warmup-check', '--replications', '3', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warm-up shorter than the observed transient: the warm-up is 2\.00 h/);
    const strict = shopfloor(
      'run',
      FULL,
      '--warmup',
      '2h',
      '--warmup-check',
      '--replications',
      '3',
      '--quiet',
      '--strict',
    );
    expect(strict.code).toBe(2);
  });

  it('--warmup auto reports the detected warm-up, uses it, and --json carries the detection', () => {
    const r = shopfloor('run', FULL, '--warmup', 'auto', '--replications', '2', '--json', '--workers', '1');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.warmupDetection.warmupS).toBeGreaterThan(8 * 3600);
    expect(doc.warmupS).toBe(doc.warmupDetection.warmupS);
    expect(doc.transient.endS).toBe(doc.warmupS);
    expect(doc.warnings).toEqual([]);
  });

  it('--precision adds replications until the relative half-width is met and says how many it took', () => {
    const r = shopfloor(
      'run',
      EMPTY,
      '--horizon',
      '50h',
      '--warmup',
      '5h',
      '--precision',
      '10%',
      '--precision-kpi',
      'throughputPerHour',
      '--json',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.precision.met).toBe(true);
    expect(doc.precision.replications).toBeGreaterThanOrEqual(5);
    expect(doc.replications).toBe(doc.precision.replications);
    const { mean, halfWidth } = doc.kpis.throughputPerHour;
    expect(halfWidth / mean).toBeLessThanOrEqual(0.1 / 1.1);
    const bad = shopfloor('run', EMPTY, '--precision', '150%');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--precision must be/);
  });

  it('refuses the flags that would be ignored: --precision-kpi, --max-replications or --workers alone, --replications with --precision', () => {
    const cases: [string[], RegExp][] = [
      [['--precision-kpi', 'wip'], /--precision-kpi goes with --precision/],
      [['--max-replications', '20'], /--max-replications goes with --precision/],
      [['--workers', '2'], /--workers goes with --precision or --warmup auto/],
      [['--precision', '5%', '--replications', '8'], /--replications and --precision both set the number/],
    ];
    for (const [flags, message] of cases) {
      const r = shopfloor('run', EMPTY, ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(message);
      expect(r.stdout, flags.join(' ')).toBe('');
    }
  });
});
