/**
 * What the viewer's feed reads: the frames of `src/stream` (a recorded trace, the live WebSocket stream, or
 * the engine running in a Web Worker of the page all speak them), so the feed, the scene and the panels never
 * know where data came from. Types only; `src/stream/frames.ts` imports nothing, so it bundles for the browser.
 */
import type { TraceHeader } from '../../../src/stream/frames.js';

export type {
  ConveyorLayout,
  CrewState,
  DeltaFrame,
  Frame,
  KeyFrame,
  Layout,
  PlantSnapshot,
  Point,
  RobotState,
  ServerState,
  StationLayout,
  TraceHeader,
} from '../../../src/stream/frames.js';

/** What the viewer needs of a run's header: its name, seed, horizon, calendar start and layout. */
export type RunInfo = Pick<TraceHeader, 'name' | 'seed' | 'horizonS' | 'startDate' | 'layout'>;

/**
 * Server states, in the order the legend lists them; a server's state is an index into this list (the
 * same order as `SERVER_STATE_LIST` of src/stream, kept here as a literal so the index is a constant).
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
  'waiting-operator',
] as const;

/** Robot states, in the engine's order. */
export const ROBOT_STATES = [
  'idle',
  'travelling-empty',
  'picking',
  'travelling-loaded',
  'placing',
  'waiting',
] as const;

/** Crew states, in the engine's order. */
export const CREW_STATES = ['idle', 'travelling', 'working', 'off-shift'] as const;
