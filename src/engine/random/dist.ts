import { Bernoulli, type BernoulliOptions } from './distributions/bernoulli.js';
import { Constant, type ConstantOptions } from './distributions/constant.js';
import { DiscreteChoice, type DiscreteChoiceOptions } from './distributions/discrete-choice.js';
import { Empirical, type EmpiricalOptions } from './distributions/empirical.js';
import { Erlang, type ErlangOptions } from './distributions/erlang.js';
import { Exponential, type ExponentialOptions } from './distributions/exponential.js';
import { Gamma, type GammaOptions } from './distributions/gamma.js';
import { Lognormal, type LognormalLogOptions, type LognormalOptions } from './distributions/lognormal.js';
import { Normal, type NormalOptions } from './distributions/normal.js';
import { Pert, type PertOptions } from './distributions/pert.js';
import { PiecewiseEmpirical, type PiecewiseEmpiricalOptions } from './distributions/piecewise-empirical.js';
import { Triangular, type TriangularOptions } from './distributions/triangular.js';
import { Uniform, type UniformOptions } from './distributions/uniform.js';
import { Weibull, type WeibullOptions } from './distributions/weibull.js';

/**
 * One factory per distribution, named after its `kind`: `dist.exponential({ mean: 2 })` is
 * `new Exponential({ mean: 2 })`. Options and validation are those of the classes.
 */
export const dist = Object.freeze({
  /** {@link Constant}: every sample is `value`. */
  constant: (options: ConstantOptions): Constant => new Constant(options),
  /** {@link Uniform} on [min, max). */
  uniform: (options: UniformOptions): Uniform => new Uniform(options),
  /** {@link Triangular} on [min, max] peaking at `mode`. */
  triangular: (options: TriangularOptions): Triangular => new Triangular(options),
  /** {@link Exponential} with the given mean. */
  exponential: (options: ExponentialOptions): Exponential => new Exponential(options),
  /** {@link Erlang}: sum of `k` exponential phases with total mean `mean`. */
  erlang: (options: ErlangOptions): Erlang => new Erlang(options),
  /** {@link Gamma} with shape and scale. */
  gamma: (options: GammaOptions): Gamma => new Gamma(options),
  /** {@link Normal}, optionally truncated at zero. */
  normal: (options: NormalOptions): Normal => new Normal(options),
  /** {@link Lognormal} from the mean and coefficient of variation of the samples. */
  lognormal: (options: LognormalOptions): Lognormal => new Lognormal(options),
  /** {@link Lognormal} from μ and σ of ln X. */
  lognormalFromLogParams: (options: LognormalLogOptions): Lognormal => Lognormal.fromLogParams(options),
  /** {@link Weibull} with shape and scale. */
  weibull: (options: WeibullOptions): Weibull => new Weibull(options),
  /** {@link Pert} (beta-PERT, λ = 4) on [min, max] with the given mode. */
  pert: (options: PertOptions): Pert => new Pert(options),
  /** {@link Empirical}: weighted discrete values. */
  empirical: (options: EmpiricalOptions): Empirical => new Empirical(options),
  /** {@link PiecewiseEmpirical}: continuous, interpolating the empirical CDF of observations. */
  piecewiseEmpirical: (options: PiecewiseEmpiricalOptions): PiecewiseEmpirical =>
    new PiecewiseEmpirical(options),
  /** {@link DiscreteChoice}: weighted choice among items of any type. */
  discreteChoice: <T>(options: DiscreteChoiceOptions<T>): DiscreteChoice<T> => new DiscreteChoice(options),
  /** {@link Bernoulli}: 1 with probability p, else 0. */
  bernoulli: (options: BernoulliOptions): Bernoulli => new Bernoulli(options),
});
