import type { Distribution } from '../engine/index.js';

/**
 * A preventive maintenance plan of a station, applied to each server separately.
 *
 * When it falls due the server finishes (and passes on) the part it holds, then stops in state
 * `maintenance` and asks for a crew; the waiting time and the crew's travel count as maintenance.
 * The next interval is counted from the end of the maintenance. Durations are drawn from the stream
 * `${station}/maintenance/${name}`.
 *
 * When it falls due the station's maintenance rule (or the agent) decides: do it now, or postpone it by
 * `postponeS` of calendar time and decide again then (a `maintenance` decision; the default rule does it
 * now).
 */
export interface MaintenancePlanOptions {
  /** Name, unique within the station. */
  readonly name: string;
  /** `calendar`: every `intervalS` of elapsed time; `operating`: every `intervalS` of busy time (default `calendar`). */
  readonly basis?: 'calendar' | 'operating';
  /** Interval, seconds (> 0). */
  readonly intervalS: number;
  /** Duration once the crew is at the machine, seconds. */
  readonly duration: Distribution;
  /** Skill the crew needs (default: any crew). */
  readonly skill?: string;
  /** How long a postponed maintenance waits before it is decided again, seconds (default `intervalS / 10`). */
  readonly postponeS?: number;
}
