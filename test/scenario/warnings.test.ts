import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  loadScenario,
  loadScenarioFile,
  type Problem,
  RUN_WARNING_CHECKS,
  type RunWarningCheck,
  runReplications,
  runWarnings,
  warmupShorterThanTransient,
} from '../../src/scenario/index.js';

/**
 * A valid scenario: one product through `cut` (and `paint` when `extraStation`), fed by an interarrival
 * source. Each test splices in one thing that is valid but probably wrong, and its fixed twin.
 */
function scenario(parts: {
  horizon?: string;
  processTime?: string;
  station?: string;
  extraStation?: string;
  shifts?: string;
  crews?: string;
  source?: string;
}): string {
  return `run:
  horizon: ${parts.horizon ?? '8h'}
products:
  - id: gear
    routing:
      - station: ${parts.station ?? 'cut'}
        processTime: ${parts.processTime ?? '{ exponential: { mean: 2min } }'}
sources:
  - id: src
    product: gear
${parts.source ?? '    interarrival: { exponential: { mean: 3min } }'}
stations:
  - id: cut
${parts.extraStation ?? ''}
sinks:
  - id: out
${parts.crews ?? ''}
${parts.shifts ?? ''}
`;
}

function warningsOf(text: string): readonly Problem[] {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (!r.ok) throw new Error(`expected a valid scenario: ${JSON.stringify(r.problems)}`);
  return r.warnings;
}

const where = (ws: readonly Problem[]) => ws.map((w) => [w.path, w.line]);

describe('scenario warnings', () => {
  test('a plain valid scenario has no warning', () => {
    expect(warningsOf(scenario({}))).toEqual([]);
  });

  test('two overlapping shifts of one calendar get a warning at the later shift, naming the overlap', () => {
    const text = scenario({
      extraStation: '    shift: day',
      shifts: `shifts:
  - id: day
    shifts:
      - { days: [mon, tue], start: "06:00", end: "14:00" }
      - { days: [tue], start: "12:00", end: "20:00" }`,
    });
    const ws = warningsOf(text).filter((w) => w.path.startsWith('shifts'));
    expect(where(ws)).toEqual([['shifts[0].shifts[1]', 22]]);
    expect(ws[0]!.message).toMatch(/calendar "day".*overlaps shifts\[0\] on tue 12:00–tue 14:00/);
    expect(ws[0]!.message).toMatch(/counts once/);
  });

  test('adjacent shifts (one ends when the next starts) are no overlap', () => {
    const text = scenario({
      extraStation: '    shift: day',
      shifts: `shifts:
  - id: day
    shifts:
      - { days: [mon, tue, wed, thu, fri, sat, sun], start: "06:00", end: "14:00" }
      - { days: [mon, tue, wed, thu, fri, sat, sun], start: "14:00", end: "06:00" }`,
    });
    expect(warningsOf(text)).toEqual([]);
  });

  test('a night shift from Sunday into Monday overlapping a Monday shift is found across the week end', () => {
    const text = scenario({
      shifts: `shifts:
  - id: day
    shifts:
      - { days: [mon], start: "05:00", end: "13:00" }
      - { days: [sun], start: "22:00", end: "06:00" }`,
    });
    const ws = warningsOf(text).filter((w) => w.path.startsWith('shifts'));
    expect(ws.map((w) => w.path)).toEqual(['shifts[0].shifts[1]']);
    expect(ws[0]!.message).toMatch(/mon 05:00–mon 06:00/);
  });

  test('a shift naming the same day twice overlaps itself', () => {
    const text = scenario({
      shifts: `shifts:
  - id: day
    shifts:
      - { days: [mon, mon], start: "06:00", end: "14:00" }`,
    });
    expect(warningsOf(text)[0]!.message).toMatch(
      /this shift lists a day twice, so it overlaps itself on mon 06:00–mon 14:00/,
    );
  });

  test('wear (risePerHour) with no preventive plan is a warning at risePerHour with the probability reached', () => {
    const text = scenario({
      horizon: '7d',
      extraStation: '    inspection: { defect: 0.01, risePerHour: 0.002 }',
    });
    const ws = warningsOf(text);
    expect(where(ws)).toEqual([['stations[0].inspection.risePerHour', 14]]);
    // 0.01 + 0.002 × 168 h = 0.346
    expect(ws[0]!.message).toMatch(/"cut" rises by 0.002 per hour.*no preventive plan.*reaches 0.346/);
  });

  test('wear reset by a preventive plan due within the horizon is no warning; one due after it is', () => {
    const withPlan = (interval: string) =>
      scenario({
        horizon: '7d',
        extraStation: `    inspection: { defect: 0.01, risePerHour: 0.002 }
    preventive: [{ interval: ${interval}, duration: 20min }]`,
        crews: 'crews:\n  - id: tech',
      });
    expect(warningsOf(withPlan('8h'))).toEqual([]);
    expect(warningsOf(withPlan('10d'))[0]!.message).toMatch(
      /no preventive plan .* falls due within the horizon/,
    );
  });

  test('a station or crew whose calendar is never on within the horizon gets a warning at its shift key', () => {
    const shifts = `shifts:
  - id: late
    shifts:
      - { days: [mon], start: "10:00", end: "18:00" }`;
    const text = scenario({
      horizon: '8h',
      extraStation: '    shift: late',
      crews: 'crews:\n  - id: tech\n    shift: late',
      shifts,
    });
    const ws = warningsOf(text).filter((w) => !w.path.startsWith('sources'));
    expect(where(ws)).toEqual([
      ['stations[0].shift', 14],
      ['crews[0].shift', 19],
    ]);
    expect(ws[0]!.message).toMatch(
      /station "cut" works to calendar "late", which is never on within the horizon \(8 h\).*mon 10:00/,
    );
    expect(ws[1]!.message).toMatch(/crew "tech"/);
    // The same calendar with a longer horizon works.
    expect(
      warningsOf(scenario({ horizon: '12h', extraStation: '    shift: late', shifts })).map((w) => w.path),
    ).not.toContain('stations[0].shift');
  });

  test('a horizon given by the run flag replaces the file horizon for that check', () => {
    const text = scenario({
      horizon: '12h',
      extraStation: '    shift: late',
      shifts: 'shifts:\n  - id: late\n    shifts:\n      - { days: [mon], start: "10:00", end: "18:00" }',
    });
    const r = loadScenario(text, { fileName: 't.yaml', horizonS: 4 * 3600 });
    expect(r.ok && r.warnings.map((w) => w.path)).toContain('stations[0].shift');
  });

  test('a station that no routing visits gets a warning; one named as an alternative does not', () => {
    const extra = '  - id: paint';
    const ws = warningsOf(scenario({ extraStation: extra }));
    expect(where(ws)).toEqual([['stations[1].id', 14]]);
    expect(ws[0]!.message).toMatch(/no product's routing visits station "paint"/);
    expect(warningsOf(scenario({ extraStation: extra, station: '[cut, paint]' }))).toEqual([]);
  });

  test('an interarrival source feeding a station that is off shift part of the week gets a warning', () => {
    const text = scenario({
      extraStation: '    shift: day',
      shifts: `shifts:
  - id: day
    shifts:
      - { days: [mon, tue, wed, thu, fri], start: "06:00", end: "22:00" }`,
      horizon: '7d',
    });
    const ws = warningsOf(text);
    expect(where(ws)).toEqual([['sources[0].interarrival', 11]]);
    // 168 h − 5 × 16 h = 88 h off
    expect(ws[0]!.message).toMatch(
      /source "src" releases parts around the clock, but "cut" \(calendar "day"\) is off shift 88 h a week/,
    );
  });

  test('no such warning when the first station is always on, or when one alternative has no calendar', () => {
    const shifts = 'shifts:\n  - id: day\n    shifts:\n      - { days: [mon], start: "00:00", end: "24:00" }';
    // A station without a calendar always works.
    expect(warningsOf(scenario({ shifts: `${shifts}`, horizon: '7d' }))).toEqual([]);
    // cut (closed at times) or paint (always on): parts can always go somewhere.
    const text = scenario({
      station: '[cut, paint]',
      extraStation: '    shift: day\n  - id: paint',
      shifts,
      horizon: '7d',
    });
    expect(warningsOf(text)).toEqual([]);
  });

  test('an orders source is not checked (its releases are the plan)', () => {
    const text = scenario({
      source: '    orders: [{ release: 0s, product: gear }]',
      extraStation: '    shift: day',
      shifts: 'shifts:\n  - id: day\n    shifts:\n      - { days: [mon], start: "00:00", end: "12:00" }',
    }).replace('    product: gear\n    orders', '    orders');
    expect(warningsOf(text)).toEqual([]);
  });

  test('a truncated normal whose mean moves by more than 1 % is a warning with the truncated mean', () => {
    const ws = warningsOf(scenario({ processTime: '{ normal: { mean: 60s, sd: 60s } }' }));
    expect(where(ws)).toEqual([['products[0].routing[0].processTime', 7]]);
    // Independent check of μ + σ·φ(a)/(1 − Φ(a)), a = −1: φ(1) = 0.2419707, Φ(1) = 0.8413447 → 77.256 s.
    expect(ws[0]!.message).toMatch(/mean is 77.256 s, not 60 s \(\+28.8 %\)/);
  });

  test('a normal whose truncation moves the mean by less than 1 % is no warning', () => {
    // mean/sd = 3: the mean moves by 0.15 %.
    expect(warningsOf(scenario({ processTime: '{ normal: { mean: 60s, sd: 20s } }' }))).toEqual([]);
    // mean/sd = 2: 2.7 %, a warning.
    expect(warningsOf(scenario({ processTime: '{ normal: { mean: 60s, sd: 30s } }' }))).toHaveLength(1);
  });

  test('truncated normals are found anywhere in the scenario (a failure time to repair, a setup)', () => {
    const ws = warningsOf(
      scenario({
        extraStation: `    failures: [{ name: jam, basis: calendar, ttf: 4h, ttr: { normal: { mean: 10min, sd: 10min } } }]
    setups: { gear: { gear: { normal: { mean: 1min, sd: 2min } } } }`,
        crews: 'crews:\n  - id: tech',
      }),
    );
    expect(ws.map((w) => w.path)).toEqual(['stations[0].failures[0].ttr', 'stations[0].setups.gear.gear']);
  });

  test('every example scenario loads with the warnings it deserves (none but those listed)', () => {
    const seen: Record<string, string[]> = {};
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.yaml'))) {
      const r = loadScenarioFile(`scenarios/${f}`);
      expect(r.ok, f).toBe(true);
      if (r.ok && r.warnings.length > 0) seen[f] = r.warnings.map((w) => w.path);
    }
    expect(seen).toEqual(EXPECTED_EXAMPLE_WARNINGS);
  });
});

describe('run-time warnings (the hook for checks on a finished run)', () => {
  test('a run check sees the run result and the horizon run; its findings get the line of their path', () => {
    const r = loadScenario(scenario({ horizon: '8h' }), { fileName: 't.yaml' });
    if (!r.ok) throw new Error('expected a valid scenario');
    const result = runReplications(r.scenario, { horizon: 3600, warmup: 0 });
    const warmupTooShort: RunWarningCheck = ({ horizonS }, res) =>
      res.warmupS < 0.1 * horizonS ? [{ path: ['run', 'horizon'], message: `warm-up ${res.warmupS} s` }] : [];
    expect(runWarnings(r.scenario, result, { lineOf: r.lineOf, checks: [warmupTooShort] })).toEqual([
      { message: 'warm-up 0 s', path: 'run.horizon', line: 2 },
    ]);
    // The registered run check (warm-up vs observed transient) says nothing without a detection.
    expect(RUN_WARNING_CHECKS).toContain(warmupShorterThanTransient);
    expect(runWarnings(r.scenario, result)).toEqual([]);
  });
});

/** Warnings the shipped examples carry on purpose (filled in from a run, each one checked by hand). */
const EXPECTED_EXAMPLE_WARNINGS: Record<string, string[]> = {
  // Orders arrive around the clock while the line works two shifts on weekdays: the queue in front of smt
  // over nights and weekends is what the example shows.
  'electronics.yaml': ['sources[0].interarrival'],
};
