import {
  Constant,
  type Distribution,
  Empirical,
  Pert,
  PiecewiseEmpirical,
  Triangular,
  Uniform,
} from '../../engine/index.js';

/**
 * The lowest value a duration distribution can draw, seconds: the bound of a bounded family, the
 * smallest value of an empirical one (or of the samples of a piecewise one), and 0 for the families unbounded below or bounded at 0
 * (exponential, Erlang, gamma, lognormal, Weibull, the normal truncated at 0).
 */
export function lowestSampleS(d: Distribution): number {
  if (d instanceof Constant) return d.value;
  if (d instanceof Uniform || d instanceof Triangular || d instanceof Pert) return Math.max(0, d.min);
  if (d instanceof Empirical) return Math.max(0, Math.min(...d.values));
  if (d instanceof PiecewiseEmpirical) return Math.max(0, Math.min(...d.samples));
  return 0;
}
