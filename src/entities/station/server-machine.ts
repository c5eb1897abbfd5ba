import type { ServerState } from '../server-state.js';
import type { Server } from './server.js';
import type { ShiftControl } from './shift-control.js';

/**
 * The state machine of one server of a station, in one place.
 *
 * Every transition, as (state, trigger) → state; the last column names the file that carries it out.
 * *up* stands for repair, maintenance and off-shift (the states a server comes back from).
 *
 * | from                          | trigger                                    | to                  | by            |
 * | ----------------------------- | ------------------------------------------ | ------------------- | ------------- |
 * | idle                          | dispatch, with a machine tender            | handling (load)     | station       |
 * | idle, handling                | part on, product changed                   | setup               | station       |
 * | idle, handling, setup, *up*   | **toWork**: part on, ready to be worked    | see below           | this file     |
 * | busy                          | finished, with a machine tender            | handling (unload)   | station       |
 * | busy, blocked, *up*           | destination full                           | blocked, **blocked** | station      |
 * | any holding a part            | part passed on or scrapped: **freed**      | see below           | this file     |
 * | busy, idle, blocked           | failure due                                | down-waiting        | upkeep        |
 * | any other                     | failure due                                | (itself; pending)   | upkeep        |
 * | down-waiting                  | a crew starts the repair                   | repair              | upkeep        |
 * | idle                          | maintenance decided "now"                  | maintenance         | upkeep        |
 * | *up*                          | **up**: repaired, maintained, shift starts | see below           | this file     |
 * | idle                          | shift ends                                 | off-shift           | shift-control |
 * | busy                          | shift ends under `atShiftEnd: 'stop'`      | off-shift           | shift-control |
 * | before load, setup, **work**, unload | the task needs an operator, none held | waiting-operator   | operator-need |
 * | waiting-operator              | she arrived: load/unload, setup, **work**  | handling, setup, see **toWork** | operator-need |
 *
 * The triggers decided here share one check, made once, first: a failure that fell due while the
 * server could not fail (`pending`) strikes as soon as it could work again (`fail` → down-waiting).
 * - **toWork**: off shift under `atShiftEnd: 'stop'` → `rest` (off-shift); else `work` (busy).
 * - **freed**: off shift → `rest`; maintenance due → `maintain`; else `idle` (and a dispatch request).
 * - **up**: no part → as **freed**; an unfinished part → as **toWork**; a processed part → `unload`.
 * - **blocked** (just became blocked): `wait` for space.
 * @internal
 */
export type ServerTrigger = 'toWork' | 'freed' | 'up' | 'blocked';

/** What the station does next with a server: the action of a transition decided here. @internal */
export type ServerStep = 'fail' | 'rest' | 'maintain' | 'idle' | 'work' | 'unload' | 'wait';

/**
 * The next step of server `s` on `trigger`, by the rules of {@link ServerTrigger}. Reads only; the
 * station carries the step out.
 * @internal
 */
export function nextStep(
  trigger: ServerTrigger,
  s: Pick<Server, 'pending' | 'pmDue' | 'part' | 'processed'>,
  shift: Pick<ShiftControl, 'onShift' | 'holdsWork'>,
): ServerStep {
  // NOTE: the server and shift are read in place (no facts object) because this runs per part, for speed.
  if (s.pending.length > 0) return 'fail';
  switch (trigger) {
    case 'toWork':
      return shift.holdsWork ? 'rest' : 'work';
    case 'freed':
      if (!shift.onShift) return 'rest';
      return s.pmDue.length > 0 ? 'maintain' : 'idle';
    case 'up':
      if (s.part === null) return nextStep('freed', s, shift);
      return s.processed ? 'unload' : nextStep('toWork', s, shift);
    case 'blocked':
      return 'wait';
  }
}

/**
 * The transitions that upkeep (failures, maintenance) and shift control trigger on a server; the station
 * implements them, so its idle count and its `serverStateChanged` events stay in one place.
 * @internal
 */
export interface ServerTransitions {
  /** Moves `s` to state `to`, publishing the change. */
  setState(s: Server, to: ServerState): void;
  /** Stops the work in progress on `s`, keeping the part and its remaining work. */
  interrupt(s: Server): void;
  /** `s` may work again (repaired, maintained, or on shift): the **up** trigger. */
  becomeUp(s: Server): void;
}
