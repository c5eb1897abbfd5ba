/**
 * Shadow comparison of a trained ONNX policy against built-in rules: `compareAlternatives` in this
 * thread, and `shopfloor compare` as a real process of the built CLI (npm test builds it first) with 2
 * worker threads. About 15 s on 2 idle cores, up to 40 s on a loaded machine (each process starts the
 * ONNX runtime in the main thread and in every worker).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Alternative,
  type CompareResult,
  compareAlternatives,
  detectWarmup,
  OverrideError,
  policyOverrides,
  policySetting,
  rawDocument,
  readScenarioSource,
} from '../../src/experiments/index.js';
import { runReplicationSync } from '../../src/experiments/replication.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const SHOP = join(ROOT, 'scenarios/machine-shop.yaml');
const FT06 = join(ROOT, 'scenarios/jobshop-ft06.yaml');
const fixture = (name: string) => join(ROOT, 'test/rl/fixtures', name);

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An alternative of `file` with one `--policy`-style setting. */
function alternative(file: string, setting: string): Alternative {
  const s = policySetting(rawDocument(readScenarioSource(file)), setting);
  return { name: setting, file, overrides: s.overrides, policies: s.policies };
}

const differencesOf = (result: Pick<CompareResult, 'differences'>) =>
  result.differences.map((d) => [d.key, d.interval.mean, d.interval.halfWidth]);

describe('policySetting', () => {
  it('a kind=file.onnx setting becomes a policy text, a built-in rule becomes overrides', () => {
    const doc = rawDocument(readScenarioSource(SHOP));
    expect(policySetting(doc, 'dispatch=m.onnx')).toEqual({ overrides: [], policies: ['dispatch=m.onnx'] });
    const rule = policySetting(doc, 'dispatch=spt');
    expect(rule.policies).toEqual([]);
    expect(rule.overrides).toEqual(policyOverrides(doc, 'dispatch=spt'));
    expect(rule.overrides.length).toBeGreaterThan(0);
  });

  it('an ONNX file for an unknown kind is refused, and policyOverrides alone still refuses .onnx', () => {
    const doc = rawDocument(readScenarioSource(SHOP));
    expect(() => policySetting(doc, 'scheduling=m.onnx')).toThrow(/unknown decision kind "scheduling"/);
    expect(() => policyOverrides(doc, 'dispatch=m.onnx')).toThrow(OverrideError);
  });

  it('runReplicationSync refuses a task with ONNX policies instead of ignoring them', () => {
    expect(() =>
      runReplicationSync({ file: SHOP, overrides: [], seed: 1, policies: ['dispatch=m.onnx'] }),
    ).toThrow(/runs through runReplication/);
  });
});

describe('compareAlternatives with an ONNX alternative (common random numbers)', () => {
  it('a model that takes the first slot (the fifo rule) differs from fifo by exactly 0 in every KPI, on a stochastic shop', async () => {
    const result = await compareAlternatives(
      [
        alternative(SHOP, 'dispatch=fifo'),
        alternative(SHOP, `dispatch=${fixture('machine-shop-first.onnx')}`),
      ],
      { replications: 3, seed: 11, horizonS: 86_400, warmupS: 4 * 3600 },
    );
    expect(result.method).toBe('paired-t (common random numbers)');
    expect(result.alternatives[1]!.policies).toEqual([`dispatch=${fixture('machine-shop-first.onnx')}`]);
    // The shop is random: the replications differ, so a 0 difference is the seeds being shared.
    const fifo = result.alternatives[0]!.samples['kpis.throughputPerHour']!;
    expect(new Set(fifo).size).toBeGreaterThan(1);
    expect(result.differences.length).toBe(result.kpis.length);
    for (const d of result.differences) {
      expect([d.key, d.interval.mean, d.interval.halfWidth]).toEqual([d.key, 0, 0]);
    }
  }, 60_000);

  it('the SPT model on ft06 equals the spt rule, and differs from fifo (the comparison can see a difference)', async () => {
    const onnx = alternative(FT06, `dispatch=${fixture('ft06-spt.onnx')}`);
    const options = { replications: 2, seed: 1, kpis: ['kpis.cycleTimeMaxS'] };
    const same = await compareAlternatives([alternative(FT06, 'dispatch=spt'), onnx], options);
    expect(same.alternatives[1]!.estimates['kpis.cycleTimeMaxS']!.mean).toBe(88 * 60);
    expect(differencesOf(same).find(([k]) => k === 'kpis.cycleTimeMaxS')).toEqual([
      'kpis.cycleTimeMaxS',
      0,
      0,
    ]);
    const other = await compareAlternatives([alternative(FT06, 'dispatch=fifo'), onnx], options);
    const d = other.differences.find((x) => x.key === 'kpis.cycleTimeMaxS')!;
    expect(d.interval.mean).not.toBe(0);
  }, 60_000);
});

describe('detectWarmup with an ONNX policy', () => {
  it('the pilots run with the policy (transient series recorded through it): the first-slot model finds what fifo finds', async () => {
    const fifo = alternative(SHOP, 'dispatch=fifo');
    const onnx = alternative(SHOP, `dispatch=${fixture('machine-shop-first.onnx')}`);
    const options = { seed: 3, pilots: 2, horizonS: 2 * 86_400, intervals: 100 };
    const a = await detectWarmup({ ...options, file: SHOP, overrides: fifo.overrides });
    const b = await detectWarmup({
      ...options,
      file: SHOP,
      overrides: onnx.overrides,
      policies: onnx.policies,
    });
    expect(b).toEqual(a);
    // Both series are there: parts finished in the pilots (else the cycle-time truncation is null).
    expect(b.cycleTime).not.toBeNull();
    expect(b.pilots).toBe(2);
  }, 60_000);
});

describe('shopfloor compare with ONNX alternatives (built CLI)', () => {
  it('--policy fifo --policy model.onnx on one file: 2 workers give exactly the in-thread result, differences 0', async () => {
    const model = 'test/rl/fixtures/machine-shop-first.onnx';
    const args = ['--replications', '3', '--seed', '11', '--horizon', '1d', '--warmup', '4h'];
    const r = shopfloor(
      'compare',
      'scenarios/machine-shop.yaml',
      '--policy',
      'dispatch=fifo',
      '--policy',
      `dispatch=${model}`,
      ...args,
      '--workers',
      '2',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as CompareResult;
    expect(cli.alternatives.map((a) => [a.name, a.policies])).toEqual([
      ['dispatch=fifo', []],
      [`dispatch=${model}`, [`dispatch=${model}`]],
    ]);
    const here = await compareAlternatives(
      [
        alternative(SHOP, 'dispatch=fifo'),
        alternative(SHOP, `dispatch=${fixture('machine-shop-first.onnx')}`),
      ],
      { replications: 3, seed: 11, horizonS: 86_400, warmupS: 4 * 3600 },
    );
    expect(cli.alternatives.map((a) => a.samples)).toEqual(here.alternatives.map((a) => a.samples));
    expect(differencesOf(cli)).toEqual(differencesOf(here));
    expect(cli.differences.every((d) => d.interval.mean === 0 && d.interval.halfWidth === 0)).toBe(true);
  }, 120_000);

  it('a model that does not fit the scenario stops before running: exit 2, naming the alternative and the difference', () => {
    const r = shopfloor(
      'compare',
      'scenarios/machine-shop.yaml',
      '--alt',
      'policy:dispatch=test/rl/fixtures/ft06-spt.onnx',
      '--replications',
      '2',
      '--quiet',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/alternative "policy:dispatch=test\/rl\/fixtures\/ft06-spt.onnx"/);
    expect(r.stderr).toMatch(/does not fit this scenario/);
  }, 60_000);
});
