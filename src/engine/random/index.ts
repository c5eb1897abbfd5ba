/**
 * Random numbers for the kernel: named, seeded streams ({@link RandomStreams}) and the distributions
 * that sample from them.
 */

export { dist } from './dist.js';
export type { Distribution } from './distribution.js';
export { Bernoulli, type BernoulliOptions } from './distributions/bernoulli.js';
export { Constant, type ConstantOptions } from './distributions/constant.js';
export { DiscreteChoice, type DiscreteChoiceOptions } from './distributions/discrete-choice.js';
export { Empirical, type EmpiricalOptions } from './distributions/empirical.js';
export { Erlang, type ErlangOptions } from './distributions/erlang.js';
export { Exponential, type ExponentialOptions } from './distributions/exponential.js';
export { Gamma, type GammaOptions } from './distributions/gamma.js';
export { Lognormal, type LognormalLogOptions, type LognormalOptions } from './distributions/lognormal.js';
export { Normal, type NormalOptions } from './distributions/normal.js';
export { Pert, type PertOptions } from './distributions/pert.js';
export { PiecewiseEmpirical, type PiecewiseEmpiricalOptions } from './distributions/piecewise-empirical.js';
export { Triangular, type TriangularOptions } from './distributions/triangular.js';
export { Uniform, type UniformOptions } from './distributions/uniform.js';
export { Weibull, type WeibullOptions } from './distributions/weibull.js';
export { RandomStream } from './stream.js';
export { RandomStreams } from './streams.js';
