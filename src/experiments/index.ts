/**
 * Experiments over scenarios: compare alternatives with common random numbers and a selection procedure,
 * sweep parameters in parallel (shards, merge, resume), detect the warm-up (MSER-5), and add
 * replications until a relative precision is reached.
 */

export type {
  Alternative,
  CompareEstimate,
  CompareOptions,
  CompareResult,
  Objective,
  SelectionStatement,
} from './compare.js';
export { compareAlternatives } from './compare.js';
export type { DesignPoint, Factor } from './design.js';
export {
  gridDesign,
  lhsDesign,
  MAX_LEVELS,
  MAX_POINTS,
  parseFactor,
  parseShard,
  shardPoints,
} from './design.js';
export { checkFigureKeys, checkNamedFigures, knownFigureKeys } from './figure-keys.js';
export { figureLabel, figureOf, figureValues } from './figures.js';
export { formatCompare, formatSweep, num } from './format.js';
export { compareHtml, sweepHtml } from './html.js';
export type { KimNelsonOptions, KimNelsonResult } from './kim-nelson.js';
export { kimNelson, kimNelsonH2 } from './kim-nelson.js';
export type { MserResult } from './mser.js';
export { MSER_MIN_KEPT, mser } from './mser.js';
export type { Override, PolicyKind, PolicySetting, ScenarioSource } from './overrides.js';
export {
  loadWithOverrides,
  OverrideError,
  POLICY_KINDS,
  parseOverride,
  policyOverrides,
  policySetting,
  rawDocument,
  readScenarioSource,
  resolvePath,
  scenarioWithOverrides,
} from './overrides.js';
export type { DifferenceInterval } from './paired.js';
export { pairedDifference, welchDifference } from './paired.js';
export type { ReplicationPool } from './pool.js';
export { createReplicationPool, defaultWorkers } from './pool.js';
export type { PrecisionFigure, PrecisionOptions, PrecisionResult } from './precision.js';
export { sequentialReplications } from './precision.js';
export type { FigureValues, ReplicationOutcome, ReplicationRunner, ReplicationTask } from './replication.js';
export { runReplication } from './replication.js';
export type { RunSweepOptions, SweepPlan, SweepRunResult, SweepSpec } from './sweep.js';
export {
  checkSweepPolicies,
  journalName,
  mergeShards,
  planSweep,
  runSweep,
  shardFileName,
  writeTable,
} from './sweep.js';
export type { SweepManifest, SweepPolicy } from './sweep-manifest.js';
export type { PointRecord, SweepRow, SweepTable } from './sweep-table.js';
export { sweepTable, sweepTableCsv, sweepTableJson } from './sweep-table.js';
export type { TransientSeries } from './transient.js';
export { recordTransient } from './transient.js';
export { REPLICATIONS_INTERRUPT_BUDGET, tuneV8ForReplications } from './v8-tuning.js';
export type { DetectWarmupOptions, SeriesTruncation, WarmupDetection } from './warmup.js';
export { detectWarmup, detectWarmupFromSeries } from './warmup.js';
