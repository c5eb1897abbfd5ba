import { describe, expect, it } from 'vitest';
import type { Part, ServerState } from '../../src/entities/index.js';
import {
  recordSchedule,
  runScenario,
  type ScheduleRecorder,
  type ScheduleRow,
  scheduleToCsv,
} from '../../src/report/index.js';
import { type BuiltModel, buildPlant, loadScenarioFile } from '../../src/scenario/index.js';
import { readScheduleCsv } from '../_support/read-csv.js';
import { findOverlaps, type Interval } from '../_support/schedule-feasibility.js';

// One replication per scenario, in process: about 0.5 s each (machine shop 20 days, electronics 621 h,
// demo factory 5 days); about 4 s for the file.

interface Recorded {
  rows: ScheduleRow[];
  csv: string;
  model: BuiltModel;
  /** Parts that left the system (finished, scrapped or built into an assembly). */
  departed: Part[];
  horizonS: number;
  warmupS: number;
}

function record(file: string): Recorded {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  let model: BuiltModel | undefined;
  let recorder: ScheduleRecorder | undefined;
  const departed: Part[] = [];
  const result = runScenario(loaded.scenario, {
    replications: 1,
    onModel: (m) => {
      model = m;
      recorder = recordSchedule(m.plant);
      const events = m.plant.events;
      events.on('partFinished', (p) => departed.push(p));
      events.on('partScrapped', (p) => departed.push(p));
      events.on('partConsumed', (p) => departed.push(p));
    },
  });
  return {
    rows: recorder!.rows(),
    csv: recorder!.toCsv(),
    model: model!,
    departed,
    horizonS: result.horizonS,
    warmupS: result.warmupS,
  };
}

const cache = new Map<string, Recorded>();
const recorded = (file: string): Recorded => {
  let r = cache.get(file);
  if (r === undefined) {
    r = record(file);
    cache.set(file, r);
  }
  return r;
};

const serverKey = (r: { station: string; server: number }) => `${r.station}/${r.server}`;
/** A row's end, or the horizon for a row still open when the run ended. */
const endOf = (r: ScheduleRow, horizonS: number) => (Number.isNaN(r.finishedS) ? horizonS : r.finishedS);
const byServer = (rows: readonly ScheduleRow[]) => {
  const out = new Map<string, ScheduleRow[]>();
  for (const r of rows) {
    const list = out.get(serverKey(r)) ?? [];
    list.push(r);
    out.set(serverKey(r), list);
  }
  return out;
};
/** The operation rows of a server as intervals, one per batch or kit (its parts share one interval). */
const operationIntervals = (rows: readonly ScheduleRow[], horizonS: number): Interval[] => {
  const seen = new Map<string, Interval>();
  for (const r of rows) {
    if (r.kind !== 'operation' || Number.isNaN(r.startedS)) continue;
    const finishS = endOf(r, horizonS);
    const key = `${r.startedS}/${finishS}`;
    const iv = seen.get(key);
    if (iv === undefined) seen.set(key, { startS: r.startedS, finishS, label: `part ${r.part}` });
    else iv.label += `+${r.part}`;
  }
  return [...seen.values()];
};
const intervalsOf = (rows: readonly ScheduleRow[], kind: string, horizonS: number): Interval[] =>
  rows
    .filter((r) => r.kind === kind)
    .map((r) => ({ startS: r.startedS, finishS: endOf(r, horizonS), label: `${kind} ${r.detail}` }));
/** Seconds of `intervals` inside [fromS, toS]. */
const clippedS = (intervals: readonly Interval[], fromS: number, toS: number) =>
  intervals.reduce((sum, iv) => sum + Math.max(0, Math.min(iv.finishS, toS) - Math.max(iv.startS, fromS)), 0);

/** Invariants every schedule must satisfy, whatever the scenario (written once, applied to each below). */
function scheduleInvariants(file: string): void {
  describe(`the schedule of ${file}`, () => {
    it('is ordered by start, then station, then server; not-yet-started operations last', () => {
      const { rows } = recorded(file);
      const started = rows.filter((r) => !Number.isNaN(r.startedS));
      expect(rows.slice(started.length).every((r) => r.kind === 'operation')).toBe(true);
      for (let i = 1; i < started.length; i++) {
        const a = started[i - 1]!;
        const b = started[i]!;
        const ok =
          a.startedS < b.startedS ||
          (a.startedS === b.startedS &&
            (a.station < b.station || (a.station === b.station && a.server <= b.server)));
        expect(ok, `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBe(true);
      }
    });

    it('keeps every time within the run: queued ≤ started ≤ finished ≤ horizon', () => {
      const { rows, horizonS } = recorded(file);
      const open = (t: number) => Number.isNaN(t);
      const bad = rows.filter((r) => {
        const ends = open(r.finishedS) || (r.finishedS >= r.startedS && r.finishedS <= horizonS);
        if (r.kind === 'operation') {
          return !(
            typeof r.part === 'number' &&
            r.product !== undefined &&
            Number.isInteger(r.step) &&
            r.queuedS >= 0 &&
            (open(r.startedS) ? open(r.finishedS) : r.startedS >= r.queuedS) &&
            ends
          );
        }
        const blank = r.part === undefined && r.product === undefined && r.step === undefined;
        return !(blank && open(r.queuedS) && r.detail !== '' && r.startedS >= 0 && ends);
      });
      expect(bad).toEqual([]);
    });

    it('never overlaps two operations, setups or maintenance on one server; failures overlap only operations', () => {
      const { rows, horizonS } = recorded(file);
      for (const [server, list] of byServer(rows)) {
        const setups = intervalsOf(list, 'setup', horizonS);
        const maintenance = intervalsOf(list, 'maintenance', horizonS);
        const failures = intervalsOf(list, 'failure', horizonS);
        const exclusive = [...operationIntervals(list, horizonS), ...setups, ...maintenance];
        expect(findOverlaps(exclusive), server).toEqual([]);
        expect(findOverlaps([...failures, ...setups, ...maintenance]), server).toEqual([]);
      }
    });

    it('adds up, per server, to the time the statistics saw it down, in maintenance and in setup', () => {
      const { rows, model, horizonS, warmupS } = recorded(file);
      const servers = byServer(rows);
      for (const [station] of model.plant.stations) {
        model.statistics!.stateDurations(station, horizonS).forEach((d: Record<ServerState, number>, i) => {
          const list = servers.get(`${station}/${i}`) ?? [];
          const sum = (kind: string) => clippedS(intervalsOf(list, kind, horizonS), warmupS, horizonS);
          const label = `${station}/${i}`;
          expect(sum('failure'), label).toBeCloseTo(d['down-waiting'] + d.repair, 6);
          expect(sum('maintenance'), label).toBeCloseTo(d.maintenance, 6);
          expect(sum('setup'), label).toBeCloseTo(d.setup, 6);
          // An operation runs from the first start of its work to its end: busy, and any failure or
          // shift end that interrupted it.
          const operations = clippedS(operationIntervals(list, horizonS), warmupS, horizonS);
          expect(operations, label).toBeGreaterThanOrEqual(d.busy - 1e-6);
          expect(operations, label).toBeLessThanOrEqual(
            d.busy + d['down-waiting'] + d.repair + d['off-shift'] + 1e-6,
          );
        });
      }
    });

    it('gives every part that left one operation row per station visit, matching its step records', () => {
      const { rows, departed } = recorded(file);
      expect(departed.length).toBeGreaterThan(100);
      const byPart = new Map<number, ScheduleRow[]>();
      for (const r of rows) {
        if (r.kind !== 'operation') continue;
        const list = byPart.get(r.part!) ?? [];
        list.push(r);
        byPart.set(r.part!, list);
      }
      for (const part of departed) {
        // A part made by an assembly station has no operation there (its components do).
        const visits = part.steps.slice(part.source === part.steps[0]?.station ? 1 : 0);
        const mine = byPart.get(part.id) ?? [];
        expect(mine.length, `part ${part.id}`).toBe(visits.length);
        const wrong = mine.filter((r, k) => {
          const v = visits[k]!;
          return !(
            r.product === part.product &&
            r.station === v.station &&
            r.queuedS === v.queuedS &&
            r.finishedS === v.finishedS &&
            part.routing[r.step!] === r.station &&
            r.startedS >= v.startedS
          );
        });
        expect(wrong, `part ${part.id}: ${JSON.stringify(visits)}`).toEqual([]);
      }
    });

    it('reads back from its CSV exactly, every number the same float', () => {
      const { rows, csv } = recorded(file);
      const back = readScheduleCsv(csv);
      expect(back).toHaveLength(rows.length);
      const keys = Object.keys(rows[0]!) as (keyof ScheduleRow)[];
      expect(keys).toHaveLength(10);
      const differ = back.filter((b, i) => keys.some((k) => !Object.is(b[k], rows[i]![k])));
      expect(differ).toEqual([]);
    });
  });
}

scheduleInvariants('scenarios/machine-shop.yaml');
scheduleInvariants('scenarios/electronics.yaml');
scheduleInvariants('scenarios/demo-factory.yaml');

const details = (rows: readonly ScheduleRow[], kind: string) =>
  [...new Set(rows.filter((r) => r.kind === kind).map((r) => `${r.detail}@${r.station}`))].sort();

describe('recordSchedule', () => {
  it('machine shop: failure rows of every mode, lubrication of the mill, no setups', () => {
    const { rows } = recorded('scenarios/machine-shop.yaml');
    expect(details(rows, 'failure')).toEqual(['blade@saw', 'chuck@lathe', 'control@mill', 'spindle@mill']);
    expect(details(rows, 'maintenance')).toEqual(['lube@mill']);
    expect(details(rows, 'setup')).toEqual([]);
  });

  it('a part interrupted by a failure keeps one operation row, which the failure row overlaps', () => {
    const { rows, horizonS } = recorded('scenarios/machine-shop.yaml');
    const failures = rows.filter((r) => r.kind === 'failure');
    const interrupted = rows.filter(
      (r) =>
        r.kind === 'operation' &&
        failures.some(
          (f) =>
            serverKey(f) === serverKey(r) &&
            f.startedS > r.startedS &&
            endOf(f, horizonS) < endOf(r, horizonS),
        ),
    );
    expect(interrupted.length).toBeGreaterThan(0);
    for (const r of interrupted) {
      const visits = rows.filter((x) => x.kind === 'operation' && x.part === r.part && x.step === r.step);
      expect(visits).toHaveLength(1);
    }
  });

  it('electronics: SMT changeovers from the previous product to the next, oven batches, two plans', () => {
    const { rows } = recorded('scenarios/electronics.yaml');
    expect(details(rows, 'setup')).toEqual(['basic->pro@smt', 'pro->basic@smt']);
    expect(details(rows, 'maintenance')).toEqual(['calibrate@aoi', 'stencil-clean@smt']);
    expect(details(rows, 'failure')).toEqual(['feeder-jam@smt']);
    const smt = rows.filter((r) => r.station === 'smt' && r.kind !== 'failure' && r.kind !== 'maintenance');
    smt.forEach((r, i) => {
      if (r.kind !== 'setup') return;
      const [from, to] = r.detail.split('->');
      const before = smt.slice(0, i).findLast((x) => x.kind === 'operation');
      const after = smt.slice(i + 1).find((x) => x.kind === 'operation');
      if (before !== undefined) expect(before.product).toBe(from);
      if (after !== undefined) {
        expect(after.product).toBe(to);
        expect(after.startedS).toBeGreaterThanOrEqual(r.finishedS);
      }
    });
    const batches = new Map<string, ScheduleRow[]>();
    for (const r of rows.filter((x) => x.kind === 'operation' && x.station === 'reflow')) {
      const key = `${r.server}/${r.startedS}`;
      batches.set(key, [...(batches.get(key) ?? []), r]);
    }
    const sizes = [...batches.values()].map((b) => b.length);
    expect(Math.max(...sizes)).toBe(6);
    for (const b of batches.values()) {
      expect(new Set(b.map((r) => r.product)).size).toBe(1);
      expect(new Set(b.map((r) => r.finishedS)).size).toBe(1);
    }
  });

  it('demo factory: a robot-tended press starts work after the robot has loaded it', () => {
    const { rows, departed } = recorded('scenarios/demo-factory.yaml');
    const press = departed.flatMap((p) =>
      rows.filter((r) => r.kind === 'operation' && r.part === p.id && r.station === 'press'),
    );
    expect(press.length).toBeGreaterThan(0);
    const loaded = departed.filter((p) => p.steps[0]?.station === 'press');
    const late = press.filter((r) => {
      const part = loaded.find((p) => p.id === r.part);
      return part !== undefined && r.startedS > part.steps[0]!.startedS;
    });
    expect(late.length).toBe(press.length);
  });

  it('same seed, same CSV', () => {
    expect(record('scenarios/machine-shop.yaml').csv).toBe(recorded('scenarios/machine-shop.yaml').csv);
  });

  it('stop() unsubscribes: rows recorded so far stay, nothing after', () => {
    const loaded = loadScenarioFile('scenarios/machine-shop.yaml');
    if (!loaded.ok) throw new Error('machine-shop.yaml does not load');
    let recorder: ScheduleRecorder | undefined;
    let model: BuiltModel | undefined;
    runScenario(loaded.scenario, {
      replications: 1,
      horizon: 8 * 3600,
      warmup: 0,
      onModel: (m) => {
        model = m;
        recorder = recordSchedule(m.plant);
        m.sim.scheduleAt(4 * 3600, () => recorder!.stop());
      },
    });
    const rows = recorder!.rows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.startedS > 4 * 3600)).toEqual([]);
    expect(model!.sim.now).toBe(8 * 3600);
  });

  it('spilled as the run goes on, the rows are the same, in the same order, as held whole (every example scenario)', () => {
    // Small batches (7 rows) so that every example spills hundreds of times, with rows held back by open
    // failures, setups, batches, kits and robot loading; about 2 s for the ten scenarios.
    for (const name of [
      'bottling',
      'demo-factory',
      'electronics',
      'flexible-jobshop',
      'jobshop-ft06',
      'machine-shop',
      'paint-shop',
      'robot-cell',
      'serial-line',
    ]) {
      const loaded = loadScenarioFile(`scenarios/${name}.yaml`);
      if (!loaded.ok) throw new Error(`${name}.yaml does not load`);
      let whole: ScheduleRecorder | undefined;
      let spilling: ScheduleRecorder | undefined;
      const batches: ScheduleRow[][] = [];
      runScenario(loaded.scenario, {
        replications: 1,
        horizon: Math.min(loaded.scenario.run.horizon, 5 * 86_400),
        onModel: (m) => {
          whole = recordSchedule(m.plant);
          spilling = recordSchedule(m.plant, { spill: (rows) => batches.push(rows), spillRows: 7 });
        },
      });
      const expected = whole!.rows();
      const spilled = batches.flat();
      expect(expected.length, name).toBeGreaterThan(20);
      expect(batches.length, name).toBeGreaterThan(2);
      // Most rows went out during the run, and what is left at the end is a small part.
      expect(spilled.length, name).toBeGreaterThan(expected.length / 2);
      expect([...spilled, ...spilling!.rows()], name).toEqual(expected);
      expect(scheduleToCsv([...spilled, ...spilling!.rows()]), name).toBe(whole!.toCsv());
    }
  });

  it('rejects a spill batch size that is not a positive integer, naming it', () => {
    const loaded = loadScenarioFile('scenarios/serial-line.yaml');
    if (!loaded.ok) throw new Error('serial-line.yaml does not load');
    const model = buildPlant(loaded.scenario, 1);
    for (const bad of [0, -3, 2.5])
      expect(() => recordSchedule(model.plant, { spill: () => {}, spillRows: bad })).toThrow(
        /recordSchedule: spillRows must be an integer >= 1/,
      );
  });
});
