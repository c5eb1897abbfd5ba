import { describe, expect, it } from 'vitest';
import { formatReport, runScenario } from '../../src/report/index.js';
import { loadScenario } from '../../src/scenario/index.js';

/** One machine, 1 h per part, first in first out; the horizon cuts order C short. Hand-computed. */
const TEXT = `run:
  horizon: 5.5h
products:
  - id: p
    routing: [{ station: m, processTime: 1h }]
sources:
  - id: book
    orders:
      - { release: 0s, product: p, quantity: 2, due: 3h }
      - { release: 0s, product: p, quantity: 2, due: 3h }
      - { release: 0s, product: p, quantity: 3, due: 4h }
      - { release: 0s, product: p, quantity: 1, due: 10h }
stations:
  - id: m
sinks:
  - id: out
`;

function result() {
  const r = loadScenario(TEXT, { fileName: 't.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return runScenario(r.scenario);
}

describe('due dates: past-due WIP and the order-level view', () => {
  it('each order row has its completion (last part done), OTIF and lateness; incomplete past-due orders show lateness so far', () => {
    const res = result();
    const h = 3600;
    const [a, b, c, d] = res.orders;
    expect(res.orders.map((o) => o.id)).toEqual(['book#0', 'book#1', 'book#2', 'book#3']);
    // A: parts done at 1 h and 2 h, due 3 h: on time in full, 1 h early.
    expect(a).toMatchObject({
      quantity: 2,
      dueS: 3 * h,
      completionS: { mean: 2 * h },
      otifFraction: { mean: 1 },
    });
    expect(a!.latenessS!.mean).toBe(-1 * h);
    // B: 3 h and 4 h: complete, 1 h late.
    expect(b).toMatchObject({
      completionS: { mean: 4 * h },
      otifFraction: { mean: 0 },
      latenessS: { mean: 1 * h },
    });
    // C: one part done at 5 h of 3; due 4 h, at the horizon 5.5 h it is 1.5 h late so far.
    expect(c).toMatchObject({ finished: { mean: 1 }, completionS: null, otifFraction: { mean: 0 } });
    expect(c!.latenessS!.mean).toBe(1.5 * h);
    // D: not done and not yet due: no lateness.
    expect(d).toMatchObject({ completionS: null, latenessS: null, otifFraction: { mean: 0 } });
    expect(res.kpis.ordersOtifFraction!.mean).toBe(0.25);
  });

  it('past-due WIP counts the parts in the system past their due date and their mean lateness so far', () => {
    const res = result();
    // In the system at 5.5 h: C's part in process and C's last part (due 4 h), D's part (due 10 h).
    expect(res.kpis.pastDueWip.mean).toBe(2);
    expect(res.kpis.pastDueWipLatenessS!.mean).toBe(1.5 * 3600);
    // On-time % over finished parts alone misses them: 5 finished, 3 on time.
    expect(res.kpis.onTimeFraction!.mean).toBeCloseTo(3 / 5, 12);
  });

  it('the report shows past-due WIP, OTIF and one row per order', () => {
    const out = formatReport('t', result());
    expect(out).toMatch(/past-due WIP at the end\s*│\s*2\.0 parts, 90\.00 min late/);
    expect(out).toMatch(/orders on time in full\s*│\s*25\.0 %/);
    expect(out).toMatch(/book#2/);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('orders in CSV', () => {
  it('orders.csv has one row per order and figure', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeCsv } = await import('../../src/cli/report/write-csv.js');
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-orders-'));
    writeCsv(dir, result());
    const text = readFileSync(join(dir, 'orders.csv'), 'utf8');
    expect(text).toMatch(/^order,product,quantity,release_s,due_s,figure,mean,half_width_95$/m);
    expect(text).toMatch(/^book#1,p,2,0,10800,latenessS,3600,$/m);
    expect(text).toMatch(/^book#2,p,3,0,14400,completionS,,$/m);
  });
});

describe('past-due WIP over replications', () => {
  it('mean lateness is pooled over the past-due parts of all replications, so it exists when only some had any', () => {
    // One part due at 1 h with an exponential 1-h process time, horizon 2 h: still inside (then exactly
    // 1 h late) with probability e⁻² ≈ 0.14 per replication; over 40 replications, some but not all.
    const text = `run:
  horizon: 2h
  replications: 40
products:
  - id: p
    routing: [{ station: m, processTime: { exponential: { mean: 1h } } }]
sources:
  - id: book
    orders: [{ release: 0s, product: p, quantity: 1, due: 1h }]
stations:
  - id: m
sinks:
  - id: out
`;
    const r = loadScenario(text, { fileName: 't.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const k = runScenario(r.scenario).kpis;
    expect(k.pastDueWip.mean).toBeGreaterThan(0);
    expect(k.pastDueWip.mean).toBeLessThan(1);
    expect(k.pastDueWipLatenessS!.mean).toBeCloseTo(3600, 9);
  });
});
