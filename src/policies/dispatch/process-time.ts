import { argMax, argMin } from '../_internal/arg-best.js';
import type { DispatchPolicy } from '../contract.js';

/** Shortest processing time: the smallest mean process time of the current step (`processTimeS`, s). */
export const spt: DispatchPolicy = {
  name: 'spt',
  decide: (p) => argMin(p.options, (o) => o.processTimeS),
};

/** Longest processing time: the largest mean process time of the current step (`processTimeS`, s). */
export const lpt: DispatchPolicy = {
  name: 'lpt',
  decide: (p) => argMax(p.options, (o) => o.processTimeS),
};
