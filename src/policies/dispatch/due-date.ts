import { argMin } from '../_internal/arg-best.js';
import type { DispatchPolicy, PartView } from '../contract.js';

/** Earliest due date (`dueS`, s); parts without one (`Infinity`) come last. */
export const edd: DispatchPolicy = {
  name: 'edd',
  decide: (p) => argMin(p.options, (o) => o.dueS),
};

/**
 * Critical ratio of a part at time `nowS` (s): time left to its due date over its mean work left,
 * `(dueS − nowS) / workRemainingS` (dimensionless). Below 1 the part cannot finish on time even without
 * waiting.
 *
 * - No due date (`dueS = Infinity`): `Infinity`, so such parts come after every part with a due date.
 * - Negative slack (past due): the ratio is negative, so late parts come before every part still on time.
 *   Among late parts the plain ratio is kept: the most negative goes first, which favours the late part
 *   with the *least* work left for the same lateness (the classic rule's behaviour; no correction).
 * - No work left (`workRemainingS = 0`, only with zero process times): `−Infinity` when late, `Infinity`
 *   when early, 0 when due exactly now.
 */
export function criticalRatio(part: PartView, nowS: number): number {
  const left = part.dueS - nowS;
  if (part.workRemainingS === 0)
    return left === 0 ? 0 : left < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return left / part.workRemainingS;
}

/** Critical ratio (CR): the smallest {@link criticalRatio} first (see there for no due date and lateness). */
export const cr: DispatchPolicy = {
  name: 'cr',
  decide: (p) => argMin(p.options, (o) => criticalRatio(o, p.now)),
};
