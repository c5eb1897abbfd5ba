/**
 * The domain-free discrete-event kernel: calendar, clock, run control, processes, resources,
 * random streams and statistics. Nothing in here knows about factories.
 */

export type { EventHandler, EventId } from './calendar.js';
export type { FirstOf } from './condition.js';
export type { ContainerOptions } from './container.js';
export { Container, ContainerRequest } from './container.js';
export type { SimErrorCode } from './errors.js';
export { InvalidArgumentError, InvalidStateError, SimulationError } from './errors.js';
export type { EventCallback } from './event.js';
export { SimEvent } from './event.js';
export { Interrupt } from './interrupt.js';
export type { ProcessGenerator, Yieldable } from './process.js';
export { Process } from './process.js';
export type {
  BernoulliOptions,
  ConstantOptions,
  DiscreteChoiceOptions,
  Distribution,
  EmpiricalOptions,
  ErlangOptions,
  ExponentialOptions,
  GammaOptions,
  LognormalLogOptions,
  LognormalOptions,
  NormalOptions,
  PertOptions,
  PiecewiseEmpiricalOptions,
  TriangularOptions,
  UniformOptions,
  WeibullOptions,
} from './random/index.js';
export {
  Bernoulli,
  Constant,
  DiscreteChoice,
  dist,
  Empirical,
  Erlang,
  Exponential,
  Gamma,
  Lognormal,
  Normal,
  Pert,
  PiecewiseEmpirical,
  RandomStream,
  RandomStreams,
  Triangular,
  Uniform,
  Weibull,
} from './random/index.js';
export type { Preempted, RequestState } from './request.js';
export { Request } from './request.js';
export type { QueueDiscipline, RequestOptions, ResourceOptions } from './resource.js';
export { Resource } from './resource.js';
export type { RunOptions, RunResult, SimulationOptions, StopReason } from './simulation.js';
export { Simulation } from './simulation.js';
export type {
  BatchMeansOptions,
  ConfidenceInterval,
  HistogramOptions,
  TallyOptions,
  TallyQuantileMemory,
  TallySummary,
  TimeWeightedOptions,
} from './stats/index.js';
export { BatchMeans, confidenceInterval, Histogram, Tally, TimeWeighted } from './stats/index.js';
export type { StoreDiscipline, StoreOptions } from './store.js';
export { Store, StoreGet, StorePut } from './store.js';
export { Timeout } from './timeout.js';
export type { Resettable } from './warmup.js';
export { scheduleWarmup } from './warmup.js';
