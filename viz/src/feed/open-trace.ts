import { TraceReader } from '../../../src/stream/trace-reader.js';
import { Recording } from './recording.js';
import type { Frame, RunInfo } from './types.js';

/** A decoded run: its header and its frames in time order. */
export interface DecodedRun {
  readonly info: RunInfo;
  readonly frames: readonly Frame[];
}

/**
 * Decodes a trace file's bytes (`shopfloor run … --trace FILE.sftrace`, src/stream/FORMAT.md) with the
 * browser-safe reader of src/stream: the header, the first keyframe (the state at time 0) and every delta.
 * The keyframes that start later blocks are left out: the deltas already describe the same changes, and the
 * viewer keeps its own keyframes (Recording). Throws an Error whose message names the file and, for a
 * truncated or corrupt trace, the byte offset.
 */
export function decodeRun(bytes: Uint8Array, name: string): DecodedRun {
  let reader: TraceReader;
  try {
    reader = new TraceReader(bytes);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  const frames: Frame[] = [];
  try {
    for (let b = 0; b < reader.blocks.length; b++) {
      const block = reader.blockFrames(b);
      for (let i = b === 0 ? 0 : 1; i < block.length; i++) frames.push(block[i]!);
    }
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return { info: reader.header, frames };
}

/** A recording of a decoded run, its KPI series closed at its end. */
export function recordingOf(run: DecodedRun): Recording {
  const rec = new Recording(run.info);
  rec.append(run.frames);
  rec.finish(rec.endedAt ?? rec.endS);
  return rec;
}
