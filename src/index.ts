/**
 * shopfloor's public API: a discrete-event digital twin of a factory.
 *
 * `import { … } from 'shopfloor'` gives, in layers (each only uses the ones above it, see DESIGN.md):
 *
 * - **kernel** (`src/engine`): {@link Simulation} (clock, calendar, `run`/`step`), generator processes,
 *   {@link Resource}, {@link Store}, {@link Container}, named random streams, distributions and statistics
 *   (`Tally`, `TimeWeighted`, `confidenceInterval`, …). Times are float64 seconds.
 * - **entities** (`src/entities`): the factory vocabulary a plant is built from by hand — {@link Plant},
 *   {@link Source}, {@link Buffer}, {@link Station}, {@link Conveyor}, {@link RobotFleet}, {@link CrewPool}, {@link OperatorPool},
 *   {@link Sink}, shift calendars, energy metering, the statistics collectors, and the typed events
 *   ({@link PlantEvents}) a plant publishes.
 * - **decision contract and built-in rules** (`src/policies`): the decision points an entity hands out and
 *   the {@link Policy} that answers them (types only), and the dispatch, crew and transport rules.
 * - **scenarios** (`src/scenario`): load and validate a scenario file ({@link loadScenarioFile},
 *   {@link loadScenario}; every problem with its path and line, {@link formatProblems}), build it
 *   ({@link buildPlant}) or run its replications ({@link runScenario}), import job-shop instances.
 *   The scenario's section types are prefixed where an entity has the same name
 *   (`ScenarioSource` is a `sources[i]` entry, `Source` the entity).
 *
 * Every name is listed explicitly (no `export *`): what is not here is internal and may change.
 * Example scenarios ship with the package: `import.meta.resolve('shopfloor/scenarios/serial-line.yaml')`.
 *
 * @example
 * ```ts
 * import { loadScenarioFile, runScenario } from 'shopfloor';
 *
 * const loaded = loadScenarioFile('my-line.yaml');
 * if (loaded.ok) console.log(runScenario(loaded.scenario, { replications: 5 }).kpis.throughputPerHour);
 * ```
 *
 * @packageDocumentation
 */

// ── Kernel (src/engine) ─────────────────────────────────────────────────────────────────────────────

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

// ── Entities (src/entities) ─────────────────────────────────────────────────────────────────────────
// The decision-point types of src/entities/decision.ts are not re-exported: the contract below
// (src/policies/contract.ts) supersedes them, and the two share names.

export type {
  BufferOptions,
  ConveyorItem,
  ConveyorOptions,
  ConveyorReport,
  ConveyorState,
  ConwipSourceOptions,
  CrewJob,
  CrewPoolOptions,
  CrewSpec,
  CrewState,
  CrewTravel,
  DecisionBrokerOptions,
  DecisionStop,
  DefectAction,
  EnergyReport,
  EventMap,
  FailureBasis,
  FailureModeOptions,
  InspectionOptions,
  InspectionOutcome,
  Listener,
  MachineTender,
  MaintenancePlanOptions,
  OeeReport,
  OperatorJob,
  OperatorNeedOptions,
  OperatorPoolOptions,
  OperatorPoolReport,
  OperatorReport,
  OperatorState,
  Order,
  OrderSourceOptions,
  PartOptions,
  PartReceiver,
  PlantEvents,
  PlantPower,
  PlantReport,
  PlantRunOptions,
  PlantStatisticsOptions,
  Position,
  PowerSpec,
  ProductReport,
  ProductSpec,
  RobotFleetOptions,
  RobotFleetReport,
  RobotReport,
  RobotSpec,
  RobotState,
  ServerState,
  ShiftSpec,
  SinkOptions,
  SourceOptions,
  SpaceWaiter,
  StationOptions,
  StationReport,
  StepRecord,
  TendRequest,
  Weekday,
  Worker,
  WorkerPoolOptions,
  WorkerRequest,
  WorkerSpec,
  WorkerState,
  WorkerTravel,
} from './entities/index.js';
export {
  Buffer,
  CONVEYOR_STATES,
  Conveyor,
  ConveyorStatistics,
  ConwipSource,
  CREW_STATES,
  CrewPool,
  conveyorPowerKW,
  DEFAULT_MAX_EVENTS_PER_INSTANT,
  DeadlockError,
  DecisionBroker,
  distanceM,
  Emitter,
  EnergyMeter,
  naturalCompare,
  naturalKey,
  OPERATOR_TASKS,
  OperatorPool,
  OperatorStatistics,
  OrderSource,
  Part,
  Plant,
  PlantStatistics,
  ROBOT_JOB_KINDS,
  ROBOT_STATES,
  RobotFleet,
  RobotStatistics,
  robotPowerKW,
  SERVER_STATES,
  ShiftCalendar,
  Sink,
  Source,
  Station,
  serverPowerKW,
  WEEKDAYS,
  WorkerPool,
  ZeroTimeLoopError,
} from './entities/index.js';

// ── Decision contract and built-in rules (src/policies) ─────────────────────────────────────────────

export type {
  AnyDecisionPoint,
  CrewJobView,
  CrewPoint,
  CrewPolicy,
  DecisionKind,
  DecisionPoint,
  DispatchPoint,
  DispatchPolicy,
  MaintenanceOption,
  MaintenancePoint,
  MaintenancePolicy,
  OperatorJobView,
  OperatorPoint,
  OperatorPolicy,
  OperatorTask,
  PartView,
  Point,
  Policy,
  PolicySet,
  RobotJobKind,
  RouteView,
  RoutingPoint,
  RoutingPolicy,
  StationView,
  TransportPoint,
  TransportPolicy,
  TransportView,
} from './policies/contract.js';
export { DECISION_KINDS } from './policies/decision-kinds.js';
export type { AtcOptions, DispatchRuleName, DispatchSpec } from './policies/index.js';
export {
  atc,
  atcIndex,
  byPriority,
  byStationPriority,
  CREW_RULES,
  campaign,
  cr,
  criticalRatio,
  DISPATCH_RULE_NAMES,
  DISPATCH_RULES,
  dispatchPolicy,
  edd,
  fastest,
  fddMwkr,
  fifo,
  fifoTransport,
  firstAlternative,
  firstComeOperator,
  firstRequested,
  flowDueDate,
  leastWork,
  lifo,
  lpt,
  lwkr,
  MAINTENANCE_RULES,
  maintainNow,
  mopnr,
  mwkr,
  nearestIdle,
  nearestMachine,
  OPERATOR_RULES,
  operatorByPriority,
  ROUTING_RULES,
  randomRule,
  shortestQueue,
  spt,
  TRANSPORT_RULES,
  WHEN_IDLE_MAX_POSTPONEMENTS,
  whenIdle,
  whenIdleUpTo,
} from './policies/index.js';

// ── Reinforcement learning (src/rl) ─────────────────────────────────────────────────────────────────

export type {
  BoxSpace,
  CheckEnvOptions,
  CheckEnvReport,
  CheckResult,
  CostWeights,
  DiscreteSpace,
  EnvErrorCode,
  EnvInfo,
  IllegalActionMode,
  MultiBinarySpace,
  ObservationScales,
  ResetOptions,
  ResetResult,
  RewardContext,
  RewardFunction,
  RewardName,
  ShopfloorEnvOptions,
  SlotMode,
  Space,
  StepResult,
  VectorEnvOptions,
  VectorResetResult,
  VectorStepResult,
} from './rl/index.js';
export {
  boxSize,
  CANDIDATE_FEATURES,
  CheckEnvError,
  CONTEXT_FEATURES,
  checkEnv,
  contains,
  DEFAULT_COST_WEIGHTS,
  EnvClosedError,
  EnvConfigError,
  EnvError,
  InvalidActionError,
  NeedsResetError,
  OBSERVATION_CLIP,
  observationFeatureNames,
  ShopfloorEnv,
  spaceProblems,
  VectorEnv,
} from './rl/index.js';

// ── Trained policies (ONNX) and rules chosen per run (src/rl/policy) ──────────────────────────────

export type {
  EnvObservationSpec,
  LoadedPolicies,
  LoadPoliciesOptions,
  OnnxModelInfo,
  PolicyChoice,
  PolicyDecision,
  PolicyErrorCode,
  PolicyFit,
  PolicyMetadata,
  PolicyObservationSpec,
  RunWithPoliciesOptions,
} from './rl/index.js';
export {
  checkPoliciesFit,
  checkPolicyChoices,
  loadPolicies,
  MASKED_ARGMAX,
  maskedArgmax,
  OBSERVATION_LAYOUT_VERSION,
  OnnxPolicy,
  observationSpecProblems,
  POLICY_METADATA_FORMAT,
  POLICY_METADATA_KEY,
  PolicyError,
  parsePolicyChoice,
  parsePolicyMetadata,
  RULE_NAMES,
  readOnnxMetadata,
  runReplicationsWithPolicies,
  runScenarioWithPolicies,
  scenarioFingerprint,
  sharedPolicies,
  withRules,
} from './rl/index.js';

// ── Scenarios (src/scenario) ────────────────────────────────────────────────────────────────────────

export type {
  BufferSpec,
  BuildOptions,
  BuiltModel,
  ConveyorSpec,
  Crew as ScenarioCrew,
  DistributionSpec,
  EnvSpec,
  FailureMode as ScenarioFailureMode,
  JobShopInstance,
  JobShopOperation,
  JobShopParseResult,
  JobShopProblem,
  JobShopScenarioOptions,
  LoadOptions,
  LoadResult,
  OperatorPoolSpec,
  Order as ScenarioOrder,
  OrderRow,
  OrdersCsvResult,
  PortableScenario,
  PreventivePlan as ScenarioPreventivePlan,
  Problem,
  Product as ScenarioProduct,
  QuantityKind,
  QuantityResult,
  ReferenceProblem,
  ReplicationData,
  ReplicationRun,
  RobotFleetSpec,
  RunProgress,
  RunScenarioOptions,
  Scenario,
  ShiftCalendarSpec,
  Source as ScenarioSource,
  Station as ScenarioStation,
  WarningCheck,
  WarningContext,
  WarningFinding,
  WarningOptions,
} from './scenario/index.js';
export {
  BuildError,
  bestKnownMakespan,
  buildPlant,
  checkReferences,
  DISTRIBUTION_FAMILIES,
  EnvSchema,
  expectedQuantity,
  formatPath,
  formatProblems,
  jobShopInstanceNames,
  jobShopToScenarioYaml,
  LIMITS,
  loadJobShopInstance,
  loadScenario,
  loadScenarioFile,
  PROGRESS_EVENTS,
  parseDuration,
  parseJobShop,
  parseLength,
  parseOrdersCsv,
  parsePower,
  parseQuantity,
  parseSpeed,
  portableScenario,
  quantityPattern,
  REWARD_NAMES,
  revivePortableScenario,
  runReplications,
  ScenarioSchema,
  scenarioJsonSchema,
  scenarioWarnings,
  TRUNCATION_MEAN_TOLERANCE,
  toDistribution,
  unitsOf,
  WARNING_CHECKS,
} from './scenario/index.js';

// ── Reports (src/report) ────────────────────────────────────────────────────────────────────────────

export type {
  ActivePeriod,
  Aggregation,
  BottleneckShare,
  CompareAlternative,
  CompareReportInput,
  Estimate,
  EstimateOf,
  FamilyFigure,
  Figure,
  FigureFormat,
  FigureRow,
  FigureSeries,
  FiguresOf,
  FigureUnit,
  LayoutCell,
  ObserveRunOptions,
  OrderAttributes,
  PageBlock,
  PairedDifference,
  RatioFigure,
  ReportPage,
  ReportTable,
  RunObservations,
  RunReportInput,
  RunSampler,
  SampledRun,
  ScenarioResult,
  ScheduleRecorder,
  ScheduleRow,
  ScheduleRowKind,
  Section,
  SweepPoint,
  SweepReportInput,
  TableLayout,
  ValueFigure,
  VegaLiteSpec,
} from './report/index.js';
export {
  ACTIVE_STATES,
  activePeriodBottlenecks,
  aggregateFigure,
  aggregateReplications,
  aggregateRow,
  compareReportBlocks,
  compareReportHtml,
  DASH_FOOTNOTE,
  definedMeanEstimate,
  FIGURE_REFERENCE_END,
  FIGURE_REFERENCE_START,
  familyFigure,
  figureReference,
  formatReport,
  meanEstimate,
  OBSERVATION_SAMPLES,
  observeRun,
  pooledRatioEstimate,
  ratioFigure,
  recordSchedule,
  renderPage,
  replicationValue,
  replicationValues,
  reportTables,
  resultCsvFiles,
  runReportBlocks,
  runReportHtml,
  runScenario,
  runScenarioObserved,
  SCHEDULE_CSV_HEADER,
  SECTIONS,
  scheduleToCsv,
  sweepReportBlocks,
  sweepReportHtml,
  valueFigure,
  withFigureReference,
} from './report/index.js';

// ── Experiments (src/experiments) ───────────────────────────────────────────────────────────────────

export type {
  Alternative,
  CompareOptions,
  CompareResult,
  DesignPoint,
  DifferenceInterval,
  Factor,
  KimNelsonOptions,
  KimNelsonResult,
  MserResult,
  Objective,
  Override,
  PointRecord,
  PrecisionOptions,
  PrecisionResult,
  ReplicationOutcome,
  ReplicationPool,
  ReplicationRunner,
  ReplicationTask,
  SweepManifest,
  SweepPlan,
  SweepSpec,
  SweepTable,
  TransientSeries,
  WarmupDetection,
} from './experiments/index.js';
export {
  compareAlternatives,
  compareHtml,
  createReplicationPool,
  detectWarmup,
  detectWarmupFromSeries,
  gridDesign,
  kimNelson,
  kimNelsonH2,
  lhsDesign,
  loadWithOverrides,
  mergeShards,
  mser,
  OverrideError,
  pairedDifference,
  parseFactor,
  planSweep,
  runReplication,
  runSweep,
  sequentialReplications,
  sweepHtml,
  sweepTableCsv,
  welchDifference,
} from './experiments/index.js';

// ── Watching a run: traces, OCEL, live stream (src/stream) ─────────────────────────────────────────

export type { ObservedRun, RunObserver } from './scenario/index.js';
export type {
  Frame,
  FrameKind,
  KeyFrame,
  Layout,
  LiveServerOptions,
  OcelWriterOptions,
  PlantSnapshot,
  TraceHeader,
  TraceWriterOptions,
} from './stream/index.js';
export {
  buildLayout,
  LiveServer,
  OcelWriter,
  openTrace,
  StateBuilder,
  TraceFormatError,
  TraceReader,
  TraceWriter,
} from './stream/index.js';
