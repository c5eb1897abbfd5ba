import type { DispatchPolicy, PartView } from './contract.js';

/** Index of the best of `views` under `better`; ties keep the earlier one (arrival order). */
function argBest(views: readonly PartView[], better: (a: PartView, b: PartView) => boolean): number {
  let best = 0;
  for (let i = 1; i < views.length; i++) if (better(views[i]!, views[best]!)) best = i;
  return best;
}

/** First in, first out: the part that has waited longest. */
export const fifo: DispatchPolicy = { name: 'fifo', alwaysFirst: true, decide: () => 0 };

/** Shortest (mean) process time first; ties by arrival order. */
export const spt: DispatchPolicy = {
  name: 'spt',
  decide: (p) => argBest(p.options, (a, b) => a.processTimeS < b.processTimeS),
};

/** Earliest due date first; ties by arrival order. */
export const edd: DispatchPolicy = {
  name: 'edd',
  decide: (p) => argBest(p.options, (a, b) => a.dueS < b.dueS),
};

/** Highest part priority first; ties by arrival order. */
export const byPriority: DispatchPolicy = {
  name: 'priority',
  decide: (p) => argBest(p.options, (a, b) => a.priority > b.priority),
};

/** The built-in dispatch rules by the name a scenario file uses. */
export const DISPATCH_RULES: Readonly<Record<'fifo' | 'spt' | 'edd' | 'priority', DispatchPolicy>> = {
  fifo,
  spt,
  edd,
  priority: byPriority,
};
