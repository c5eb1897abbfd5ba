import { argMin } from '../_internal/arg-best.js';
import type { DispatchPolicy, PartView } from '../contract.js';

/**
 * Flow due date of a part's current step, s: its release time plus the mean work of its routing up to and
 * including this step, `releaseS + (totalWorkS − workRemainingS + processTimeS)` — when the step would end
 * if the part never waited.
 */
export function flowDueDate(part: PartView): number {
  return part.releaseS + (part.totalWorkS - part.workRemainingS + part.processTimeS);
}

/**
 * FDD/MWKR: the smallest ratio of the flow due date ({@link flowDueDate}, s) to the work remaining
 * (`workRemainingS`, s): early flow due dates and much work left go first.
 */
export const fddMwkr: DispatchPolicy = {
  name: 'fdd-mwkr',
  decide: (p) => argMin(p.options, (o) => flowDueDate(o) / o.workRemainingS),
};
