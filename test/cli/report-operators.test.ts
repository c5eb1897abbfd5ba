import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/report/format-report.js';
import { writeCsv } from '../../src/cli/report/write-csv.js';
import { loadScenario, runScenario, type Scenario } from '../../src/scenario/index.js';

function scenario(text: string): Scenario {
  const r = loadScenario(text, { fileName: 't.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

/** Two machines 10 m apart attended by one operator walking at 1 m/s. */
const TWO_MACHINES = `run:
  horizon: 20h
  replications: 3
products:
  - { id: a, routing: [{ station: m1, processTime: 4min }] }
  - { id: b, routing: [{ station: m2, processTime: 3min }] }
sources:
  - id: s
    mix: [{ product: a, weight: 1 }, { product: b, weight: 1 }]
    interarrival: { exponential: { mean: 6min } }
stations:
  - { id: m1, position: { x: 0m, y: 0m }, operator: { pool: ops, for: [process] } }
  - { id: m2, position: { x: 10m, y: 0m }, operator: { pool: ops, for: [process] } }
operators:
  - { id: ops, size: 1, travel: { speed: 1m/s } }
sinks:
  - id: out
`;

describe('operator figures in the report', () => {
  const res = runScenario(scenario(TWO_MACHINES));

  it('station rows show the time waiting for an operator, and every row still adds up to 100 %', () => {
    for (const s of Object.values(res.stations)) {
      const sum = Object.values(s.stateFractions).reduce((acc, e) => acc + e.mean, 0);
      expect(sum).toBeCloseTo(1, 9);
      expect(s.stateFractions['waiting-operator']!.mean).toBeGreaterThan(0);
    }
    const text = formatReport('t', res);
    expect(text).toContain('wait operator');
    expect(text).toMatch(/operator pool .* utilisation .* walking .* visits .* mean walk/);
    // Each walk between the machines takes 10 s; a walk to the machine she is at takes none.
    const ops = res.operators.ops!;
    expect(ops.meanWalkS!.mean).toBeGreaterThan(0);
    expect(ops.meanWalkS!.mean).toBeLessThanOrEqual(10);
    expect(ops.utilization!.mean).toBeGreaterThan(ops.walkingFraction!.mean);
  });

  it('--csv writes operators.csv and the waiting state in stations.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-csv-'));
    try {
      writeCsv(dir, res);
      const ops = readFileSync(join(dir, 'operators.csv'), 'utf8').trim().split('\n');
      expect(ops[0]).toBe('pool,figure,mean,half_width_95');
      expect(ops.map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
        'pool,figure',
        'ops,utilization',
        'ops,walkingFraction',
        'ops,visits',
        'ops,meanWalkS',
        'ops,state:idle',
        'ops,state:travelling',
        'ops,state:working',
        'ops,state:off-shift',
      ]);
      expect(readFileSync(join(dir, 'stations.csv'), 'utf8')).toContain('m1,state:waiting-operator,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a plant without operators keeps its station table as it was', () => {
    const plain = runScenario(
      scenario(
        TWO_MACHINES.replace(/, operator: \{ pool: ops, for: \[process\] \}/g, '')
          .split('operators:')[0]!
          .concat('sinks:\n  - id: out\n'),
      ),
    );
    expect(plain.operators).toEqual({});
    expect(formatReport('t', plain)).not.toContain('wait operator');
  });
});
