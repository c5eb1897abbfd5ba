import { argMax, argMin } from '../_internal/arg-best.js';
import type { DispatchPolicy } from '../contract.js';

/**
 * Most work remaining: the part with the largest mean work left, this step included
 * (`workRemainingS`, s). In a job shop it favours the jobs that bound the makespan.
 */
export const mwkr: DispatchPolicy = {
  name: 'mwkr',
  decide: (p) => argMax(p.options, (o) => o.workRemainingS),
};

/** Least work remaining: the smallest mean work left, this step included (`workRemainingS`, s). */
export const lwkr: DispatchPolicy = {
  name: 'lwkr',
  decide: (p) => argMin(p.options, (o) => o.workRemainingS),
};

/**
 * Most operations remaining (MOPNR, also called MOR): the most routing steps left, this one included
 * (`operationsRemaining`, a count).
 */
export const mopnr: DispatchPolicy = {
  name: 'mopnr',
  decide: (p) => argMax(p.options, (o) => o.operationsRemaining),
};
