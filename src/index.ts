/**
 * shopfloor's public API: a discrete-event digital twin of a factory.
 *
 * Today it exposes the simulation kernel; the factory model, scenarios and policies join as they land.
 */

export type { EventHandler, EventId } from './engine/calendar.js';
export type { FirstOf } from './engine/condition.js';
export type { ContainerOptions } from './engine/container.js';
export { Container, ContainerRequest } from './engine/container.js';
export type { SimErrorCode } from './engine/errors.js';
export { InvalidArgumentError, InvalidStateError, SimulationError } from './engine/errors.js';
export type { EventCallback } from './engine/event.js';
export { SimEvent } from './engine/event.js';
export { Interrupt } from './engine/interrupt.js';
export type { ProcessGenerator, Yieldable } from './engine/process.js';
export { Process } from './engine/process.js';
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
} from './engine/random/index.js';
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
} from './engine/random/index.js';
export type { Preempted, RequestState } from './engine/request.js';
export { Request } from './engine/request.js';
export type { QueueDiscipline, RequestOptions, ResourceOptions } from './engine/resource.js';
export { Resource } from './engine/resource.js';
export type { RunOptions, RunResult, SimulationOptions, StopReason } from './engine/simulation.js';
export { Simulation } from './engine/simulation.js';
export type {
  BatchMeansOptions,
  ConfidenceInterval,
  HistogramOptions,
  TallyOptions,
  TallyQuantileMemory,
  TallySummary,
  TimeWeightedOptions,
} from './engine/stats/index.js';
export { BatchMeans, confidenceInterval, Histogram, Tally, TimeWeighted } from './engine/stats/index.js';
export type { StoreDiscipline, StoreOptions } from './engine/store.js';
export { Store, StoreGet, StorePut } from './engine/store.js';
export { Timeout } from './engine/timeout.js';
export type { Resettable } from './engine/warmup.js';
export { scheduleWarmup } from './engine/warmup.js';
