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

/**
 * A weekly working-time calendar: the union of its shifts, repeating every week. Simulated time 0 is
 * Monday 00:00. Answers whether a time is on shift and when the next change (start or end of working
 * time) happens; adjacent or overlapping shifts merge into one working period.
 */
export class ShiftCalendar {
  /** Merged working periods within one week, [start, end) seconds from Monday 00:00, sorted. */
  private readonly periods: readonly (readonly [number, number])[];

  constructor(shifts: readonly ShiftSpec[]) {
    if (shifts.length === 0) throw new InvalidArgumentError('ShiftCalendar: needs at least one shift');
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
  }

  /** `true` when the whole week is working time (the calendar never changes). */
  get always(): boolean {
    const p = this.periods[0];
    return this.periods.length === 1 && p !== undefined && p[0] === 0 && p[1] === WEEK_S;
  }

  /** Working time per week, seconds. */
  get weeklyS(): number {
    return this.periods.reduce((sum, [a, b]) => sum + (b - a), 0);
  }

  /** Whether time `t` (seconds from Monday 00:00 of week 0) is working time. */
  isOn(t: number): boolean {
    const w = mod(t, WEEK_S);
    for (const [a, b] of this.periods) {
      if (w < a) return false;
      if (w < b) return true;
    }
    return false;
  }

  /** The first time strictly after `t` at which {@link ShiftCalendar.isOn} changes (`Infinity` if never). */
  nextChange(t: number): number {
    if (this.always) return Number.POSITIVE_INFINITY;
    // Floor, not t − (t mod week): the week start must be an exact multiple so the change times are exact.
    const weekStart = Math.floor(t / WEEK_S) * WEEK_S;
    const w = t - weekStart;
    // Boundaries of this week and the next (two weeks always contain a change after t).
    for (const offset of [0, WEEK_S]) {
      for (const [a, b] of this.periods) {
        for (const edge of [a, b]) {
          // A boundary where a period ends and the next begins at once (0 and WEEK_S of a wrap) is no change.
          if (
            edge + offset > w &&
            this.isOn(weekStart + edge + offset) !== this.isOn(weekStart + edge + offset - 1e-9)
          ) {
            return weekStart + edge + offset;
          }
        }
      }
    }
    return Number.POSITIVE_INFINITY;
  }
}

function mod(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}
