import type { Distribution } from '../engine/index.js';

/**
 * What advances a failure mode towards its next failure:
 * - `calendar`: elapsed time, whatever the server does (counted from the end of the last repair of this mode);
 * - `operating`: only time spent `busy` (processing);
 * - `cycles`: the number of parts processed — the server fails after every `cycles` parts.
 */
export type FailureBasis = 'calendar' | 'operating' | 'cycles';

/**
 * One failure mode of a station; each server of the station fails independently under it.
 *
 * A failure interrupts the part in process: the part stays on the server and, after the repair,
 * processing resumes for exactly the work time that remained (no rework, no scrap). A server that
 * fails while holding a processed part (blocked) keeps it and tries to pass it on after the repair.
 * A failure due while the server is already down or in maintenance happens as soon as it is back up.
 *
 * Times to failure and times to repair are drawn from the stream `${station}/failure/${name}`
 * only, so changing another station or mode never changes this mode's draws.
 */
export interface FailureModeOptions {
  /** Name, unique within the station (e.g. `'jam'`). */
  readonly name: string;
  /** What advances it (default `'calendar'`). */
  readonly basis?: FailureBasis;
  /** Time to failure in seconds of the basis (`calendar`/`operating`); required unless `basis` is `cycles`. */
  readonly timeToFailure?: Distribution;
  /** Parts processed between failures (`cycles` basis), an integer ≥ 1. */
  readonly cycles?: number;
  /** Time to repair once the crew is at the machine, seconds. */
  readonly timeToRepair: Distribution;
  /** Skill a crew needs to repair it (default: any crew). */
  readonly skill?: string;
}
