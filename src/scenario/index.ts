/**
 * Scenario files: units, the schema (zod, strict), loading YAML/JSON with every problem reported with
 * its path and line, reference checks, and the JSON Schema for editors.
 */

export { BuildError } from './build/build-error.js';
export type { BuildOptions, BuiltModel } from './build/build-plant.js';
export { buildPlant } from './build/build-plant.js';
export type { PlantPlan, StationTimes } from './build/plant-plan.js';
export { planPlant } from './build/plant-plan.js';
export { type LimitReason, RunLimits } from './build/run-limits.js';
export type { ObservedRun, RunObserver } from './build/run-observer.js';
export { nextObserverStop } from './build/run-observer.js';
export type {
  ObservedTransient,
  ReplicationData,
  ReplicationRun,
  RunProgress,
  RunScenarioOptions,
} from './build/run-scenario.js';
export { PROGRESS_EVENTS, runReplications } from './build/run-scenario.js';
export type { DistributionSpec } from './distribution-schema.js';
export { DISTRIBUTION_FAMILIES, DurationDistribution, toDistribution } from './distribution-schema.js';
export type { EnvSpec } from './env-schema.js';
export { EnvSchema, REWARD_NAMES } from './env-schema.js';
export { bestKnownMakespan, jobShopInstanceNames, loadJobShopInstance } from './jobshop/instances.js';
export type {
  JobShopInstance,
  JobShopOperation,
  JobShopParseResult,
  JobShopProblem,
} from './jobshop/parse.js';
export { parseJobShop } from './jobshop/parse.js';
export type { JobShopScenarioOptions } from './jobshop/to-scenario.js';
export { jobShopToScenarioYaml } from './jobshop/to-scenario.js';
export { scenarioJsonSchema } from './json-schema.js';
export { LIMITS } from './limits.js';
export type { LoadOptions, LoadResult, ParsedScenario, ParseResult } from './load.js';
export { checkScenario, loadScenario, parseScenario } from './load.js';
export { loadScenarioFile } from './load-file.js';
export type { OrderRow, OrdersCsvResult } from './orders-csv.js';
export { parseOrdersCsv } from './orders-csv.js';
export type { PortableScenario } from './portable.js';
export { portableScenario, revivePortableScenario } from './portable.js';
export type { Problem } from './problem.js';
export { formatPath, formatProblems } from './problem.js';
export type { ReferenceProblem } from './references.js';
export { checkReferences } from './references.js';
export type {
  BufferSpec,
  ConveyorSpec,
  Crew,
  FailureMode,
  OperatorPoolSpec,
  Order,
  PreventivePlan,
  Product,
  RobotFleetSpec,
  Scenario,
  ShiftCalendarSpec,
  Source,
  Station,
} from './schema.js';
export { ScenarioSchema } from './schema.js';
export type { QuantityKind, QuantityResult } from './units.js';
export {
  expectedQuantity,
  parseDuration,
  parseLength,
  parsePower,
  parseQuantity,
  parseSpeed,
  quantityPattern,
  unitsOf,
} from './units.js';
export type {
  RunWarningCheck,
  WarningCheck,
  WarningContext,
  WarningFinding,
  WarningOptions,
} from './warnings.js';
export {
  calendarNeverOn,
  overlappingShifts,
  RUN_WARNING_CHECKS,
  runWarnings,
  scenarioWarnings,
  sourceFeedsClosedStation,
  stationNotVisited,
  TRUNCATION_MEAN_TOLERANCE,
  truncatedNormalMoved,
  WARNING_CHECKS,
  warmupShorterThanTransient,
  wearWithoutMaintenance,
} from './warnings.js';
