import { InvalidArgumentError } from '../engine/index.js';

/** Seconds in a day and in a week. */
const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;

/** Days of the week, in the order simulated time counts them: time 0 is Monday 00:00. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One shift pattern: on the given days, from `startS` to `endS` seconds after midnight. */
export interface ShiftSpec {
  /** Days on which the shift starts. */
  readonly days: readonly Weekday[];
  /** Start, seconds after midnight, in [0, 86400). */
  readonly startS: number;
  /**
   * End, seconds after midnight, in (0, 86400]; an end at or before the start means the shift runs past
   * midnight into the next day (a night shift 22:00–06:00).
   */
  readonly endS: number;
}

/** Options of a {@link ShiftCalendar} beyond its weekly shifts. */
export interface ShiftCalendarOptions {
  /**
   * Where simulated time 0 falls in the week: seconds from a Monday 00:00 to it, in [0, 604800)
   * (default 0: time 0 is Monday 00:00). A scenario with `run.start` on a Tuesday 06:00 gives 108000.
   */
  readonly originS?: number;
  /**
   * Closed periods (holidays), `[start, end)` in seconds of simulated time: no working time in them,
   * whatever the shifts say (a night shift running into a holiday stops at its start). Default: none.
   */
  readonly closed?: readonly (readonly [number, number])[];
  /**
   * Extra working periods (exceptions: a Saturday of overtime), `[start, end)` in seconds of simulated
   * time: working time whatever the shifts and the closed periods say. Default: none.
   */
  readonly open?: readonly (readonly [number, number])[];
}

/**
 * A weekly working-time calendar: the union of its shifts, repeating every week, minus its closed
 * periods (holidays), plus its extra working periods (exceptions). Simulated time 0 is Monday 00:00, or `originS` seconds after one. Answers whether a
 * time is on shift and when the next change (start or end of working time) happens; adjacent or
 * overlapping shifts merge into one working period.
 */
export class ShiftCalendar {
  /** Merged working periods within one week, [start, end) seconds from Monday 00:00, sorted. */
  private readonly periods: readonly (readonly [number, number])[];
  /** Seconds from a Monday 00:00 to simulated time 0. */
  private readonly originS: number;
  /** Merged closed periods, [start, end) seconds of simulated time, sorted. */
  private readonly closed: readonly (readonly [number, number])[];
  /** Merged extra working periods, [start, end) seconds of simulated time, sorted. */
  private readonly open: readonly (readonly [number, number])[];
  /**
   * The week times (seconds from Monday 00:00, in [0, 604800), ascending) at which the weekly pattern
   * turns on or off: every start and end of a period, but Monday 00:00 when a period runs through it.
   */
  private readonly changes: Float64Array;

  /**
   * @throws InvalidArgumentError (`ShiftCalendar: …`) for no shift, a shift outside the day, no or an
   * unknown day, an origin outside the week, or a closed period that is not a finite `start < end`.
   */
  constructor(shifts: readonly ShiftSpec[], options: ShiftCalendarOptions = {}) {
    if (shifts.length === 0) throw new InvalidArgumentError('ShiftCalendar: needs at least one shift');
    const originS = options.originS ?? 0;
    if (!(originS >= 0 && originS < WEEK_S))
      throw new InvalidArgumentError(`ShiftCalendar: originS must be in [0, 604800) s (got ${originS})`);
    this.originS = originS;
    this.closed = mergeIntervals('closed', options.closed ?? []);
    this.open = mergeIntervals('open', options.open ?? []);
    const raw: [number, number][] = [];
    for (const [i, s] of shifts.entries()) {
      if (!(s.startS >= 0 && s.startS < DAY_S && s.endS > 0 && s.endS <= DAY_S)) {
        throw new InvalidArgumentError(
          `ShiftCalendar: shift ${i} must start in [0, 24h) and end in (0, 24h] (got ${s.startS} s – ${s.endS} s)`,
        );
      }
      if (s.days.length === 0) throw new InvalidArgumentError(`ShiftCalendar: shift ${i} has no days`);
      for (const day of s.days) {
        const d = WEEKDAYS.indexOf(day);
        if (d < 0) throw new InvalidArgumentError(`ShiftCalendar: shift ${i} names unknown day ${day}`);
        const start = d * DAY_S + s.startS;
        const end = d * DAY_S + s.endS + (s.endS <= s.startS ? DAY_S : 0);
        // A period running past Sunday midnight wraps to Monday of the same (repeating) week.
        if (end <= WEEK_S) raw.push([start, end]);
        else raw.push([start, WEEK_S], [0, end - WEEK_S]);
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of raw) {
      const last = merged[merged.length - 1];
      if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    this.periods = merged;
    this.changes = weeklyChanges(merged);
  }

  /** `true` when the whole week is working time and nothing is closed (the calendar never changes). */
  get always(): boolean {
    return this.closed.length === 0 && this.weeklyAlways;
  }

  /** `true` when the weekly pattern covers the whole week. */
  private get weeklyAlways(): boolean {
    const p = this.periods[0];
    return this.periods.length === 1 && p !== undefined && p[0] === 0 && p[1] === WEEK_S;
  }

  /** Working time per week of the weekly pattern (holidays not subtracted), seconds. */
  get weeklyS(): number {
    return this.periods.reduce((sum, [a, b]) => sum + (b - a), 0);
  }

  /** Whether simulated time `t`, s, is working time: on a shift and not in a closed period. */
  isOn(t: number): boolean {
    if (inside(this.open, t)) return true;
    if (inside(this.closed, t)) return false;
    return this.weeklyOn(t + this.originS);
  }

  /**
   * The first time strictly after `t`, s, at which {@link ShiftCalendar.isOn} changes (`Infinity` if
   * never): the first boundary of a shift or a closed period after `t` where the state differs from that
   * at `t`.
   */
  nextChange(t: number): number {
    if (this.always) return Number.POSITIVE_INFINITY;
    const now = this.isOn(t);
    let c = t;
    for (;;) {
      const weekly = this.weeklyNext(c + this.originS) - this.originS;
      const edge = nextEdge(this.open, c, nextEdge(this.closed, c, weekly));
      if (edge === Number.POSITIVE_INFINITY) return edge;
      if (this.isOn(edge) !== now) return edge;
      c = edge;
    }
  }

  /**
   * The time at which `workS` seconds of working time have passed since `t` (s): the clock runs only on
   * shift. A zero `workS` off shift gives the next start of working time. `Infinity` if the calendar is
   * never on again.
   */
  afterWorking(t: number, workS: number): number {
    let at = t;
    let left = workS;
    for (;;) {
      if (!this.isOn(at)) at = this.nextChange(at);
      if (at === Number.POSITIVE_INFINITY) return at;
      const end = this.nextChange(at);
      if (at + left < end) return at + left;
      left -= end - at;
      at = end;
    }
  }

  /** Whether week time `w` (seconds from a Monday 00:00) is in a weekly shift. */
  private weeklyOn(t: number): boolean {
    const w = mod(t, WEEK_S);
    for (const [a, b] of this.periods) {
      if (w < a) return false;
      if (w < b) return true;
    }
    return false;
  }

  /**
   * The first time strictly after `t` (seconds from a Monday 00:00) at which
   * {@link ShiftCalendar.weeklyOn} changes, `Infinity` when the pattern never changes.
   *
   * From the change points found once (see `weeklyChanges`): looking for them at each call by comparing
   * the pattern at an edge and 1e-9 s before it failed from about 194 days of simulated time on, where
   * 1e-9 s is below the resolution of a float64 time, and shifts then never changed again.
   */
  private weeklyNext(t: number): number {
    const changes = this.changes;
    if (changes.length === 0) return Number.POSITIVE_INFINITY;
    // Floor, not t − (t mod week): the week start must be an exact multiple so the change times are exact.
    const weekStart = Math.floor(t / WEEK_S) * WEEK_S;
    const w = t - weekStart;
    for (let i = 0; i < changes.length; i++) if (changes[i]! > w) return weekStart + changes[i]!;
    return weekStart + changes[0]! + WEEK_S;
  }
}

/**
 * The week times at which the merged, sorted `periods` (within [0, 604800]) turn on or off, ascending:
 * each start and end, but 0 (and 604800, the same instant of the next week) when a period ends at the
 * end of the week and one starts at 0, so that working time runs on through Monday 00:00.
 */
function weeklyChanges(periods: readonly (readonly [number, number])[]): Float64Array {
  const first = periods[0];
  const last = periods[periods.length - 1];
  const through = first !== undefined && last !== undefined && first[0] === 0 && last[1] === WEEK_S;
  const out: number[] = [];
  for (const [a, b] of periods) {
    if (!(through && a === 0)) out.push(a);
    if (b !== WEEK_S) out.push(b);
    else if (!through) out.push(0);
  }
  return Float64Array.from(out).sort();
}

/**
 * The earliest start or end of the sorted, disjoint `[start, end)` intervals strictly after `c` and
 * before `edge`, or `edge`.
 */
function nextEdge(list: readonly (readonly [number, number])[], c: number, edge: number): number {
  let out = edge;
  for (let i = 0; i < list.length; i++) {
    const period = list[i]!;
    const a = period[0];
    if (a > out) break;
    if (a > c) out = a;
    else if (period[1] > c && period[1] < out) out = period[1];
  }
  return out;
}

/** Whether `t` lies in one of the sorted, disjoint `[start, end)` intervals. */
function inside(list: readonly (readonly [number, number])[], t: number): boolean {
  for (const [a, b] of list) {
    if (t < a) return false;
    if (t < b) return true;
  }
  return false;
}

/**
 * The `[start, end)` periods sorted and merged where they touch or overlap.
 * @throws InvalidArgumentError (`ShiftCalendar: …`) for a period that is not a finite start < end.
 */
function mergeIntervals(kind: string, periods: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = periods.map(([a, b], i): [number, number] => {
    if (!(Number.isFinite(a) && Number.isFinite(b) && a < b))
      throw new InvalidArgumentError(
        `ShiftCalendar: ${kind} period ${i} must have start < end (got ${a} s – ${b} s)`,
      );
    return [a, b];
  });
  sorted.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function mod(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}
