/**
 * runSweep and mergeShards through the API with a synthetic runner (no simulation; under 1 s): failed
 * points, a journal cut mid-line, the table's best point, merge errors.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactor } from '../../src/experiments/design.js';
import type { ReplicationRunner } from '../../src/experiments/replication.js';
import { mergeShards, planSweep, runSweep } from '../../src/experiments/sweep.js';

const plan = () =>
  planSweep({
    file: 'scenarios/serial-line.yaml',
    factors: [parseFactor('buffers.before-bend.capacity=1..5')],
    design: 'grid',
    replications: 3,
    objective: { key: 'kpis.cycleTimeS', maximize: false },
    kpis: ['kpis.cycleTimeS'],
    shopfloorVersion: 'test',
  });

/** Cycle time 100/capacity + seed noise; capacity 3 deadlocks. */
const runner: ReplicationRunner = async (task) => {
  const c = task.overrides[0]!.value as number;
  if (c === 3) throw new Error('deadlock: station bend stuck\nmore detail');
  return {
    seed: task.seed,
    values: { 'kpis.cycleTimeS': 100 / c + (task.seed % 3) },
    events: 1,
    horizonS: 1,
    warmupS: 0,
  };
};

describe('runSweep', () => {
  it('records a failing point with its error and goes on; the best point ignores it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-api-'));
    const r = await runSweep(plan(), { out, runner });
    expect(r.failed).toBe(1);
    const rows = r.table!.rows;
    expect(rows[2]!.error).toBe('deadlock: station bend stuck');
    expect(rows[2]!.kpis['kpis.cycleTimeS']!.mean).toBeNull();
    expect(r.table!.best!.point).toBe(4);
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8').split('\n')[3]).toMatch(
      /^2,3,,,deadlock: station bend stuck$/,
    );
  });

  it('resume drops a line cut by an interruption, reruns it and the failed point, and keeps the rest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-api-'));
    const first = await runSweep(plan(), { out, runner });
    const journal = join(out, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    // Keep the header and two points, then half of a third line.
    writeFileSync(journal, `${lines.slice(0, 3).join('\n')}\n`);
    appendFileSync(journal, lines[3]!.slice(0, 20));
    const calls: number[] = [];
    const counting: ReplicationRunner = async (task) => {
      calls.push(task.overrides[0]!.value as number);
      return runner(task);
    };
    const again = await runSweep(plan(), { out, runner: counting, resume: true });
    expect(again.resumed).toBe(2);
    expect(new Set(calls).size).toBe(3);
    expect(again.table).toEqual(first.table);
    await expect(runSweep(plan(), { out, runner })).rejects.toThrow(/--resume/);
  });
});

describe('mergeShards', () => {
  it('refuses shards of different sweeps and duplicate shards, naming the files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-api-'));
    await runSweep(plan(), { out, runner, shard: { index: 1, count: 2 } });
    await runSweep(plan(), { out, runner, shard: { index: 2, count: 2 } });
    const s1 = join(out, 'shard-1-of-2.json');
    const s2 = join(out, 'shard-2-of-2.json');
    expect(mergeShards([s2, s1]).rows.map((r) => r.point)).toEqual([0, 1, 2, 3, 4]);
    expect(() => mergeShards([s1, s1])).toThrow(/both shard 1\/2/);
    const other = JSON.parse(readFileSync(s2, 'utf8'));
    other.manifest.replications = 4;
    const bad = join(out, 'other.json');
    writeFileSync(bad, JSON.stringify(other));
    expect(() => mergeShards([s1, bad])).toThrow(/other\.json is from another sweep/);
    expect(() => mergeShards([join(out, 'journal-shard-1-of-2.jsonl')])).toThrow(
      /cannot read|not a shard file/,
    );
  });

  it('keeps a bounded number of points in flight (a million-point design must not hold every task at once), and runs every point', async () => {
    const big = planSweep({
      file: 'scenarios/serial-line.yaml',
      factors: [parseFactor('buffers.before-bend.capacity=1..300')],
      design: 'grid',
      replications: 2,
      kpis: ['kpis.cycleTimeS'],
      shopfloorVersion: 'test',
    });
    let inFlight = 0;
    let most = 0;
    const slow: ReplicationRunner = async (task) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return { seed: task.seed, values: { 'kpis.cycleTimeS': 1 }, events: 1, horizonS: 1, warmupS: 0 };
    };
    const r = await runSweep(big, { out: mkdtempSync(join(tmpdir(), 'sweep-api-')), runner: slow });
    expect(r.table!.rows).toHaveLength(300);
    expect(r.failed).toBe(0);
    // 64 points × 2 replications at most; all 600 tasks at once before.
    expect(most).toBeGreaterThan(10);
    expect(most).toBeLessThanOrEqual(128);
  });
});

describe('planSweep with the horizon and warm-up of the whole sweep', () => {
  const demo = (factor: string, run: { horizonS?: number; warmupS?: number }) => () =>
    planSweep({
      file: 'scenarios/demo-factory.yaml', // its warm-up is 8 h
      factors: [parseFactor(factor)],
      design: 'grid',
      replications: 2,
      shopfloorVersion: 'test',
      ...run,
    });

  it('checks every point with them: a short horizon level passes with a shorter --warmup', () => {
    expect(demo('run.horizon=4h,1d', {})).toThrow(/warm-?up .*must be shorter than .*horizon/i);
    const plan = demo('run.horizon=4h,1d', { warmupS: 3600 })();
    expect(plan.points).toHaveLength(2);
    expect(plan.baseOverrides).toEqual([{ path: 'run.warmup', value: '3600s' }]);
  });

  it('refuses a factor on the seed or the replication count, which the sweep owns', () => {
    expect(demo('run.seed=1,2', {})).toThrow(
      /--set run\.seed would change nothing: a sweep runs every point/,
    );
    expect(demo('run.replications=2,5', {})).toThrow(/--set run\.replications would change nothing/);
  });

  it('refuses a factor on the horizon or warm-up that --horizon or --warmup would overrule', () => {
    expect(demo('run.warmup=1h,6h', { warmupS: 7200 })).toThrow(/--set run\.warmup and --warmup both set it/);
    expect(demo('run.horizon=2d,3d', { horizonS: 86_400 })).toThrow(
      /--set run\.horizon and --horizon both set it/,
    );
  });
});
