import type { Position } from './position.js';
import type { RobotJobKind } from './robot-state.js';

/**
 * The decision-point contract (see DESIGN.md, "decisions are asked, not taken"). Where an entity has a
 * choice to make, it builds a {@link DecisionPoint} — a read-only snapshot of the candidates — and asks a
 * {@link Policy} for the index of the one to take. Dispatch rules, crew rules, transport rules and, later,
 * reinforcement-learning agents all answer through this one interface. The entities define the contract
 * (they depend on nothing but the engine); `src/policies` implements it; the scenario builder wires them.
 */
export interface DecisionPoint<K extends string, O> {
  /** What is being decided. */
  readonly kind: K;
  /** Id of the entity asking (a station, a crew pool, a robot fleet). */
  readonly at: string;
  /** Simulated time of the decision, seconds. */
  readonly now: number;
  /** The candidates, never empty, in the order they started waiting (oldest first). */
  readonly options: readonly O[];
}

/**
 * Answers decision points of one kind. Must be deterministic: a policy that needs randomness takes a
 * named stream from the simulation when it is built.
 */
export interface Policy<P extends DecisionPoint<string, unknown>> {
  /** Name shown in reports (`fifo`, `spt`, an agent's name). */
  readonly name: string;
  /** The index into `point.options` of the candidate to take. */
  decide(point: P): number;
  /**
   * Set when the policy always answers 0 (the oldest candidate): the entity may then skip building the
   * decision point, which matters on hot paths. A pure performance hint; the answer is the same.
   */
  readonly alwaysFirst?: boolean;
}

/** What a dispatch policy sees of one waiting part (times in seconds). Never the part itself. */
export interface PartView {
  readonly id: number;
  readonly product: string;
  /** Higher is more urgent. */
  readonly priority: number;
  /** Release time, s. */
  readonly releaseS: number;
  /** Due date, s (`Infinity` for none). */
  readonly dueS: number;
  /** Time it entered this station's queue, s. */
  readonly queuedS: number;
  /** Mean process time of this part at this station, s. */
  readonly processTimeS: number;
}

/** A free server of a station chooses which waiting part to take. */
export type DispatchPoint = DecisionPoint<'dispatch', PartView>;

/** A policy choosing which waiting part a free server takes. */
export type DispatchPolicy = Policy<DispatchPoint>;

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
  readonly position: Position | undefined;
}

/** A crew that became free chooses among the waiting jobs it is skilled for. */
export interface CrewPoint extends DecisionPoint<'crew', CrewJobView> {
  /** Id of the free crew. */
  readonly crew: string;
  /** Where the crew is, m (`undefined` when unknown). */
  readonly crewPosition: Position | undefined;
}

/** A policy choosing the job a free crew takes next. */
export type CrewPolicy = Policy<CrewPoint>;

/**
 * What a transport policy sees of one feasible assignment: an idle robot paired with a job waiting for
 * a robot (positions in metres, times in seconds). Never the robot or the part itself.
 */
export interface TransportView {
  /** Id of the idle robot (unique in its fleet). */
  readonly robot: string;
  /** Where the robot stands, m (`undefined` when unknown: no home given and no job done yet). */
  readonly robotAt: Position | undefined;
  /** What the job does: carry a part on, or load / unload a tended machine. */
  readonly job: RobotJobKind;
  readonly partId: number;
  readonly product: string;
  /** Time the job was requested, s. */
  readonly requestedS: number;
  /** Pickup position, m (`undefined` when the layout does not say). */
  readonly from: Position | undefined;
  /** Drop position, m (`undefined` when the layout does not say, e.g. a sink). */
  readonly to: Position | undefined;
  /** Straight-line distance from the robot to the pickup, m (0 when either position is unknown). */
  readonly distanceM: number;
}

/**
 * A robot fleet matches idle robots with waiting jobs. The options are every (idle robot, waiting job)
 * pair, ordered by the job's request time (oldest first), then by the robot's order in the fleet; so
 * option 0 is the oldest job for the first idle robot.
 */
export type TransportPoint = DecisionPoint<'transport', TransportView>;

/** A policy choosing which idle robot takes which waiting job. */
export type TransportPolicy = Policy<TransportPoint>;
