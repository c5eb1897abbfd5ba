/**
 * The factory vocabulary on the kernel: parts, buffers, conveyors, stations (machine groups) with
 * failures and preventive maintenance, crew and operator pools, robot fleets, sources and sinks, all sharing one
 * {@link Plant} context that publishes typed events, and a statistics collector built only from those events.
 */

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
  RouteView,
  RoutingPoint,
  RoutingPolicy,
  StationView,
  TransportPoint,
  TransportPolicy,
  TransportView,
} from '../policies/contract.js';
export { type Branch, branchTarget } from './branching.js';
export type { BufferOptions, SpaceWaiter } from './buffer.js';
export { Buffer } from './buffer.js';
export type { ConveyorItem, ConveyorOptions } from './conveyor.js';
export { Conveyor } from './conveyor.js';
export type { ConveyorState } from './conveyor-state.js';
export { CONVEYOR_STATES } from './conveyor-state.js';
export type { ConveyorReport } from './conveyor-statistics.js';
export { ConveyorStatistics } from './conveyor-statistics.js';
export type { ConwipSourceOptions } from './conwip-source.js';
export { ConwipSource } from './conwip-source.js';
export type { CrewJob, CrewJobRef, CrewPoolOptions, CrewSpec, CrewTravel } from './crew-pool.js';
export { CrewPool } from './crew-pool.js';
export type { DecisionBrokerOptions } from './decisions/decision-broker.js';
export { DecisionBroker } from './decisions/decision-broker.js';
export { naturalCompare, naturalKey } from './decisions/natural-key.js';
export type { EventMap, Listener } from './emitter.js';
export { Emitter } from './emitter.js';
export type { EnergyReport, PlantPower, PowerSpec } from './energy-meter.js';
export { conveyorPowerKW, EnergyMeter, robotPowerKW, serverPowerKW } from './energy-meter.js';
export { DeadlockError, ZeroTimeLoopError } from './errors.js';
export type { PlantEvents } from './events.js';
export type { FailureBasis, FailureModeOptions } from './failure-mode.js';
export type { DefectAction, InspectionOptions, InspectionOutcome } from './inspection.js';
export type { MachineTender, TendRequest } from './machine-tender.js';
export type { MaintenancePlanOptions } from './maintenance-plan.js';
export type { OperatorJob, OperatorJobRef, OperatorPoolOptions } from './operator-pool.js';
export { OperatorPool } from './operator-pool.js';
export type { OperatorPoolReport, OperatorReport } from './operator-statistics.js';
export { OperatorStatistics } from './operator-statistics.js';
export type { Order, OrderSourceOptions } from './order-source.js';
export { OrderSource } from './order-source.js';
export type { OrderReport } from './order-statistics.js';
export { OrderStatistics } from './order-statistics.js';
export type { PartOptions, StepRecord } from './part.js';
export { Part } from './part.js';
export type { DecisionStop, PartReceiver, PlantRunOptions } from './plant.js';
export { DEFAULT_MAX_EVENTS_PER_INSTANT, Plant } from './plant.js';
export type { Position } from './position.js';
export { distanceM } from './position.js';
export type { ProductSpec } from './product.js';
export type { RobotFleetOptions, RobotSpec } from './robot-fleet.js';
export { RobotFleet } from './robot-fleet.js';
export type { RobotJobKind, RobotState } from './robot-state.js';
export { ROBOT_JOB_KINDS, ROBOT_STATES } from './robot-state.js';
export type { RobotFleetReport, RobotReport } from './robot-statistics.js';
export { RobotStatistics } from './robot-statistics.js';
export type { CrewState, OperatorState, ServerState, WorkerState } from './server-state.js';
export { CREW_STATES, SERVER_STATES } from './server-state.js';
export type { ShiftSpec, Weekday } from './shift-calendar.js';
export { ShiftCalendar, WEEKDAYS } from './shift-calendar.js';
export type { SinkOptions } from './sink.js';
export { Sink } from './sink.js';
export { announceState, snapshotOf } from './snapshot.js';
export { positionAt } from './snapshot-motion.js';
export type {
  BufferSnapshot,
  ConveyorItemSnapshot,
  ConveyorSnapshot,
  Counters,
  CrewPoolSnapshot,
  CrewSnapshot,
  Motion,
  OperatorPoolSnapshot,
  OperatorSnapshot,
  OperatorTaskName,
  PartSnapshot,
  PlantSnapshot,
  RobotFleetSnapshot,
  RobotSnapshot,
  ServerSnapshot,
  StationSnapshot,
} from './snapshot-types.js';
export type { SourceOptions } from './source.js';
export { Source } from './source.js';
export type { OperatorNeedOptions } from './station/operator-need.js';
export { OPERATOR_TASKS } from './station/operator-need.js';
export { ANY_PRODUCT, type SetupTable, setupFor } from './station/setup-table.js';
export { Station } from './station/station.js';
export type { StationOptions } from './station/station-options.js';
export type { StepsFrom, StepTimesSpec } from './station/step-times.js';
export type {
  OeeReport,
  PlantReport,
  PlantStatisticsOptions,
  ProductReport,
  StationReport,
} from './stats-collector.js';
export { PlantStatistics } from './stats-collector.js';
export type {
  Worker,
  WorkerJobRef,
  WorkerPoolOptions,
  WorkerRequest,
  WorkerSnapshot,
  WorkerSpec,
  WorkerTravel,
  WorkerTrip,
} from './worker-pool.js';
export { WorkerPool } from './worker-pool.js';
