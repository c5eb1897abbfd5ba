import { argMax } from '../_internal/arg-best.js';
import type { DispatchPolicy } from '../contract.js';

/** Highest part priority first (`priority`, higher is more urgent). */
export const byPriority: DispatchPolicy = {
  name: 'priority',
  decide: (p) => argMax(p.options, (o) => o.priority),
};
