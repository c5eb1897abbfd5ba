import { readFileSync } from 'node:fs';
import { TraceReader } from './trace-reader.js';

/**
 * Opens the trace file `file` (read whole into memory; a 120 h demo-factory trace is a few MB).
 * @throws TraceFormatError naming the byte offset when it is not a complete trace; the file system's
 * error when it cannot be read.
 */
export function openTrace(file: string): TraceReader {
  const buf = readFileSync(file);
  return new TraceReader(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
