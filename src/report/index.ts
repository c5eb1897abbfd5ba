/**
 * Reports: each figure of a run declared once (key, label, unit, how it is computed from a replication
 * and aggregated over replications), and the result, tables, CSV and README field list derived from the
 * declarations; reports derived from a plant's published events (the schedule).
 */

export { resultCsvFiles } from './csv/result-csv.js';
export { aggregateFigure, aggregateReplications, aggregateRow } from './figures/aggregate.js';
export type {
  Aggregation,
  EstimateOf,
  FamilyFigure,
  Figure,
  FigureFormat,
  FiguresOf,
  FigureUnit,
  RatioFigure,
  ValueFigure,
} from './figures/declaration.js';
export { familyFigure, ratioFigure, replicationValue, valueFigure } from './figures/declaration.js';
export type { Estimate } from './figures/estimate.js';
export { definedMeanEstimate, meanEstimate, pooledRatioEstimate } from './figures/estimate.js';
export {
  FIGURE_REFERENCE_END,
  FIGURE_REFERENCE_START,
  figureReference,
  withFigureReference,
} from './figures/reference.js';
export type { FigureSeries } from './figures/replication-values.js';
export { replicationValues } from './figures/replication-values.js';
export type {
  FigureRow,
  LayoutCell,
  OrderAttributes,
  ScenarioResult,
  Section,
  TableLayout,
} from './figures/sections.js';
export { SECTIONS } from './figures/sections.js';
export type {
  CompareAlternative,
  CompareReportInput,
  PairedDifference,
} from './html/compare-page.js';
export { compareReportBlocks, compareReportHtml } from './html/compare-page.js';
export type { PageBlock, ReportPage, VegaLiteSpec } from './html/page.js';
export { renderPage } from './html/page.js';
export type { RunReportInput } from './html/run-page.js';
export { DEFAULT_GANTT_HOURS, runReportBlocks, runReportHtml } from './html/run-page.js';
export type { SweepPoint, SweepReportInput } from './html/sweep-page.js';
export { sweepReportBlocks, sweepReportHtml } from './html/sweep-page.js';
export type { ActivePeriod, BottleneckShare } from './observe/active-period.js';
export { activePeriodBottlenecks } from './observe/active-period.js';
export type {
  ObserveRunOptions,
  RunObservations,
  RunSampler,
} from './observe/run-observer.js';
export { ACTIVE_STATES, observeRun } from './observe/run-observer.js';
export type { SampledRun } from './run-scenario.js';
export { OBSERVATION_SAMPLES, runScenario, runScenarioObserved } from './run-scenario.js';
export type { ScheduleOptions, ScheduleRecorder, ScheduleRow, ScheduleRowKind } from './schedule.js';
export { recordSchedule, SCHEDULE_CSV_HEADER, scheduleCsvLines, scheduleToCsv } from './schedule.js';
export type { ReportTable } from './text/format-report.js';
export { DASH_FOOTNOTE, formatReport, reportTables } from './text/format-report.js';
