/**
 * The decision contract (types only) and the built-in rules that answer it. Policies import the contract
 * only, never entity internals.
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
  RobotJobKind,
  RouteView,
  RoutingPoint,
  RoutingPolicy,
  StationView,
  TransportPoint,
  TransportPolicy,
  TransportView,
} from './contract.js';
export { byStationPriority, CREW_RULES, firstRequested } from './crew-rules.js';
export { DECISION_KINDS } from './decision-kinds.js';
export type { AtcOptions } from './dispatch/atc.js';
export { atc, atcIndex } from './dispatch/atc.js';
export { cr, criticalRatio, edd } from './dispatch/due-date.js';
export { fddMwkr, flowDueDate } from './dispatch/fdd-mwkr.js';
export { byPriority } from './dispatch/priority.js';
export { lpt, spt } from './dispatch/process-time.js';
export { fifo, lifo } from './dispatch/queue-order.js';
export { randomRule } from './dispatch/random.js';
export { campaign, DEFAULT_MAX_RUN, sameProduct } from './dispatch/setup-minimising.js';
export { lwkr, mopnr, mwkr } from './dispatch/work-remaining.js';
export type { DispatchRuleName, DispatchSpec } from './dispatch-rules.js';
export { DISPATCH_RULE_NAMES, DISPATCH_RULES, dispatchPolicy } from './dispatch-rules.js';
export {
  MAINTENANCE_RULES,
  maintainNow,
  WHEN_IDLE_MAX_POSTPONEMENTS,
  whenIdle,
  whenIdleUpTo,
} from './maintenance-rules.js';
export { firstComeOperator, nearestMachine, OPERATOR_RULES, operatorByPriority } from './operator-rules.js';
export { fastest, firstAlternative, leastWork, ROUTING_RULES, shortestQueue } from './routing-rules.js';
export { fifoTransport, nearestIdle, TRANSPORT_RULES } from './transport-rules.js';
