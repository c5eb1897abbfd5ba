/**
 * src/stream: what watches a run — the frame vocabulary, trace files (writer, browser-safe reader), the
 * OCEL export and the live WebSocket server. The browser-safe part (frames, codec, reader, state builder,
 * frame source) is also reachable without this index, so a bundle never pulls a Node module in.
 */

export { TraceFormatError } from './codec.js';
export { countersOf, keyframeOf, subscribeFrames } from './frame-source.js';
export type {
  BufferLayout,
  ConveyorLayout,
  CrewPoolLayout,
  DeltaFrame,
  Footprint,
  Frame,
  FrameKind,
  KeyFrame,
  Layout,
  OperatorPoolLayout,
  PlantSnapshot,
  Point,
  RobotFleetLayout,
  SinkLayout,
  SourceLayout,
  StationLayout,
  TraceHeader,
} from './frames.js';
export { FRAME_FORMAT_VERSION, FRAME_KINDS, positionAt } from './frames.js';
export { buildLayout } from './layout.js';
export type { LiveRunOptions, LiveStatus, Speed } from './live-run.js';
export { checkSpeed, LiveRun, MAX_SPEED, MIN_SPEED } from './live-run.js';
export type { ClientStats, LiveServerOptions } from './live-server.js';
export { LIVE_PROTOCOL_VERSION, LiveServer, parseControl } from './live-server.js';
export type { OcelSummary, OcelWriterOptions } from './ocel.js';
export { OCEL_DEFAULT_START, OcelWriter } from './ocel.js';
export { openTrace } from './open-trace.js';
export { StateBuilder } from './state-builder.js';
export { TextSpool } from './text-spool.js';
export type { BlockInfo, FramesOptions } from './trace-reader.js';
export { TraceReader } from './trace-reader.js';
export type { TraceSummary, TraceWriterOptions } from './trace-writer.js';
export { DEFAULT_KEYFRAME_EVERY_S, TraceWriter } from './trace-writer.js';
