import type { RandomStream } from '../engine/index.js';
import { InvalidArgumentError } from '../engine/index.js';
import type { Part } from './part.js';

/**
 * One probabilistic branch after a routing step: with probability `p` the part goes on at routing step
 * `toStep` instead of the next one (a rework loop when `toStep` is this step or an earlier one, a skipped
 * optional operation when it is later; `toStep = routing.length` sends it to the sink).
 */
export interface Branch {
  /** Index of the routing step the part jumps to, 0 … routing.length (the sink). */
  readonly toStep: number;
  /** Probability (dimensionless, 0 < p ≤ 1). */
  readonly p: number;
}

/** Slack on the sum of a step's branch probabilities, for decimal fractions such as 0.1 + 0.2. */
const SUM_TOLERANCE = 1e-9;

/**
 * Checks the branches of a product's routing (`branches[i]` after step i).
 * @throws InvalidArgumentError (`Plant.addProduct: …`) for a target outside 0 … `steps`, a probability
 * outside (0, 1], a target listed twice after one step, or probabilities summing to more than 1.
 */
export function checkBranches(
  product: string,
  steps: number,
  branches: readonly (readonly Branch[] | undefined)[],
): void {
  branches.forEach((list, i) => {
    if (list === undefined) return;
    if (i >= steps)
      throw new InvalidArgumentError(
        `Plant.addProduct: ${product} has branches after step ${i}, past its routing`,
      );
    let sum = 0;
    const seen = new Set<number>();
    for (const b of list) {
      if (!(Number.isInteger(b.toStep) && b.toStep >= 0 && b.toStep <= steps))
        throw new InvalidArgumentError(
          `Plant.addProduct: branch after step ${i} of ${product} goes to step ${b.toStep} (expected 0 … ${steps})`,
        );
      if (!(b.p > 0 && b.p <= 1))
        throw new InvalidArgumentError(
          `Plant.addProduct: branch probability after step ${i} of ${product} must be in (0, 1] (got ${b.p})`,
        );
      if (seen.has(b.toStep))
        throw new InvalidArgumentError(
          `Plant.addProduct: two branches after step ${i} of ${product} go to step ${b.toStep}`,
        );
      seen.add(b.toStep);
      sum += b.p;
    }
    if (sum > 1 + SUM_TOLERANCE)
      throw new InvalidArgumentError(
        `Plant.addProduct: branch probabilities after step ${i} of ${product} sum to ${sum} (at most 1)`,
      );
  });
}

/**
 * The step a part goes on at after routing step `done`, given that step's branches and one uniform draw
 * `u` in [0, 1): the branches take consecutive slices of [0, 1) in the order listed (`[0, p₀)`,
 * `[p₀, p₀ + p₁)`, …); the rest of the interval continues to `done + 1`.
 */
export function branchTarget(branches: readonly Branch[], done: number, u: number): number {
  let acc = 0;
  for (const b of branches) {
    acc += b.p;
    if (u < acc) return b.toStep;
  }
  return done + 1;
}

/**
 * Applies the branches after step `done` to a part that just passed it (its `step` already advanced to
 * `done + 1`): one draw from `stream` (by convention `<product>/branch`) per step with branches, whatever
 * the probabilities, so changing one keeps the stream aligned. A part sent to another step chooses its
 * alternative stations again from that step on.
 */
export function applyBranch(
  part: Part,
  done: number,
  branches: readonly Branch[],
  stream: RandomStream,
): void {
  const to = branchTarget(branches, done, stream.next());
  if (to === done + 1) return;
  part.step = to;
  if (part.chosen.length > to) part.chosen.length = to;
}
