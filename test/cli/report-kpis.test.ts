import { describe, expect, it } from 'vitest';
import { formatReport, runScenario } from '../../src/report/index.js';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';

function scenario(text: string): Scenario {
  const r = loadScenario(text, { fileName: 't.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

/** A rare failure (mean 10 h) over 4 h: about two replications in three see none. */
const RARE_FAILURE = `run:
  horizon: 4h
  replications: 12
products:
  - id: p
    routing:
      - { station: m, processTime: { exponential: { mean: 1min } } }
sources:
  - { id: s, product: p, interarrival: { exponential: { mean: 2min } } }
stations:
  - id: m
    failures:
      - { name: f, basis: calendar, ttf: { exponential: { mean: 10h } }, ttr: 30min }
  - id: idle
crews:
  - { id: fitters, size: 1 }
sinks:
  - id: out
`;

describe('MTBF and MTTR', () => {
  it('are pooled over replications, so they exist when only some replications had a failure', () => {
    const res = runScenario(scenario(RARE_FAILURE));
    const m = res.stations.m!;
    expect(m.failures.mean).toBeGreaterThan(0);
    expect(m.mtbfS).not.toBeNull();
    expect(m.mttrS).not.toBeNull();
    // Pooled up time / failures: of the order of the 10 h mean, though each run is only 4 h.
    expect(m.mtbfS!.mean).toBeGreaterThan(4 * 3600);
    expect(m.mttrS!.mean).toBeGreaterThan(0);
    expect(m.mttrS!.mean).toBeLessThanOrEqual(30 * 60 + 1e-9);
    expect(res.stations.idle!.mtbfS).toBeNull();
  });
});

describe('the station table', () => {
  it('never prints NaN: undefined figures are "–" with a footnote saying why', () => {
    // Nothing reaches "idle", and a shift that is never on during the horizon.
    const text = `run:
  horizon: 2h
shifts:
  - id: night
    shifts: [{ days: [mon], start: "22:00", end: "23:00" }]
products:
  - id: p
    routing:
      - { station: m, processTime: 10h }
sources:
  - { id: s, product: p, interarrival: 1h }
stations:
  - { id: m, shift: night }
sinks:
  - id: out
`;
    const out = formatReport('t', runScenario(scenario(text)));
    expect(out).not.toMatch(/NaN/);
    expect(out).toMatch(/–/);
    expect(out).toMatch(/– not defined in this run/);
  });

  it('shows every state so the fractions of a row add up to 100 %, with maintenance and setup', () => {
    const text = `run:
  horizon: 20h
products:
  - id: a
    routing: [{ station: m, processTime: { exponential: { mean: 5min } } }]
  - id: b
    routing: [{ station: m, processTime: { exponential: { mean: 5min } } }]
sources:
  - { id: sa, product: a, interarrival: { exponential: { mean: 15min } } }
  - { id: sb, product: b, interarrival: { exponential: { mean: 15min } } }
stations:
  - id: m
    setups: { a: { b: 2min }, b: { a: 2min } }
    preventive:
      - { name: pm, basis: calendar, interval: 2h, duration: 15min }
    failures:
      - { name: f, basis: calendar, ttf: { exponential: { mean: 3h } }, ttr: 10min }
crews:
  - { id: fitters, size: 1 }
sinks:
  - id: out
`;
    const res = runScenario(scenario(text));
    const out = formatReport('t', res);
    const header = out.split('\n').find((l) => l.includes('station') && l.includes('busy'))!;
    expect(header).toMatch(/maint\./);
    const row = out.split('\n').find((l) => /^│ m /.test(l))!;
    const cells = row.split('│').map((c) => c.trim());
    // busy, idle, blocked, down, maint., setup, handling, off shift: columns 2–9.
    const sum = cells.slice(3, 11).reduce((s, c) => s + Number.parseFloat(c), 0);
    expect(sum).toBeCloseTo(100, 0);
    expect(res.stations.m!.stateFractions.maintenance!.mean).toBeGreaterThan(0);
  });

  it('first-pass yield of a station that inspects nothing is "–", not 100 %', () => {
    const res = runScenario(scenario(RARE_FAILURE));
    expect(res.stations.m!.firstPassYield).toBeNull();
  });

  it('utilisation is busy time over on-shift time (100 % for a machine busy all its shift)', () => {
    const text = `run:
  horizon: 1d
shifts:
  - id: day
    shifts: [{ days: [mon, tue, wed, thu, fri, sat, sun], start: "06:00", end: "14:00" }]
products:
  - id: p
    routing:
      - { station: m, processTime: 1min }
sources:
  - { id: s, product: p, interarrival: 10s }
stations:
  - { id: m, shift: day }
sinks:
  - id: out
`;
    const m = runScenario(scenario(text)).stations.m!;
    expect(m.utilization.mean).toBeCloseTo(1, 6);
    expect(m.stateFractions.busy!.mean).toBeCloseTo(8 / 24, 6);
  });
});
