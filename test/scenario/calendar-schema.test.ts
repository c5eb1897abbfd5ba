import { describe, expect, test } from 'vitest';
import { holidayPeriods, weekOriginS } from '../../src/scenario/calendar-dates.js';
import { buildPlant, loadScenario, type Problem } from '../../src/scenario/index.js';

const H = 3600;
const D = 24 * H;

/** A day-shift calendar and a source; tests splice `run.start`, holidays and the source's shift. */
const doc = (start: string, holidays: string, sourceShift: string) => `run:
  horizon: 14d
${start}products:
  - id: A
    routing:
      - station: cut
        processTime: 1min
sources:
  - id: src
    product: A
    interarrival: 30min
${sourceShift}stations:
  - id: cut
    shift: day
shifts:
  - id: day
    shifts:
      - { days: [mon, tue, wed, thu, fri], start: '06:00', end: '14:00' }
${holidays}sinks:
  - id: out
`;

function problemsOf(text: string): [string, number | undefined, string][] {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (r.ok) throw new Error('expected problems, got a valid scenario');
  return r.problems.map((p: Problem) => [p.path, p.line, p.message]);
}

describe('calendar dates', () => {
  test('run.start fixes the weekday of time 0; holidays are whole days of simulated time', () => {
    // 2026-12-01 is a Tuesday.
    expect(weekOriginS('2026-12-01T06:00')).toBe(D + 6 * H);
    expect(weekOriginS('2026-11-30T00:00')).toBe(0);
    expect(holidayPeriods('2026-12-01T06:00', ['2026-12-25'])).toEqual([[24 * D - 6 * H, 25 * D - 6 * H]]);
  });

  test('a scenario with run.start, a holiday and a source on the calendar builds them into the entities', () => {
    const text = doc('  start: 2026-12-21T00:00\n', "    holidays: ['2026-12-25']\n", '    shift: day\n');
    const r = loadScenario(text, { fileName: 'test.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const { plant, sim } = buildPlant(r.scenario, 1);
    const released: number[] = [];
    plant.events.on('partReleased', (p) => released.push(p.releaseS));
    sim.run({ until: 7 * D });
    // 2026-12-21 is a Monday: arrivals only Mon–Thu and nothing on Friday the 25th.
    expect(released.length).toBeGreaterThan(0);
    for (const t of released) {
      const day = Math.floor(t / D);
      const hour = (t % D) / H;
      expect(day).toBeLessThan(4);
      expect(hour).toBeGreaterThanOrEqual(6);
      expect(hour).toBeLessThan(14);
    }
  });

  test('holidays without run.start, a bad date, a zoned start and an unknown source calendar are problems', () => {
    expect(problemsOf(doc('', "    holidays: ['2026-12-25']\n", ''))).toEqual([
      ['shifts[0].holidays', 19, 'holidays are dates: give run.start, the date and time of simulated time 0'],
    ]);
    expect(
      problemsOf(doc('  start: 2026-12-01T00:00\n', "    holidays: ['2026-02-30']\n", ''))[0]!.slice(0, 2),
    ).toEqual(['shifts[0].holidays[0]', 20]);
    expect(problemsOf(doc('  start: 2026-12-01T00:00+01:00\n', '', ''))[0]!.slice(0, 2)).toEqual([
      'run.start',
      3,
    ]);
    expect(problemsOf(doc('', '', '    shift: night\n'))).toEqual([
      ['sources[0].shift', 12, 'unknown shift calendar "night" (known: day)'],
    ]);
  });

  test('an exception adds working time on a date, overtime on a Saturday; it needs run.start', () => {
    const text = doc(
      '  start: 2026-12-21T00:00\n',
      "    exceptions: [{ date: '2026-12-26', start: '06:00', end: '12:00' }]\n",
      '    shift: day\n',
    );
    const r = loadScenario(text, { fileName: 'test.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const { plant, sim } = buildPlant(r.scenario, 1);
    const released: number[] = [];
    plant.events.on('partReleased', (p) => released.push(p.releaseS));
    sim.run({ until: 7 * D });
    // 2026-12-26 is day 5 (Saturday): arrivals there only from 06:00 to 12:00.
    const saturday = released.filter((t) => Math.floor(t / D) === 5);
    expect(saturday.length).toBeGreaterThan(0);
    for (const t of saturday) expect((t % D) / H).toBeLessThan(12);
    expect(
      problemsOf(doc('', "    exceptions: [{ date: '2026-12-26', start: '06:00', end: '12:00' }]\n", '')),
    ).toEqual([
      [
        'shifts[0].exceptions',
        19,
        'exceptions are dates: give run.start, the date and time of simulated time 0',
      ],
    ]);
  });

  test('a shift on an order source is a problem: only interarrival sources follow a calendar', () => {
    const text = doc('', '', '    shift: day\n')
      .replace('    interarrival: 30min\n', '    orders: [{ release: 0s, product: A, quantity: 1 }]\n')
      .replace('    product: A\n', '');
    expect(problemsOf(text)).toEqual([
      ['sources[0].shift', 11, 'shift applies to interarrival sources only'],
    ]);
  });
});
