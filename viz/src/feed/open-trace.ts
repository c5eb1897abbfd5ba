import { Recording } from './recording.js';
import type { Frame, RunInfo } from './types.js';

/** A decoded run: its header and its frames in time order. */
export interface DecodedRun {
  readonly info: RunInfo;
  readonly frames: readonly Frame[];
}

/**
 * Decodes a run file's bytes: a JSON document `{ header, frames }` (the viewer's own export). Throws an
 * Error whose message says what is wrong.
 */
export function decodeRun(bytes: Uint8Array, name: string): DecodedRun {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${name}: not a shopfloor trace (${(error as Error).message})`);
  }
  const d = doc as { header?: RunInfo; frames?: Frame[] };
  if (d.header?.layout === undefined || !Array.isArray(d.frames))
    throw new Error(`${name}: not a shopfloor trace (no header with a layout, or no frames)`);
  return { info: d.header, frames: d.frames };
}

/** A recording of a decoded run, its KPI series closed at its end. */
export function recordingOf(run: DecodedRun): Recording {
  const rec = new Recording(run.info);
  rec.append(run.frames);
  rec.finish(rec.endedAt ?? rec.endS);
  return rec;
}
