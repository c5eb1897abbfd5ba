/**
 * The whole observable state of a plant as plain data: what `plant.snapshot()` returns and what a trace
 * keyframe carries (src/stream re-exports these types for the viewer). Type-only, browser-safe.
 */
import type { ConveyorState } from './conveyor-state.js';
import type { Position } from './position.js';
import type { RobotJobKind, RobotState } from './robot-state.js';
import type { CrewState, ServerState } from './server-state.js';

export type { ConveyorState, CrewState, RobotJobKind, RobotState, ServerState };

/** Running totals of the plant. */
export interface Counters {
  readonly released: number;
  readonly finished: number;
  readonly scrapped: number;
  readonly consumed: number;
  readonly assembled: number;
  /** Parts in the system now. */
  readonly wip: number;
}

/** A straight-line motion under way: at `fromT` at `from`, at `toT` at `to` (seconds, metres). */
export interface Motion {
  readonly from: Position;
  readonly to: Position;
  readonly fromT: number;
  readonly toT: number;
}

export interface ServerSnapshot {
  readonly state: ServerState;
  /** Parts whose location is this server (`station/index`): several in a batch, by increasing id. */
  readonly parts: readonly number[];
}

export interface StationSnapshot {
  readonly servers: readonly ServerSnapshot[];
}

export interface BufferSnapshot {
  /** Parts held, in arrival order. */
  readonly parts: readonly number[];
}

export interface ConveyorItemSnapshot {
  readonly part: number;
  /** Distance from the entrance at the snapshot time, metres. */
  readonly positionM: number;
  /** m/s (0 while stopped). */
  readonly speedMps: number;
}

export interface ConveyorSnapshot {
  readonly state: ConveyorState;
  /** Items, the head (furthest along) first. */
  readonly items: readonly ConveyorItemSnapshot[];
}

export interface RobotSnapshot {
  readonly id: string;
  readonly state: RobotState;
  /** Where it is at the snapshot time, metres (`null` before its first trip when it has no home). */
  readonly position: Position | null;
  /** The trip under way, if any. */
  readonly motion: Motion | null;
  /** The job it serves. */
  readonly job: { readonly kind: RobotJobKind; readonly part: number } | null;
  /** Part it holds (location `fleet/robot`). */
  readonly carrying: number | null;
}

export interface RobotFleetSnapshot {
  readonly robots: readonly RobotSnapshot[];
  /** Parts waiting at the fleet's pickup spots (location: the fleet id), by increasing id. */
  readonly waiting: readonly number[];
}

export interface CrewSnapshot {
  readonly id: string;
  readonly state: CrewState;
  readonly position: Position | null;
  readonly motion: Motion | null;
  /** The job it goes to or works on. */
  readonly job: {
    readonly kind: 'repair' | 'maintenance';
    readonly station: string;
    readonly server: number;
  } | null;
}

export interface CrewPoolSnapshot {
  readonly crews: readonly CrewSnapshot[];
}

export interface PartSnapshot {
  readonly id: number;
  readonly product: string;
  /** Holder: a source, buffer, `station/server`, conveyor, `fleet/robot`, a fleet's pickup (`fleet`). */
  readonly location: string;
  /** Release time, s. */
  readonly releaseS: number;
}

/**
 * The whole observable state of a plant at `t`, as plain data (what `plant.snapshot()` returns and what a
 * keyframe carries): the state after every event before `t` ran, and none at `t` (what `run({ until: t })`
 * leaves). Maps are plain objects keyed by entity id, in the plant's registration order. A motion
 * (`motion`) is given only while under way (`fromT ≤ t < toT`).
 */
export interface PlantSnapshot {
  /** Simulated time, s. */
  readonly t: number;
  readonly counters: Counters;
  readonly stations: Readonly<Record<string, StationSnapshot>>;
  readonly buffers: Readonly<Record<string, BufferSnapshot>>;
  readonly conveyors: Readonly<Record<string, ConveyorSnapshot>>;
  readonly robots: Readonly<Record<string, RobotFleetSnapshot>>;
  readonly crews: Readonly<Record<string, CrewPoolSnapshot>>;
  /** Whether each station and each crew member (`pool/crew`) is within its working time. */
  readonly shifts: Readonly<Record<string, boolean>>;
  /** Parts in the system, by increasing id. */
  readonly parts: readonly PartSnapshot[];
}
