import type { DispatchPoint, DispatchPolicy, PartView } from '../contract.js';

/** Options of {@link atc}. */
export interface AtcOptions {
  /**
   * Look-ahead parameter (dimensionless, > 0; default 2): the slack is scaled by `k` mean process times.
   * Small `k` makes the rule close to EDD-like urgency, large `k` close to SPT.
   */
  readonly k?: number;
}

/**
 * ATC priority index of `part` (1/s): `(1/p) · exp(−max(0, d − t − W) / (k · p̄))`, where `p` is the mean
 * process time of the current step, `d` the due date, `t` the time of the decision, `W` the mean work left
 * (this step included) and `p̄` the mean `p` of the waiting parts (all in s).
 *
 * The slack `d − t − W` uses the work left of the whole routing, not only this step's `p`: in a job shop a
 * part whose later steps cannot fit before its due date is urgent now (the job-shop form of the rule; with
 * one step left `W = p` and it is the single-machine index). A part with no due date has infinite slack and
 * index 0, so it goes after every part with a due date. A step of zero process time has an infinite index.
 */
export function atcIndex(part: PartView, nowS: number, k: number, meanProcessTimeS: number): number {
  const p = part.processTimeS;
  if (p === 0) return Number.POSITIVE_INFINITY;
  const slack = Math.max(0, part.dueS - nowS - part.workRemainingS);
  return Math.exp(-slack / (k * meanProcessTimeS)) / p;
}

/**
 * Apparent tardiness cost (Vepsalainen & Morton, 1987), unit weights: the largest {@link atcIndex} first;
 * ties keep the earliest option.
 * @throws RangeError (`atc: …`) unless `k` is a finite number > 0.
 */
export function atc(options: AtcOptions = {}): DispatchPolicy {
  const k = options.k ?? 2;
  if (!(Number.isFinite(k) && k > 0)) throw new RangeError(`atc: k must be a finite number > 0 (got ${k})`);
  return {
    name: 'atc',
    decide: (p: DispatchPoint) => {
      const opts = p.options;
      let sum = 0;
      for (const o of opts) sum += o.processTimeS;
      const mean = sum / opts.length;
      let best = 0;
      let bestIndex = atcIndex(opts[0]!, p.now, k, mean);
      for (let i = 1; i < opts.length; i++) {
        const x = atcIndex(opts[i]!, p.now, k, mean);
        if (x > bestIndex || (Number.isNaN(bestIndex) && !Number.isNaN(x))) {
          best = i;
          bestIndex = x;
        }
      }
      return best;
    },
  };
}
