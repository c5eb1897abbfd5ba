/**
 * compare on real scenarios: common random numbers, paired differences, selection (about 10 s).
 */
import { describe, expect, it } from 'vitest';
import { compareAlternatives } from '../../src/experiments/compare.js';
import {
  loadWithOverrides,
  policyOverrides,
  rawDocument,
  readScenarioSource,
  resolvePath,
} from '../../src/experiments/overrides.js';

const LINE = 'scenarios/serial-line.yaml';

describe('compare with common random numbers', () => {
  it('CRN makes the paired CI of a buffer change clearly narrower than independent seeds (serial line, 10 replications)', async () => {
    const alternatives = [
      { name: 'buffer 2', file: LINE, overrides: [] },
      { name: 'buffer 4', file: LINE, overrides: [{ path: 'buffers.before-bend.capacity', value: 4 }] },
    ];
    const options = { replications: 10, seed: 1, horizonS: 86_400, warmupS: 4 * 3600 };
    const crn = await compareAlternatives(alternatives, options);
    const indep = await compareAlternatives(alternatives, { ...options, crn: false });
    const hw = (r: typeof crn, key: string) => r.differences.find((d) => d.key === key)!.interval.halfWidth;
    for (const key of ['kpis.cycleTimeS', 'kpis.wip', 'kpis.throughputPerHour']) {
      // Measured: CRN's half-width is a fraction of the independent one's for every figure.
      expect(hw(crn, key)).toBeLessThan(0.5 * hw(indep, key));
    }
    expect(crn.method).toMatch(/paired-t/);
    expect(indep.method).toMatch(/Welch/);
    // With CRN both alternatives saw the same arrivals: the same parts released in every replication.
    expect(crn.alternatives[0]!.samples['kpis.released']).toEqual(
      crn.alternatives[1]!.samples['kpis.released'],
    );
    // A larger buffer before the bottleneck shortens the cycle time, significantly with CRN.
    const ct = crn.differences.find((d) => d.key === 'kpis.cycleTimeS')!.interval;
    expect(ct.mean).toBeLessThan(0);
    expect(ct.significant).toBe(true);
  });

  it('with three alternatives and a δ, Kim–Nelson selects the best and says so; the baseline can be the best', async () => {
    const alternatives = [1, 3, 6].map((c) => ({
      name: `capacity ${c}`,
      file: LINE,
      overrides: [
        { path: 'buffers.before-bend.capacity', value: c },
        { path: 'buffers.before-oven.capacity', value: c },
        { path: 'buffers.before-pack.capacity', value: c },
      ],
    }));
    const r = await compareAlternatives(alternatives, {
      replications: 10,
      seed: 3,
      horizonS: 86_400,
      warmupS: 4 * 3600,
      objective: { key: 'kpis.cycleTimeS', maximize: false },
      baseline: 'best',
      delta: 60,
    });
    expect(r.selection).not.toBeNull();
    expect(r.selection!.procedure).toMatch(/Kim–Nelson/);
    expect(r.selection!.result.selected).toBe(2);
    expect(r.selection!.statement).toMatch(/capacity 6/);
    expect(r.baseline).toBe(2);
  });
});

describe('overrides by path', () => {
  const source = readScenarioSource(LINE);
  const doc = rawDocument(source);
  it('a list is addressed by element id, a mapping by key, a list without ids by index', () => {
    expect(resolvePath(doc, 'buffers.before-oven.capacity')).toEqual(['buffers', 1, 'capacity']);
    expect(resolvePath(doc, 'run.horizon')).toEqual(['run', 'horizon']);
    expect(resolvePath(doc, 'products.bracket.routing.1.processTime')).toEqual([
      'products',
      0,
      'routing',
      1,
      'processTime',
    ]);
  });
  it('an unknown id or key is an error naming the path and what exists', () => {
    expect(() => resolvePath(doc, 'buffers.b9.capacity')).toThrow(/no element "b9".*before-bend/);
    expect(() => resolvePath(doc, 'runn.horizon')).toThrow(/unknown key "runn"/);
  });
  it('a value the schema rejects is a problem that names the setting', () => {
    const r = loadWithOverrides(source, [{ path: 'buffers.before-bend.capacity', value: 0 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^--set buffers\.before-bend\.capacity=0: /);
    const typo = loadWithOverrides(source, [{ path: 'buffers.before-bend.capacityy', value: 3 }]);
    expect(typo.ok).toBe(false);
  });
  it("--policy dispatch=spt sets every station's rule; an unknown rule is rejected by the schema", () => {
    const o = policyOverrides(doc, 'dispatch=spt');
    expect(o.map((x) => x.path)).toEqual([
      'stations.cut.dispatch',
      'stations.bend.dispatch',
      'stations.oven.dispatch',
      'stations.pack.dispatch',
    ]);
    expect(loadWithOverrides(source, o).ok).toBe(true);
    const bad = loadWithOverrides(source, policyOverrides(doc, 'dispatch=fastest-first'));
    expect(bad.ok).toBe(false);
    expect(() => policyOverrides(doc, 'scheduling=spt')).toThrow(/unknown decision kind/);
  });
});
