/** Simulated seconds as `d hh:mm:ss` (days only when there are some). */
export function formatSimTime(s: number): string {
  const t = Math.max(0, Math.floor(s));
  const d = Math.floor(t / 86_400);
  const hh = String(Math.floor((t % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
  const ss = String(t % 60).padStart(2, '0');
  return `${d > 0 ? `${d}d ` : ''}${hh}:${mm}:${ss}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The calendar date and time of simulated time `s` (seconds) for a run starting at local `start`
 * (`yyyy-mm-ddThh:mm[:ss]`, no time zone, every day 24 h), e.g. `Tue 2026-12-01 06:00`. Without a start,
 * time 0 is a Monday 00:00 and only the weekday and time are given.
 */
export function formatSimDate(s: number, start: string | null): string {
  if (start === null) {
    const day = Math.floor(Math.max(0, s) / 86_400);
    return `${WEEKDAYS[(day + 1) % 7]} ${formatSimTime(s % 86_400)}`;
  }
  const base = Date.parse(`${start.length === 16 ? `${start}:00` : start}Z`);
  const d = new Date(base + Math.floor(s) * 1000);
  const iso = d.toISOString();
  return `${WEEKDAYS[d.getUTCDay()]} ${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
