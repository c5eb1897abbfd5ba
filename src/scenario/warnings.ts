import { Normal } from '../engine/index.js';
import { ShiftCalendar, WEEKDAYS } from '../entities/index.js';
import type { ScenarioResult } from './build/run-scenario.js';
import { formatPath, type Problem } from './problem.js';
import type { Scenario, ShiftCalendarSpec } from './schema.js';

/**
 * Warnings: what a valid scenario says that is probably not what its author meant (overlapping shifts,
 * wear that nothing resets, a calendar never on, a station no part visits, a source feeding a closed
 * station, a truncated normal whose mean moved). A warning never stops a load or a run; `--strict` makes
 * the CLI treat warnings as problems.
 *
 * Each check is one pure function of the parsed scenario (and the horizon) returning findings with a
 * path in the document; {@link scenarioWarnings} runs them all and adds each finding's line. To add a
 * check, write a {@link WarningCheck} and list it in {@link WARNING_CHECKS}.
 */

/** One finding of a check: what looks wrong and where in the document (path segments, as in zod). */
export interface WarningFinding {
  /** Path of the key the warning is about, e.g. `['stations', 2, 'inspection', 'risePerHour']`. */
  readonly path: readonly PropertyKey[];
  /** What looks wrong and what to do, in a user's words. */
  readonly message: string;
}

/** What a check sees: the parsed scenario and the horizon the run will use. */
export interface WarningContext {
  readonly scenario: Scenario;
  /** Simulated time per replication, s (the scenario's `run.horizon` unless a flag overrides it). */
  readonly horizonS: number;
}

/** A static check: a pure function of the parsed scenario. */
export type WarningCheck = (context: WarningContext) => WarningFinding[];

/** Options of {@link scenarioWarnings}. */
export interface WarningOptions {
  /** Horizon of the run, s; default `scenario.run.horizon`. */
  readonly horizonS?: number;
  /** 1-based source line of a path (the loader passes its source map); default: line 1. */
  readonly lineOf?: (path: readonly PropertyKey[]) => number;
}

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;

/** Two shifts of one calendar overlap: the time they share counts once (the calendar is their union). */
export const overlappingShifts: WarningCheck = ({ scenario }) => {
  const out: WarningFinding[] = [];
  scenario.shifts.forEach((calendar, c) => {
    const periods = weekPeriods(calendar);
    const reported = new Set<number>();
    for (let i = 0; i < periods.length; i++) {
      for (let j = i + 1; j < periods.length; j++) {
        const a = periods[i]!;
        const b = periods[j]!;
        const later = Math.max(a.shift, b.shift);
        if (reported.has(later)) continue;
        const from = Math.max(a.start, b.start);
        const to = Math.min(a.end, b.end);
        if (!(from < to)) continue;
        reported.add(later);
        const other = Math.min(a.shift, b.shift);
        const what =
          other === later ? 'lists a day twice, so it overlaps itself' : `overlaps shifts[${other}]`;
        out.push({
          path: ['shifts', c, 'shifts', later],
          message:
            `in calendar "${calendar.id}" this shift ${what} on ${weekTime(from)}–${weekTime(to)}: ` +
            'the overlap counts once (a calendar is the union of its shifts); if two crews or lines work ' +
            'side by side, give them separate calendars or a station more servers',
        });
      }
    }
  });
  return out;
};

/** Defect probability that rises with wear and is never reset by a preventive maintenance. */
export const wearWithoutMaintenance: WarningCheck = ({ scenario, horizonS }) => {
  const out: WarningFinding[] = [];
  scenario.stations.forEach((st, i) => {
    const rise = st.inspection?.risePerHour ?? 0;
    if (!(rise > 0)) return;
    // A calendar-time plan falls due at its first interval; operating time only later.
    if (st.preventive.some((p) => p.interval < horizonS)) return;
    const defect = st.inspection?.defect ?? 0;
    const base = typeof defect === 'number' ? defect : Math.max(0, ...Object.values(defect));
    const atEnd = Math.min(1, base + (rise * horizonS) / 3600);
    const why =
      st.preventive.length === 0
        ? 'the station has no preventive plan'
        : `no preventive plan of the station falls due within the horizon (${hours(horizonS)})`;
    out.push({
      path: ['stations', i, 'inspection', 'risePerHour'],
      message:
        `the defect probability at "${st.id}" rises by ${rise} per hour and nothing resets it: ${why}, ` +
        `so it reaches ${round(atEnd, 3)} by the end of the run; add a preventive plan (preventive: ` +
        '[{ interval: 8h, duration: 20min }]) or set risePerHour to 0',
    });
  });
  return out;
};

/** A station, crew or operator works to a calendar with no working time within the horizon: it never works. */
export const calendarNeverOn: WarningCheck = ({ scenario, horizonS }) => {
  const out: WarningFinding[] = [];
  const firstOn = new Map<string, number>();
  for (const spec of scenario.shifts) firstOn.set(spec.id, firstOnTime(spec));
  const check = (
    kind: 'station' | 'crew' | 'operator pool' | 'operator',
    id: string,
    shift: string | undefined,
    path: PropertyKey[],
  ) => {
    if (shift === undefined) return;
    const t = firstOn.get(shift);
    if (t === undefined || t < horizonS) return;
    const when = Number.isFinite(t)
      ? `its first working time starts at ${weekTime(t)}`
      : 'it has no working time';
    out.push({
      path,
      message:
        `${kind} "${id}" works to calendar "${shift}", which is never on within the horizon (${hours(horizonS)}): ` +
        `${when}, so the ${kind} never works; lengthen the horizon or check the calendar's days and times`,
    });
  };
  scenario.stations.forEach((st, i) => {
    check('station', st.id, st.shift, ['stations', i, 'shift']);
  });
  scenario.crews.forEach((cr, i) => {
    check('crew', cr.id, cr.shift, ['crews', i, 'shift']);
  });
  scenario.operators.forEach((o, i) => {
    if (o.members === undefined || o.members.some((m) => m.shift === undefined))
      check('operator pool', o.id, o.shift, ['operators', i, 'shift']);
    o.members?.forEach((m, j) => {
      if (m.shift !== undefined)
        check('operator', `${o.id}/${m.id}`, m.shift, ['operators', i, 'members', j, 'shift']);
    });
  });
  return out;
};

/** A station that no product's routing names (as its station or one of its alternatives). */
export const stationNotVisited: WarningCheck = ({ scenario }) => {
  const visited = new Set<string>();
  for (const product of scenario.products)
    for (const step of product.routing)
      for (const id of Array.isArray(step.station) ? step.station : [step.station]) visited.add(id);
  const out: WarningFinding[] = [];
  scenario.stations.forEach((st, i) => {
    if (visited.has(st.id)) return;
    out.push({
      path: ['stations', i, 'id'],
      message: `no product's routing visits station "${st.id}": it never gets a part; add it to a routing or remove it`,
    });
  });
  return out;
};

/**
 * An interarrival source keeps releasing parts while every station it feeds (the first station of its
 * products, any alternative) is off shift: the parts pile up in front of them. A static check on the
 * calendars: it warns when the union of the fed stations' working times leaves some time off.
 */
export const sourceFeedsClosedStation: WarningCheck = ({ scenario }) => {
  const out: WarningFinding[] = [];
  const stations = new Map(scenario.stations.map((s) => [s.id, s]));
  const products = new Map(scenario.products.map((p) => [p.id, p]));
  const calendars = new Map(scenario.shifts.map((c) => [c.id, c]));
  scenario.sources.forEach((source, i) => {
    if (source.interarrival === undefined) return;
    // NOTE: a source that follows a calendar of its own releases nothing off shift: no warning then.
    if ('shift' in source && source.shift !== undefined) return;
    const productIds =
      source.product !== undefined ? [source.product] : (source.mix ?? []).map((m) => m.product);
    const fed = new Set<string>();
    for (const id of productIds) {
      const first = products.get(id)?.routing[0]?.station;
      if (first === undefined) continue;
      for (const s of Array.isArray(first) ? first : [first]) fed.add(s);
    }
    const shifts: ShiftCalendarSpec['shifts'][number][] = [];
    const names: string[] = [];
    for (const id of fed) {
      const cal = calendars.get(stations.get(id)?.shift ?? '');
      if (cal === undefined) return; // this station always works
      shifts.push(...cal.shifts);
      names.push(`"${id}" (calendar "${cal.id}")`);
    }
    if (shifts.length === 0) return;
    const union = new ShiftCalendar(shifts.map((s) => ({ days: s.days, startS: s.start, endS: s.end })));
    if (union.always) return;
    const offH = round((WEEK_S - union.weeklyS) / 3600, 1);
    out.push({
      path: ['sources', i, 'interarrival'],
      message:
        `source "${source.id}" releases parts around the clock, but ${names.join(', ')} ${names.length === 1 ? 'is' : 'are all'} ` +
        `off shift ${offH} h a week: parts pile up in front of ${names.length === 1 ? 'it' : 'them'} meanwhile; ` +
        'if that is not what happens on your floor, release by orders timed to the shifts',
    });
  });
  return out;
};

/** Relative change of the mean above which a truncated normal gets a warning (1 %). */
export const TRUNCATION_MEAN_TOLERANCE = 0.01;

/**
 * A `normal` duration is truncated at 0 (a duration is never negative); when its sd is large against its
 * mean, truncation moves the mean by more than {@link TRUNCATION_MEAN_TOLERANCE}: the truncated mean is
 * μ + σ·φ(a)/(1 − Φ(a)) with a = −μ/σ (as the kernel's `Normal.mean` computes it).
 */
export const truncatedNormalMoved: WarningCheck = ({ scenario }) => {
  const out: WarningFinding[] = [];
  walk(scenario, [], (value, path) => {
    if (!(value instanceof Normal) || !value.truncateAtZero) return;
    const shift = value.mean - value.mu;
    if (!(Math.abs(shift) > TRUNCATION_MEAN_TOLERANCE * Math.abs(value.mu))) return;
    const rel = value.mu > 0 ? ` (+${round((100 * shift) / value.mu, 1)} %)` : '';
    out.push({
      path,
      message:
        `normal with mean ${show(value.mu)} s and sd ${show(value.sigma)} s is truncated at 0 (a duration is ` +
        `never negative), so its mean is ${show(value.mean)} s, not ${show(value.mu)} s${rel}; use a smaller sd ` +
        'or a family that is positive by nature (lognormal, gamma, erlang)',
    });
  });
  return out;
};

/** Every static check, in the order their warnings are listed. */
export const WARNING_CHECKS: readonly WarningCheck[] = [
  overlappingShifts,
  wearWithoutMaintenance,
  calendarNeverOn,
  stationNotVisited,
  sourceFeedsClosedStation,
  truncatedNormalMoved,
];

/**
 * Runs every check of {@link WARNING_CHECKS} on a parsed scenario and returns the warnings in document
 * order, each with its path and line. Pure; never throws for a scenario that loaded.
 */
export function scenarioWarnings(scenario: Scenario, options: WarningOptions = {}): Problem[] {
  const context: WarningContext = { scenario, horizonS: options.horizonS ?? scenario.run.horizon };
  return located(
    WARNING_CHECKS.flatMap((check) => check(context)),
    options.lineOf,
  );
}

/**
 * A check on a finished run (the hook for e.g. a warm-up shorter than the observed transient, once
 * warm-up detection exists): like a {@link WarningCheck}, with the run's result as well.
 */
export type RunWarningCheck = (context: WarningContext, result: ScenarioResult) => WarningFinding[];

/** Every check on a finished run; `shopfloor run` prints their warnings after the run, before the report. */
export const RUN_WARNING_CHECKS: readonly RunWarningCheck[] = [];

/**
 * Runs checks on a finished run (default {@link RUN_WARNING_CHECKS}) and returns their warnings with path
 * and line, in document order; the horizon is the run's (`result.horizonS`). Pure.
 */
export function runWarnings(
  scenario: Scenario,
  result: ScenarioResult,
  options: Pick<WarningOptions, 'lineOf'> & { readonly checks?: readonly RunWarningCheck[] } = {},
): Problem[] {
  const context: WarningContext = { scenario, horizonS: result.horizonS };
  return located(
    (options.checks ?? RUN_WARNING_CHECKS).flatMap((check) => check(context, result)),
    options.lineOf,
  );
}

function located(
  findings: readonly WarningFinding[],
  lineOf = (_path: readonly PropertyKey[]) => 1,
): Problem[] {
  return findings
    .map((f) => ({ message: f.message, path: formatPath(f.path), line: lineOf(f.path) }))
    .sort((a, b) => a.line - b.line);
}

/** One [start, end) interval of a week, s from Monday 00:00, and the index of the shift it comes from. */
interface WeekPeriod {
  readonly shift: number;
  readonly start: number;
  readonly end: number;
}

/** The working periods of a calendar within one week, unmerged (as `ShiftCalendar` builds them). */
function weekPeriods(calendar: ShiftCalendarSpec): WeekPeriod[] {
  const out: WeekPeriod[] = [];
  calendar.shifts.forEach((s, shift) => {
    for (const day of s.days) {
      const start = WEEKDAYS.indexOf(day) * DAY_S + s.start;
      const end = start - s.start + s.end + (s.end <= s.start ? DAY_S : 0);
      if (end <= WEEK_S) out.push({ shift, start, end });
      else out.push({ shift, start, end: WEEK_S }, { shift, start: 0, end: end - WEEK_S });
    }
  });
  return out;
}

/** First time ≥ 0 at which a calendar is on (`Infinity` if never). */
function firstOnTime(spec: ShiftCalendarSpec): number {
  const cal = new ShiftCalendar(spec.shifts.map((s) => ({ days: s.days, startS: s.start, endS: s.end })));
  return cal.isOn(0) ? 0 : cal.nextChange(0);
}

/** Calls `visit` on every value of a parsed scenario, with its path; does not descend into class instances. */
function walk(value: unknown, path: PropertyKey[], visit: (v: unknown, path: PropertyKey[]) => void): void {
  visit(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, [...path, i], visit);
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

/** `tue 14:00`, for a time within the week (s from Monday 00:00; the week's end reads `mon 00:00`). */
function weekTime(t: number): string {
  const w = ((t % WEEK_S) + WEEK_S) % WEEK_S;
  const day = WEEKDAYS[Math.floor(w / DAY_S)]!;
  const min = Math.round((w % DAY_S) / 60);
  return `${day} ${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

function hours(s: number): string {
  return `${round(s / 3600, 2)} h`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function show(s: number): string {
  return String(round(s, 3));
}
