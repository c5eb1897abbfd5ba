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
 * Server, robot and crew states, in the order the legend lists them: a server's state is an index into
 * `SERVER_STATES`, a robot's into `ROBOT_STATES`, a crew's into `CREW_STATES` (the lists of src/stream).
 */
export {
  CREW_STATE_LIST as CREW_STATES,
  ROBOT_STATE_LIST as ROBOT_STATES,
  SERVER_STATE_LIST as SERVER_STATES,
} from '../../../src/stream/frames.js';
