/**
 * What the viewer's feed reads: a layout (every entity with its place on the floor) and a time-ordered list of
 * small events (a machine changed state, an item entered a belt, a robot set off…). Whatever the source — a
 * recorded trace, the live WebSocket stream, or the engine running in a Web Worker of the page — it is turned
 * into these before the feed sees it, so the feed, the scene and the panels never know where data came from.
 * Plain data only (structured-clone safe): no class instances, no functions.
 */

/** Kinds of object drawn on the floor, one instanced mesh each. */
export type EntityKind = 'station' | 'buffer' | 'conveyor' | 'robot' | 'crew' | 'source' | 'sink';

/** A point of the floor plan, metres. */
export interface Point {
  /** metres */
  readonly x: number;
  /** metres */
  readonly y: number;
}

/** One entity of the layout. Sizes are metres. */
export interface LayoutEntity {
  readonly id: string;
  readonly kind: EntityKind;
  /** Centre on the floor, metres. */
  readonly x: number;
  /** metres */
  readonly y: number;
  /** Extent along x, metres. */
  readonly width: number;
  /** Extent along y, metres. */
  readonly depth: number;
  /** metres */
  readonly height: number;
  /** Stations: parallel servers (default 1). */
  readonly servers?: number;
  /** Stations: id of the input buffer whose level is the queue in front of it. */
  readonly input?: string;
  /** Robot fleets and crew pools: member ids, in order (each member is one instance). */
  readonly members?: readonly string[];
  /** Conveyors: entrance and exit on the floor, metres. */
  readonly from?: Point;
  readonly to?: Point;
  /** Conveyors: belt length, metres (items' positions run from 0 to this). */
  readonly lengthM?: number;
}

/** The header of a run: what is on the floor and when the run starts and ends. */
export interface Layout {
  /** Scenario name. */
  readonly name: string;
  /** Master seed of the replication shown. */
  readonly seed: number;
  /** Simulated seconds the run lasts. */
  readonly horizonS: number;
  /** Local date and time of simulated time 0 (`yyyy-mm-ddThh:mm`), or null (time 0 is Monday 00:00). */
  readonly start: string | null;
  readonly entities: readonly LayoutEntity[];
}

/**
 * Server states, in the order the legend lists them; a server's state is an index into this list. They are
 * exactly the engine's server states (a down machine waiting for a crew is `down-waiting`).
 */
export const SERVER_STATES = [
  'busy',
  'idle',
  'blocked',
  'down-waiting',
  'repair',
  'maintenance',
  'setup',
  'handling',
  'off-shift',
] as const;
export type ServerStateName = (typeof SERVER_STATES)[number];

/** Robot states, as published by the engine. */
export const ROBOT_STATES = [
  'idle',
  'travelling-empty',
  'picking',
  'travelling-loaded',
  'placing',
  'waiting',
] as const;
export type RobotStateName = (typeof ROBOT_STATES)[number];

/** Crew states, as published by the engine. */
export const CREW_STATES = ['idle', 'travelling', 'working', 'off-shift'] as const;
export type CrewStateName = (typeof CREW_STATES)[number];

/** One change, at simulated time `t` (seconds). `part` is a part's id. */
export type FeedEvent =
  | { readonly k: 'server'; readonly t: number; readonly station: string; readonly server: number; readonly state: ServerStateName }
  | { readonly k: 'level'; readonly t: number; readonly id: string; readonly level: number }
  | {
      readonly k: 'belt';
      readonly t: number;
      readonly id: string;
      readonly part: number;
      /** metres from the entrance */
      readonly pos: number;
      /** m/s from now on */
      readonly speed: number;
    }
  | { readonly k: 'move'; readonly t: number; readonly part: number; readonly from: string; readonly to: string }
  | { readonly k: 'released'; readonly t: number; readonly part: number; readonly product: string }
  | { readonly k: 'left'; readonly t: number; readonly part: number; readonly how: 'finished' | 'scrapped' | 'consumed' }
  | { readonly k: 'robot'; readonly t: number; readonly fleet: string; readonly robot: string; readonly state: RobotStateName }
  | {
      readonly k: 'trip';
      readonly t: number;
      /** fleet id or crew pool id */
      readonly group: string;
      /** robot or crew id */
      readonly member: string;
      readonly from: Point;
      readonly to: Point;
      /** m/s */
      readonly speed: number;
    }
  | { readonly k: 'carry'; readonly t: number; readonly fleet: string; readonly robot: string; readonly part: number }
  | { readonly k: 'crew'; readonly t: number; readonly pool: string; readonly crew: string; readonly state: CrewStateName }
  | { readonly k: 'failed'; readonly t: number; readonly station: string; readonly server: number; readonly mode: string };
