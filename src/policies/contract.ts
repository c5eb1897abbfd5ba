/**
 * The decision contract, types only (DESIGN.md: "decisions are asked, not taken"). Types only: entities import it to
 * ask, policies import it to answer, and neither needs the other's internals.
 *
 * Where an entity has a choice to make it hands the decision broker a {@link DecisionPoint} — a read-only
 * snapshot of the candidates — and a continuation. The broker takes every decision at the end of the
 * simulated instant (after every event at that time has run), so that all candidates that appear at that
 * instant are there, whatever order the simultaneous events ran in. A built-in rule answers at once; an
 * external agent (the RL environment) may answer later: the run pauses at the decision and resumes with
 * the answer, exactly as if a rule had given it.
 *
 * All times are seconds of simulated time, positions metres on the floor plan.
 */

/** A point on the floor plan, metres. */
export interface Point {
  /** metres */
  readonly x: number;
  /** metres */
  readonly y: number;
}

/** What is being decided. */
export type DecisionKind = 'dispatch' | 'routing' | 'crew' | 'transport' | 'maintenance' | 'operator';

/** One decision to take: the candidates and the context. */
export interface DecisionPoint<K extends DecisionKind, O> {
  /** What is being decided. */
  readonly kind: K;
  /** Id of the entity asking (a station, a crew pool, a robot fleet). */
  readonly at: string;
  /** Simulated time of the decision, s. */
  readonly now: number;
  /**
   * The candidates, never empty, in the documented tie-break order of the kind (option 0 is what a
   * first-come-first-served rule takes). The order never depends on the order in which the scenario
   * lists its sources, stations or orders.
   */
  readonly options: readonly O[];
}

/**
 * Answers decision points of one kind. Must be deterministic: a policy that needs randomness draws from
 * a named stream of the simulation, given when it is built.
 */
export interface Policy<P extends DecisionPoint<DecisionKind, unknown>> {
  /** Name shown in reports (`fifo`, `spt`, an agent's name). */
  readonly name: string;
  /** The index into `point.options` of the candidate to take. */
  decide(point: P): number;
  /**
   * Set when the policy always answers 0 (the first candidate in tie-break order). A pure performance
   * hint: the entity may then skip building the views. The answer is the same.
   */
  readonly alwaysFirst?: boolean;
}

/** What a policy sees of one part (times in seconds). Never the part itself. */
export interface PartView {
  readonly id: number;
  readonly product: string;
  /** Higher is more urgent. */
  readonly priority: number;
  /** Release time, s. */
  readonly releaseS: number;
  /** Due date, s (`Infinity` for none). */
  readonly dueS: number;
  /** Time it entered the queue it waits in (or became ready to move, for routing), s. */
  readonly queuedS: number;
  /** Index of the routing step it waits for (0 is the first step). */
  readonly step: number;
  /** Mean process time of this part's current step at this station, s (`NaN` where no station is chosen yet). */
  readonly processTimeS: number;
  /** Routing steps left, this one included (≥ 1). */
  readonly operationsRemaining: number;
  /**
   * Mean work left, this step included, s: the sum over the steps left of the mean process time (the
   * mean over its stations for a step with alternatives).
   */
  readonly workRemainingS: number;
  /** Mean work of the whole routing, s (same convention as `workRemainingS`). */
  readonly totalWorkS: number;
  /**
   * Station of the step after this one (`undefined` after the last step; for a step with alternatives,
   * the first alternative).
   */
  readonly nextStation: string | undefined;
}

/** What a policy sees of a station. */
export interface StationView {
  readonly id: string;
  /** Number of parallel servers. */
  readonly servers: number;
  /** Servers idle now (free and able to take work). */
  readonly idleServers: number;
  /** Parts waiting in its input queue. */
  readonly queueLength: number;
  /** Input queue capacity (`Infinity` for unbounded). */
  readonly queueCapacity: number;
  /** Sum of the mean process times of the parts waiting in its queue, s. */
  readonly workInQueueS: number;
  /** Where it stands, m (`undefined` when the layout does not say). */
  readonly position: Point | undefined;
}

/**
 * A free server of a station chooses which waiting part to take. Options, in tie-break order: the time
 * each entered the queue (earliest first; latest first in a `lifo` buffer), then the product id in
 * natural order (`job2` before `job10`), then the part id. Rules keep the earliest candidate among equals.
 */
export interface DispatchPoint extends DecisionPoint<'dispatch', PartView> {
  /** Index of the free server that takes the part. */
  readonly server: number;
  /** The station deciding. */
  readonly station: StationView;
  /** Product of the last part (or batch) the free server started; `undefined` before its first. */
  readonly lastProduct?: string;
  /**
   * Starts of `lastProduct` in a row on the free server, the last one included (parts, or batches for a
   * batch station; ≥ 1 when `lastProduct` is set). For campaign rules.
   */
  readonly runLength?: number;
}

/** A policy choosing which waiting part a free server takes. */
export type DispatchPolicy = Policy<DispatchPoint>;

/** One station a part may go to at a routing step with alternatives. */
export interface RouteView extends StationView {
  /** Mean process time of the part's step at this station, s. */
  readonly processTimeS: number;
}

/**
 * A part whose next routing step names alternative stations chooses one (a flexible job shop). Options:
 * the alternatives in the order the routing step lists them.
 */
export interface RoutingPoint extends DecisionPoint<'routing', RouteView> {
  /** The part to route (its `step` is the step being routed; `processTimeS` is `NaN`). */
  readonly part: PartView;
}

/** A policy choosing the station of a routing step with alternatives. */
export type RoutingPolicy = Policy<RoutingPoint>;

/** What a crew policy sees of one repair or maintenance job waiting for a crew. */
export interface CrewJobView {
  readonly kind: 'repair' | 'maintenance';
  readonly station: string;
  readonly server: number;
  /** Station priority, higher is more urgent. */
  readonly priority: number;
  /** Time the job was requested, s. */
  readonly requestedS: number;
  /** Machine position, m (`undefined` when the layout does not say). */
  readonly position: Point | undefined;
  /** Straight-line distance from the crew to the machine, m (0 when a position is unknown). */
  readonly distanceM: number;
}

/**
 * A crew that is free chooses among the waiting jobs it is skilled for. Options: by request time, then
 * station id (natural order), then server index.
 */
export interface CrewPoint extends DecisionPoint<'crew', CrewJobView> {
  /** Id of the free crew. */
  readonly crew: string;
  /** Where the crew is, m (`undefined` when unknown). */
  readonly crewPosition: Point | undefined;
}

/** A policy choosing the job a free crew takes next. */
export type CrewPolicy = Policy<CrewPoint>;

/**
 * What a robot job does: `transport` carries a part to its next station (or sink); `load` puts a part from
 * a tended station's queue on its machine; `unload` takes a processed part off a tended machine.
 */
export type RobotJobKind = 'transport' | 'load' | 'unload';

/**
 * What a transport policy sees of one feasible assignment: an idle robot paired with a job waiting for
 * a robot (positions in metres, times in seconds). Never the robot or the part itself.
 */
export interface TransportView {
  /** Id of the idle robot (unique in its fleet). */
  readonly robot: string;
  /** Where the robot stands, m (`undefined` when unknown: no home given and no job done yet). */
  readonly robotAt: Point | undefined;
  /** What the job does. */
  readonly job: RobotJobKind;
  readonly partId: number;
  readonly product: string;
  /** Time the job was requested, s. */
  readonly requestedS: number;
  /** Pickup position, m (`undefined` when the layout does not say). */
  readonly from: Point | undefined;
  /** Drop position, m (`undefined` when the layout does not say, e.g. a sink). */
  readonly to: Point | undefined;
  /** Straight-line distance from the robot to the pickup, m (0 when either position is unknown). */
  readonly distanceM: number;
}

/**
 * A robot fleet matches idle robots with waiting jobs. The options are every (idle robot, waiting job)
 * pair, ordered by the job's request time, then part id, then the robot's order in the fleet; so
 * option 0 is the oldest job for the first idle robot.
 */
export type TransportPoint = DecisionPoint<'transport', TransportView>;

/** A policy choosing which idle robot takes which waiting job. */
export type TransportPolicy = Policy<TransportPoint>;

/** The two answers to a maintenance decision. */
export interface MaintenanceOption {
  /** `now`: stop for the maintenance as soon as the server is free; `postpone`: ask again later. */
  readonly action: 'now' | 'postpone';
  /** For `postpone`: how long until the plan asks again, s (0 for `now`). */
  readonly delayS: number;
}

/**
 * A preventive-maintenance plan of one server fell due (or its postponement ran out): do it now or
 * postpone it. Options: always `[now, postpone]`, in that order.
 */
export interface MaintenancePoint extends DecisionPoint<'maintenance', MaintenanceOption> {
  /** Station and server index. */
  readonly station: StationView;
  readonly server: number;
  /** Name of the maintenance plan. */
  readonly plan: string;
  /** State of the server now (a `ServerState` name). */
  readonly serverState: string;
  /** Time since the end of the server's last maintenance (or its creation), s. */
  readonly sinceMaintenanceS: number;
  /** Failures of the server since then. */
  readonly failuresSinceMaintenance: number;
  /** Times this due maintenance has been postponed already. */
  readonly postponed: number;
}

/** A policy answering maintenance decisions. */
export type MaintenancePolicy = Policy<MaintenancePoint>;

/**
 * What an operator does at a machine: `load` puts the part on, `setup` changes the machine over, `process`
 * attends it for the whole processing time, `unload` takes the processed part off.
 */
export type OperatorTask = 'load' | 'setup' | 'process' | 'unload';

/** What an operator policy sees of one job of a machine waiting for an operator. */
export interface OperatorJobView {
  /** What the operator will do there first (she stays for the next tasks of the part that need her). */
  readonly task: OperatorTask;
  readonly station: string;
  readonly server: number;
  /** Station priority, higher is more urgent. */
  readonly priority: number;
  /** Product of the part on the machine. */
  readonly product: string;
  /** Time the part entered the station's queue, s (what first-come-first-served compares). */
  readonly partQueuedS: number;
  /** Time the machine asked for an operator, s. */
  readonly requestedS: number;
  /** Machine position, m (`undefined` when the layout does not say). */
  readonly position: Point | undefined;
  /** Straight-line distance from the operator to the machine, m (0 when a position is unknown). */
  readonly distanceM: number;
}

/**
 * An operator who is free chooses among the machines waiting for an operator with a skill she has.
 * Options: by the time the part on the machine entered the station's queue (first come, first served),
 * then request time, then station id (natural order), then server index.
 */
export interface OperatorPoint extends DecisionPoint<'operator', OperatorJobView> {
  /** Id of the free operator. */
  readonly operator: string;
  /** Where she stands, m (`undefined` when unknown). */
  readonly operatorPosition: Point | undefined;
}

/** A policy choosing the machine a free operator goes to next. */
export type OperatorPolicy = Policy<OperatorPoint>;

/** Any decision point. */
export type AnyDecisionPoint =
  | DispatchPoint
  | RoutingPoint
  | CrewPoint
  | TransportPoint
  | MaintenancePoint
  | OperatorPoint;

/** A policy for each decision kind (any subset). */
export interface PolicySet {
  readonly dispatch?: DispatchPolicy;
  readonly routing?: RoutingPolicy;
  readonly crew?: CrewPolicy;
  readonly transport?: TransportPolicy;
  readonly maintenance?: MaintenancePolicy;
  readonly operator?: OperatorPolicy;
}
