import type { DispatchPolicy } from '../contract.js';

/**
 * A uniformly random waiting part: option `⌊u · n⌋` for `u = uniform()` and `n` options. `uniform` must
 * return numbers in [0, 1); the scenario builder passes a named random stream of the simulation (one per
 * station), so runs stay reproducible and independent of other entities' draws. It is called once per
 * decision with two or more options.
 * @throws RangeError (`randomRule: …`) at a decision where `uniform()` returned a number outside [0, 1).
 */
export function randomRule(uniform: () => number): DispatchPolicy {
  return {
    name: 'random',
    decide: (p) => {
      const n = p.options.length;
      if (n === 1) return 0;
      const u = uniform();
      if (!(u >= 0 && u < 1))
        throw new RangeError(`randomRule: uniform() must return a number in [0, 1) (got ${u})`);
      return Math.floor(u * n);
    },
  };
}
