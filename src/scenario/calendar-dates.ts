/**
 * Calendar dates of a scenario: `run.start` (a local date-time, no time zone and no daylight saving:
 * every day has 24 h) fixes the moment of simulated time 0; holidays are whole days from 00:00 to 24:00.
 */

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;
/** 1970-01-05, the first Monday of the Unix epoch, seconds after 1970-01-01 00:00. */
const FIRST_MONDAY_S = 4 * DAY_S;

/** Seconds from 1970-01-01 00:00 to a local date-time `yyyy-mm-ddThh:mm[:ss]` (read as UTC). */
export function dateTimeS(dateTime: string): number {
  return Date.parse(`${dateTime}Z`) / 1000;
}

/** Seconds from 1970-01-01 00:00 to the start (00:00) of the date `yyyy-mm-dd`. */
export function dateS(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/** Where simulated time 0 (`run.start`) falls in its week: seconds from the Monday 00:00 before it, [0, 604800). */
export function weekOriginS(start: string): number {
  const r = (dateTimeS(start) - FIRST_MONDAY_S) % WEEK_S;
  return r < 0 ? r + WEEK_S : r;
}

/** The holidays as closed periods `[start, end)` in seconds of simulated time (time 0 = `start`). */
export function holidayPeriods(start: string, holidays: readonly string[]): [number, number][] {
  const t0 = dateTimeS(start);
  return holidays.map((d) => {
    const a = dateS(d) - t0;
    return [a, a + DAY_S];
  });
}

/**
 * Exceptions (extra working time on a date, `startS`/`endS` seconds after its midnight; an end at or
 * before the start runs past midnight) as open periods `[start, end)` in seconds of simulated time.
 */
export function exceptionPeriods(
  start: string,
  exceptions: readonly { readonly date: string; readonly start: number; readonly end: number }[],
): [number, number][] {
  const t0 = dateTimeS(start);
  return exceptions.map((e) => {
    const day = dateS(e.date) - t0;
    return [day + e.start, day + e.end + (e.end <= e.start ? DAY_S : 0)];
  });
}
