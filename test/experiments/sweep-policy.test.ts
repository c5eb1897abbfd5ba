/**
 * `--policy` on sweeps: a built-in rule or a trained ONNX policy at every point. Through the API in this
 * thread, and `shopfloor sweep` as a real process of the built CLI (npm test builds it first) with 2
 * worker threads, each loading the model. About 15 s on 2 idle cores.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  checkSweepPolicies,
  formatSweep,
  mergeShards,
  OverrideError,
  parseFactor,
  planSweep,
  runSweep,
  type SweepSpec,
  sweepHtml,
} from '../../src/experiments/index.js';
import { PolicyError } from '../../src/rl/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const SHOP = join(ROOT, 'scenarios/machine-shop.yaml');
/** A model that always takes the first slot: the fifo rule, decision by decision. */
const FIRST = join(ROOT, 'test/rl/fixtures/machine-shop-first.onnx');
/** A model made for ft06 (6 jobs on 6 machines): it does not fit the machine shop. */
const FT06_MODEL = join(ROOT, 'test/rl/fixtures/ft06-spt.onnx');

const tmp = () => mkdtempSync(join(tmpdir(), 'shopfloor-sweep-policy-'));

function spec(file: string, policies?: string[]): SweepSpec {
  return {
    file,
    factors: [parseFactor('buffers.mill-queue.capacity=2,6')],
    design: 'grid',
    replications: 2,
    seed: 5,
    horizonS: 86_400,
    warmupS: 4 * 3600,
    kpis: ['kpis.throughputPerHour', 'kpis.wip', 'kpis.cycleTimeS'],
    shopfloorVersion: 'test',
    ...(policies === undefined ? {} : { policies }),
  };
}

async function rowsOf(s: SweepSpec) {
  const plan = planSweep(s);
  const result = await runSweep(plan, { out: tmp() });
  return { plan, table: result.table! };
}

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sweep --policy with a built-in rule', () => {
  it('gives the rows of the same scenario written with that rule at every station', async () => {
    const doc = parseDocument(readFileSync(SHOP, 'utf8'));
    for (const station of ['saw', 'mill', 'lathe']) {
      const index = (doc.toJS().stations as { id: string }[]).findIndex((s) => s.id === station);
      doc.setIn(['stations', index, 'dispatch'], 'lpt');
    }
    const written = join(tmp(), 'machine-shop-lpt.yaml');
    writeFileSync(written, doc.toString());
    const ruled = await rowsOf(spec(SHOP, ['dispatch=lpt']));
    const edited = await rowsOf(spec(written));
    expect(ruled.table.rows).toEqual(edited.table.rows);
    expect(ruled.table.manifest.policies).toEqual([{ kind: 'dispatch', rule: 'lpt' }]);
    // The HTML report's manifest says which rule ran.
    expect(sweepHtml(ruled.table)).toContain('dispatch=lpt');
    expect(sweepHtml(edited.table)).not.toContain('dispatch=lpt');
    expect(edited.table.manifest.policies).toBeUndefined();
    // And the rule matters: the file's own rules (edd, spt…) give other rows.
    const own = await rowsOf(spec(SHOP));
    expect(own.table.rows).not.toEqual(ruled.table.rows);
  });

  it('refuses an unknown rule naming the flag, one kind twice, and a malformed setting, before running', () => {
    expect(() => planSweep(spec(SHOP, ['dispatch=spx']))).toThrow(
      /--policy "dispatch=spx": "spx" is no dispatch rule \(rules: fifo, /,
    );
    expect(() => planSweep(spec(SHOP, ['dispatch=spt', 'dispatch=fifo']))).toThrow(
      /--policy dispatch=fifo: dispatch is already given \(dispatch=spt\)/,
    );
    expect(() => planSweep(spec(SHOP, ['spt']))).toThrow(OverrideError);
    expect(() => planSweep(spec(SHOP, ['scheduling=spt']))).toThrow(/unknown decision kind "scheduling"/);
  });

  it('takes the kinds `run --policy` takes: none the scenario lacks, operator where there are operators', () => {
    const FT06 = join(ROOT, 'scenarios/jobshop-ft06.yaml');
    const ft06 = (policy: string): SweepSpec => ({
      ...spec(FT06, [policy]),
      factors: [parseFactor('stations.m0.servers=1,2')],
      kpis: undefined,
    });
    for (const policy of ['crew=fifo', 'transport=nearest', 'routing=first', 'maintenance=now'])
      expect(() => planSweep(ft06(policy)), policy).toThrow(/the scenario has no \w+ decisions/);
    const paint = planSweep({
      ...spec(join(ROOT, 'scenarios/paint-shop.yaml'), ['operator=nearest']),
      factors: [parseFactor('stations.pretreat.servers=1,2')],
      horizonS: 2 * 86_400,
      warmupS: 3600,
      kpis: undefined,
    });
    expect(paint.manifest.policies).toEqual([{ kind: 'operator', rule: 'nearest' }]);
    const ruled = paint.baseOverrides!.filter((o) => !o.path.startsWith('run.'));
    expect(ruled.length).toBeGreaterThan(0);
    expect(ruled.every((o) => /^operators\.[\w-]+\.dispatch$/.test(o.path))).toBe(true);
  });

  it('refuses a factor on what a policy decides (a rule would overrule it, a model make it vary nothing)', () => {
    const factorOnRule = {
      ...spec(SHOP, ['dispatch=spt']),
      factors: [parseFactor('stations.saw.dispatch=fifo,lpt')],
    };
    expect(() => planSweep(factorOnRule)).toThrow(
      /--set stations\.saw\.dispatch and --policy "dispatch=spt" both set it/,
    );
    const factorOnModel = { ...factorOnRule, policies: [`dispatch=${FIRST}`] };
    expect(() => planSweep(factorOnModel)).toThrow(/--set stations\.saw\.dispatch and --policy "dispatch=/);
  });
});

describe('sweep --policy with a trained ONNX policy', () => {
  it('a model that takes the first slot gives exactly the rows of the fifo rule (same seeds), in this thread', async () => {
    const onnx = await rowsOf(spec(SHOP, [`dispatch=${FIRST}`]));
    const fifo = await rowsOf(spec(SHOP, ['dispatch=fifo']));
    expect(onnx.table.rows).toEqual(fifo.table.rows);
    // The shop is random and the buffer matters: equal rows are the policy agreeing decision by decision.
    expect(onnx.table.rows[0]!.kpis['kpis.wip']!.mean).not.toBe(onnx.table.rows[1]!.kpis['kpis.wip']!.mean);
    const sha = (onnx.table.manifest.policies![0] as { sha256: string }).sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkSweepPolicies(onnx.plan)).toBeInstanceOf(Array);
  });

  it('a model made for another plant is refused by checkSweepPolicies, an unreadable file by planning', async () => {
    await expect(checkSweepPolicies(planSweep(spec(SHOP, [`dispatch=${FT06_MODEL}`])))).rejects.toThrow(
      PolicyError,
    );
    expect(() => planSweep(spec(SHOP, ['dispatch=missing-model.onnx']))).toThrow(
      /--policy "dispatch=missing-model\.onnx": cannot read missing-model\.onnx/,
    );
  });

  it('shards run with the model at two paths merge; a different model is another sweep', async () => {
    const copy = join(tmp(), 'first-copy.onnx');
    copyFileSync(FIRST, copy);
    const out = tmp();
    const shard1 = planSweep(spec(SHOP, [`dispatch=${FIRST}`]));
    const shard2 = planSweep(spec(SHOP, [`dispatch=${copy}`]));
    await runSweep(shard1, { out, shard: { index: 1, count: 2 } });
    await runSweep(shard2, { out: join(out, 'b'), shard: { index: 2, count: 2 } });
    const merged = mergeShards([join(out, 'shard-1-of-2.json'), join(out, 'b', 'shard-2-of-2.json')]);
    const whole = await rowsOf(spec(SHOP, [`dispatch=${FIRST}`]));
    expect(merged.rows).toEqual(whole.table.rows);
    // The order of the files does not change the table (it takes shard 1's manifest).
    const reversed = mergeShards([join(out, 'b', 'shard-2-of-2.json'), join(out, 'shard-1-of-2.json')]);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(merged));
    expect((reversed.manifest.policies![0] as { file: string }).file).toBe(FIRST);

    const other = join(tmp(), 'other.onnx');
    writeFileSync(other, Buffer.concat([readFileSync(FIRST), Buffer.from([0])]));
    const third = planSweep(spec(SHOP, [`dispatch=${other}`]));
    await runSweep(third, { out: join(out, 'c'), shard: { index: 2, count: 2 } });
    expect(() => mergeShards([join(out, 'shard-1-of-2.json'), join(out, 'c', 'shard-2-of-2.json')])).toThrow(
      /is from another sweep/,
    );
  });
});

describe('sweep --policy and --resume', () => {
  it('resumes with the same model at another path, and refuses another model', async () => {
    const copy = join(tmp(), 'first-copy.onnx');
    copyFileSync(FIRST, copy);
    const out = tmp();
    const plan = planSweep(spec(SHOP, [`dispatch=${FIRST}`]));
    const whole = await runSweep(plan, { out });
    // As if interrupted after the first point: the journal keeps its header and one point.
    const journal = join(out, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${lines[0]}\n${lines[1]}\n`);
    const resumed = await runSweep(planSweep(spec(SHOP, [`dispatch=${copy}`])), { out, resume: true });
    expect(resumed.resumed).toBe(1);
    expect(resumed.table!.rows).toEqual(whole.table!.rows);
    const other = join(tmp(), 'other.onnx');
    writeFileSync(other, Buffer.concat([readFileSync(FIRST), Buffer.from([0])]));
    await expect(
      runSweep(planSweep(spec(SHOP, [`dispatch=${other}`])), { out, resume: true }),
    ).rejects.toThrow(/belongs to another sweep/);
  });
});

describe('shopfloor sweep --policy (the built CLI)', () => {
  const args = (out: string, ...more: string[]) => [
    'sweep',
    'scenarios/machine-shop.yaml',
    '--set',
    'buffers.mill-queue.capacity=2,6',
    '--replications',
    '2',
    '--seed',
    '5',
    '--horizon',
    '1d',
    '--warmup',
    '4h',
    '--kpi',
    'kpis.throughputPerHour',
    'kpis.wip',
    '--quiet',
    '--out',
    out,
    ...more,
  ];

  it('2 worker threads running the model give the table of the fifo rule in this thread, figure for figure', () => {
    const onnx = tmp();
    const fifo = tmp();
    const r = shopfloor(...args(onnx, '--workers', '2', '--policy', `dispatch=${FIRST}`));
    expect(r.stderr).not.toMatch(/✖/);
    expect(r.code).toBe(0);
    // The terminal table shows the figures chosen with --kpi beside the objective.
    expect(r.stdout).toMatch(/kpis\.throughputPerHour \(mean ± 95% CI\).*kpis\.wip \(mean ± 95% CI\)/);
    expect(shopfloor(...args(fifo, '--workers', '1', '--policy', 'dispatch=fifo')).code).toBe(0);
    const rows = (dir: string) => JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')).rows;
    expect(rows(onnx)).toEqual(rows(fifo));
  });

  it('exits 2 naming the problem for a model that does not fit, before running', () => {
    const out = tmp();
    const r = shopfloor(...args(out, '--workers', '1', '--policy', `dispatch=${FT06_MODEL}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ft06-spt\.onnx does not fit this scenario/);
  });
});

describe('formatSweep', () => {
  it('shows the objective and the chosen figures, at most four columns', async () => {
    const { table } = await rowsOf(spec(SHOP));
    const text = formatSweep(table);
    expect(text).toMatch(/kpis\.throughputPerHour \(mean ± 95% CI\)/);
    expect(text).toMatch(/kpis\.wip \(mean ± 95% CI\)/);
    expect(text).toMatch(/kpis\.cycleTimeS \(mean ± 95% CI\)/);
    const wide = formatSweep({
      ...table,
      manifest: { ...table.manifest, kpis: ['kpis.wip', 'a', 'b', 'c', 'd'] },
    });
    const header = wide.split('\n').find((line) => line.startsWith('│ point'))!;
    expect(header.match(/mean ± 95% CI/g)).toHaveLength(4);
    // A figure named twice is one column (and one entry of the manifest).
    const twice = planSweep({ ...spec(SHOP), kpis: ['kpis.wip', 'kpis.wip', 'kpis.throughputPerHour'] });
    expect(twice.manifest.kpis).toEqual(['kpis.wip', 'kpis.throughputPerHour']);
  });
});
