/**
 * The frames of a run: plain data, the one vocabulary shared by the trace writer and reader, the live
 * WebSocket server and the browser viewer. Browser-safe: type-only imports, no Node module (bundled by Vite).
 *
 * A run is described by
 * - a {@link TraceHeader} once (versions, scenario, seed, and the {@link Layout}: every entity with its
 *   id, kind, position and size, and what a viewer needs to draw it and to interpolate motions);
 * - then {@link Frame}s in time order: {@link DeltaFrame}s (one thing that happened) and, periodically,
 *   {@link KeyFrame}s (a full {@link PlantSnapshot}), so a reader can start at any keyframe.
 *
 * Entities are named by their ids (strings, as in the scenario); parts by their numeric id. Units: time in
 * seconds of simulated time from the start of the run, lengths in metres, speeds in m/s.
 *
 * Motion is exact: an item on a conveyor moves uniformly from `positionM` at `speedMps` from frame time `t`
 * until its next `item` frame (or until it leaves the conveyor with a `moved` frame); a robot, crew or
 * operator goes in a straight line from `from` (at `t`) to `to` (at `arriveT`), so a viewer places it at any instant by
 * linear interpolation.
 */

import type {
  BufferSnapshot,
  ConveyorItemSnapshot,
  ConveyorSnapshot,
  ConveyorState,
  Counters,
  CrewPoolSnapshot,
  CrewSnapshot,
  CrewState,
  Motion,
  OperatorPoolSnapshot,
  OperatorSnapshot,
  OperatorState,
  OperatorTaskName,
  PartSnapshot,
  PlantSnapshot,
  RobotFleetSnapshot,
  RobotJobKind,
  RobotSnapshot,
  RobotState,
  ServerSnapshot,
  ServerState,
  StationSnapshot,
} from '../entities/snapshot-types.js';

/**
 * Version of the frame vocabulary and of the trace file layout; a reader refuses a newer one. 2: a frame
 * with the time of the frame before it flags its kind byte instead of repeating the time (version 1 files
 * are still read).
 */
export const FRAME_FORMAT_VERSION = 2;

/** A point of the floor, metres. */
export interface Point {
  /** metres */
  readonly x: number;
  /** metres */
  readonly y: number;
}

/** A footprint, metres. */
export interface Footprint {
  /** along x, metres */
  readonly width: number;
  /** along y, metres */
  readonly depth: number;
  /** metres */
  readonly height: number;
}

export type {
  ConveyorState,
  CrewState,
  OperatorState,
  OperatorTaskName,
  RobotJobKind,
  RobotState,
  ServerState,
};

/** Every server state, in legend order (the same list as src/entities' `SERVER_STATES`). */
export const SERVER_STATE_LIST: readonly ServerState[] = [
  'busy',
  'idle',
  'blocked',
  'down-waiting',
  'repair',
  'maintenance',
  'setup',
  'handling',
  'off-shift',
  'waiting-operator',
];

/** Every crew state. */
export const CREW_STATE_LIST: readonly CrewState[] = ['idle', 'travelling', 'working', 'off-shift'];

/** Every operator state (the same as a crew's). */
export const OPERATOR_STATE_LIST: readonly OperatorState[] = ['idle', 'travelling', 'working', 'off-shift'];

/** Every robot state. */
export const ROBOT_STATE_LIST: readonly RobotState[] = [
  'idle',
  'travelling-empty',
  'picking',
  'travelling-loaded',
  'placing',
  'waiting',
];

/** Every conveyor state. */
export const CONVEYOR_STATE_LIST: readonly ConveyorState[] = ['empty', 'running', 'stopped'];

/** Where a position in the layout comes from: the scenario, or placed by the layout builder. */
export type Placement = 'scenario' | 'derived';

// ─── layout ──────────────────────────────────────────────────────────────────────────────────────────

/** A station: `servers` parallel machines at one place. */
export interface StationLayout {
  readonly id: string;
  readonly kind: 'station';
  /** Centre of its footprint, metres. */
  readonly position: Point;
  readonly placement: Placement;
  readonly size: Footprint;
  /** Parallel servers (machines), ≥ 1. */
  readonly servers: number;
  /** Id of its input buffer (a scenario buffer, or `${station}/queue`). */
  readonly input: string;
  /** Parts processed at once (1 unless it batches). */
  readonly batchSize: number;
  /** Robot fleet loading and unloading it, if any. */
  readonly tendedBy: string | null;
  /** Product it assembles, if it is an assembly station. */
  readonly assembles: string | null;
  /** Whether it inspects parts after processing. */
  readonly inspects: boolean;
}

/** A buffer (a station's input queue). */
export interface BufferLayout {
  readonly id: string;
  readonly kind: 'buffer';
  readonly position: Point;
  readonly placement: Placement;
  /** Parts it holds at most (`null`: unbounded). */
  readonly capacity: number | null;
  /** Station it feeds, if any. */
  readonly station: string | null;
}

/** A conveyor: a straight belt from `start` to `end`; items enter at 0 and leave at `lengthM`. */
export interface ConveyorLayout {
  readonly id: string;
  readonly kind: 'conveyor';
  /** Station it starts at and ends at (ids), when the scenario names them. */
  readonly from: string | null;
  readonly to: string | null;
  /** Floor position of its entrance and its exit, metres (a viewer draws the belt between them). */
  readonly start: Point;
  readonly end: Point;
  readonly placement: Placement;
  /** Belt length (metres); an item at `positionM` sits at `start + (end − start) · positionM / lengthM`. */
  readonly lengthM: number;
  /** m/s */
  readonly speedMps: number;
  /** Minimum distance between items, metres. */
  readonly spacingM: number;
  readonly accumulating: boolean;
  /** Items it holds at most. */
  readonly capacity: number;
}

/** A fleet of robots (AGVs or a cell robot arm). */
export interface RobotFleetLayout {
  readonly id: string;
  readonly kind: 'robots';
  /** `arm` when it tends stations and carries nothing between them, else `agv`. */
  readonly style: 'arm' | 'agv';
  /** Stations it loads and unloads. */
  readonly tends: readonly string[];
  /** m/s */
  readonly speedEmptyMps: number;
  /** m/s */
  readonly speedLoadedMps: number;
  readonly returnHome: boolean;
  readonly robots: readonly { readonly id: string; readonly home: Point; readonly placement: Placement }[];
}

/** A pool of crews (technicians, operators) that walk to machines. */
export interface CrewPoolLayout {
  readonly id: string;
  readonly kind: 'crews';
  /** Walking speed, m/s, when travel is by distance (`null`: a fixed or random travel time). */
  readonly speedMps: number | null;
  readonly crews: readonly {
    readonly id: string;
    /** Scenario crew it belongs to (a crew of size n has members `id#1`…`id#n`). */
    readonly group: string;
    readonly skills: readonly string[];
    readonly home: Point;
    readonly placement: Placement;
  }[];
}

/** A pool of machine operators that walk to the machines that need them. */
export interface OperatorPoolLayout {
  readonly id: string;
  readonly kind: 'operators';
  /** Walking speed, m/s, when travel is by distance (`null`: a fixed or random travel time, or none). */
  readonly speedMps: number | null;
  readonly operators: readonly {
    readonly id: string;
    readonly skills: readonly string[];
    readonly home: Point;
    readonly placement: Placement;
  }[];
}

/** Where parts enter. */
export interface SourceLayout {
  readonly id: string;
  readonly kind: 'source';
  readonly products: readonly string[];
  readonly position: Point;
  readonly placement: Placement;
}

/** Where parts leave. */
export interface SinkLayout {
  readonly id: string;
  readonly kind: 'sink';
  readonly position: Point;
  readonly placement: Placement;
}

/** A product and the stations of its routing (the first alternative of a flexible step). */
export interface ProductLayout {
  readonly id: string;
  readonly routing: readonly string[];
}

/** Everything a viewer needs to draw the factory before the first frame. */
export interface Layout {
  readonly stations: readonly StationLayout[];
  readonly buffers: readonly BufferLayout[];
  readonly conveyors: readonly ConveyorLayout[];
  readonly robots: readonly RobotFleetLayout[];
  readonly crews: readonly CrewPoolLayout[];
  readonly operators: readonly OperatorPoolLayout[];
  readonly sources: readonly SourceLayout[];
  readonly sinks: readonly SinkLayout[];
  readonly products: readonly ProductLayout[];
  /** Bounding box of every position, metres (for a camera). */
  readonly bounds: { readonly min: Point; readonly max: Point };
}

/** What a trace (or a live stream) starts with. */
export interface TraceHeader {
  /** {@link FRAME_FORMAT_VERSION} of the writer. */
  readonly formatVersion: number;
  /** shopfloor package version of the writer. */
  readonly shopfloorVersion: string;
  /** Scenario name. */
  readonly name: string;
  /** The scenario file's text, as given (YAML or JSON). */
  readonly scenarioText: string;
  /** SHA-256 of `scenarioText` (UTF-8), lowercase hex. */
  readonly scenarioSha256: string;
  /** Master seed of the recorded replication (`run.seed + replication`). */
  readonly seed: number;
  /** The replication recorded, from 0. */
  readonly replication: number;
  /** Horizon, s. */
  readonly horizonS: number;
  /** Warm-up, s. */
  readonly warmupS: number;
  /** Simulated seconds between two keyframes. */
  readonly keyframeEveryS: number;
  /** Calendar date and time of simulated time 0 (ISO 8601), when the scenario gives `run.start`. */
  readonly startDate: string | null;
  readonly layout: Layout;
}

// ─── snapshot ────────────────────────────────────────────────────────────────────────────────────────

// The snapshot types live beside `plant.snapshot()` in src/entities (which may not import src/stream);
// re-exported here so the viewer takes every type of a run from this one file (type-only: erased in a bundle).
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
  PartSnapshot,
  PlantSnapshot,
  RobotFleetSnapshot,
  RobotSnapshot,
  ServerSnapshot,
  StationSnapshot,
};

// ─── frames ──────────────────────────────────────────────────────────────────────────────────────────

/** A part entered the system at a source (or was assembled at a station: `assembled`). */
export interface ReleasedFrame {
  readonly k: 'released';
  readonly t: number;
  readonly part: number;
  readonly product: string;
  /** Source id, or the assembling station. */
  readonly at: string;
  readonly assembled: boolean;
  /** Release time of the part, s (for an assembly: its earliest component's). */
  readonly releaseS: number;
}

/** A part moved from one holder to another (buffer, `station/server`, conveyor, `fleet/robot`, sink, …). */
export interface MovedFrame {
  readonly k: 'moved';
  readonly t: number;
  readonly part: number;
  readonly from: string;
  readonly to: string;
}

/** A part left the system. */
export interface LeftFrame {
  readonly k: 'left';
  readonly t: number;
  readonly part: number;
  readonly why: 'finished' | 'scrapped' | 'consumed';
  /** Sink, or the station that scrapped or consumed it. */
  readonly at: string;
}

/** A server started or finished processing a part. */
export interface ProcessFrame {
  readonly k: 'started' | 'finished';
  readonly t: number;
  readonly part: number;
  readonly station: string;
  readonly server: number;
}

/** A server changed state. */
export interface ServerFrame {
  readonly k: 'server';
  readonly t: number;
  readonly station: string;
  readonly server: number;
  readonly state: ServerState;
}

/** Failures, repairs, maintenance and setups (the state change comes in its own {@link ServerFrame}). */
export interface UpkeepFrame {
  readonly k: 'failed' | 'repaired' | 'maintenance-started' | 'maintenance-ended' | 'setup-started';
  readonly t: number;
  readonly station: string;
  readonly server: number;
  /** Failure mode, maintenance plan, or the product set up for. */
  readonly what: string;
}

/** A part was inspected after processing. */
export interface InspectedFrame {
  readonly k: 'inspected';
  readonly t: number;
  readonly station: string;
  readonly part: number;
  readonly outcome: string;
}

/** A buffer's level changed (its contents follow from `moved` frames). */
export interface BufferFrame {
  readonly k: 'buffer';
  readonly t: number;
  readonly buffer: string;
  readonly level: number;
}

/** A station's, crew member's (`pool/crew`) or operator's (`pool/operator`) working time began or ended. */
export interface ShiftFrame {
  readonly k: 'shift';
  readonly t: number;
  readonly entity: string;
  readonly on: boolean;
}

/** A conveyor changed state. */
export interface ConveyorFrame {
  readonly k: 'conveyor';
  readonly t: number;
  readonly conveyor: string;
  readonly state: ConveyorState;
}

/** An item on a conveyor entered, stopped or restarted: from `t` it is at `positionM + speedMps · (τ − t)`. */
export interface ItemFrame {
  readonly k: 'item';
  readonly t: number;
  readonly conveyor: string;
  readonly part: number;
  /** metres from the entrance */
  readonly positionM: number;
  /** m/s */
  readonly speedMps: number;
}

/** A robot changed state. */
export interface RobotFrame {
  readonly k: 'robot';
  readonly t: number;
  readonly fleet: string;
  readonly robot: string;
  readonly state: RobotState;
}

/** A robot took (`start`) or finished (`done`) a job. */
export interface RobotJobFrame {
  readonly k: 'robot-job';
  readonly t: number;
  readonly fleet: string;
  readonly robot: string;
  readonly phase: 'start' | 'done';
  readonly kind: RobotJobKind;
  readonly part: number;
}

/** A crew changed state. */
export interface CrewFrame {
  readonly k: 'crew';
  readonly t: number;
  readonly pool: string;
  readonly crew: string;
  readonly state: CrewState;
}

/** A crew took a job (it travels to the machine) or finished it (`station` `null`: no job). */
export interface CrewJobFrame {
  readonly k: 'crew-job';
  readonly t: number;
  readonly pool: string;
  readonly crew: string;
  readonly job: {
    readonly kind: 'repair' | 'maintenance';
    readonly station: string;
    readonly server: number;
  } | null;
}

/** An operator changed state. */
export interface OperatorFrame {
  readonly k: 'operator';
  readonly t: number;
  readonly pool: string;
  readonly operator: string;
  readonly state: OperatorState;
}

/**
 * An operator took a job (she walks to the machine; `task`: what she does there first) or was released
 * (`job` `null`).
 */
export interface OperatorJobFrame {
  readonly k: 'operator-job';
  readonly t: number;
  readonly pool: string;
  readonly operator: string;
  readonly job: {
    readonly task: OperatorTaskName;
    readonly station: string;
    readonly server: number;
  } | null;
}

/** A robot, crew or operator set off in a straight line: at `from` at `t`, at `to` at `arriveT`. */
export interface MotionFrame {
  readonly k: 'robot-move' | 'crew-move' | 'operator-move';
  readonly t: number;
  /** Fleet, crew pool or operator pool id. */
  readonly group: string;
  /** Robot, crew or operator id within it. */
  readonly member: string;
  readonly from: Point;
  readonly to: Point;
  /** Arrival time, s. */
  readonly arriveT: number;
}

/** Running totals, written periodically (a viewer charts them without replaying every event). */
export interface CountersFrame {
  readonly k: 'counters';
  readonly t: number;
  readonly counters: Counters;
}

/** A full snapshot: a reader can start here. */
export interface KeyFrame {
  readonly k: 'keyframe';
  readonly t: number;
  readonly snapshot: PlantSnapshot;
}

/** The run ended (horizon reached, or stopped); `t` is its last instant. */
export interface EndFrame {
  readonly k: 'end';
  readonly t: number;
  readonly reason: 'horizon' | 'stopped' | 'empty';
}

/** Everything that happens between keyframes. */
export type DeltaFrame =
  | ReleasedFrame
  | MovedFrame
  | LeftFrame
  | ProcessFrame
  | ServerFrame
  | UpkeepFrame
  | InspectedFrame
  | BufferFrame
  | ShiftFrame
  | ConveyorFrame
  | ItemFrame
  | RobotFrame
  | RobotJobFrame
  | CrewFrame
  | CrewJobFrame
  | OperatorFrame
  | OperatorJobFrame
  | MotionFrame
  | CountersFrame;

/** One element of a run's time-ordered stream. */
export type Frame = DeltaFrame | KeyFrame | EndFrame;

/** The discriminant of every frame kind. */
export type FrameKind = Frame['k'];

/** Every {@link FrameKind}, in the order of their codes in the binary trace (append only). */
export const FRAME_KINDS: readonly FrameKind[] = [
  'keyframe',
  'end',
  'released',
  'moved',
  'left',
  'started',
  'finished',
  'server',
  'failed',
  'repaired',
  'maintenance-started',
  'maintenance-ended',
  'setup-started',
  'inspected',
  'buffer',
  'shift',
  'conveyor',
  'item',
  'robot',
  'robot-job',
  'crew',
  'crew-job',
  'robot-move',
  'crew-move',
  'counters',
  'operator',
  'operator-job',
  'operator-move',
];

export { positionAt } from '../entities/snapshot-motion.js';
