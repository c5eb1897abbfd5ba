/**
 * What a dispatch rule sees of one waiting part (times in seconds). Built by the station at the
 * decision point; it never exposes the part itself.
 */
export interface PartView {
  readonly id: number;
  readonly product: string;
  /** Higher is more urgent. */
  readonly priority: number;
  /** Release time. */
  readonly releaseS: number;
  /** Due date (`Infinity` for none). */
  readonly dueS: number;
  /** Time it entered this station's queue. */
  readonly queuedS: number;
  /** Mean process time of this part at this station. */
  readonly processTimeS: number;
}

/**
 * Chooses which waiting part a free server takes next: returns an index into `waiting`
 * (which is in arrival order and never empty). Must be deterministic.
 */
export type DispatchRule = (waiting: readonly PartView[], now: number) => number;

function argBest(waiting: readonly PartView[], better: (a: PartView, b: PartView) => boolean): number {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (better(waiting[i]!, waiting[best]!)) best = i;
  return best;
}

/** First in, first out: the part that has waited longest (ties cannot happen: arrival order). */
export const fifo: DispatchRule = () => 0;

/** Shortest (mean) process time first; ties by arrival order. */
export const spt: DispatchRule = (waiting) => argBest(waiting, (a, b) => a.processTimeS < b.processTimeS);

/** Earliest due date first; ties by arrival order. */
export const edd: DispatchRule = (waiting) => argBest(waiting, (a, b) => a.dueS < b.dueS);

/** Highest priority first; ties by arrival order. */
export const byPriority: DispatchRule = (waiting) => argBest(waiting, (a, b) => a.priority > b.priority);
