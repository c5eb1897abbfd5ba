/**
 * The env server's fast loop: blocking reads and writes on file descriptors (stdin, stdout), one request
 * at a time, without Node's streams or event loop. A client waits for each answer before it sends the
 * next request, so nothing else can happen meanwhile; the loop saves the stream machinery's cost per
 * frame (about a third of the worker's time per step before, see README "From Python").
 */
import { writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { EnvServer, EXIT_BAD_FRAME, encodeResponse } from './env-server.js';
import { decodeFrame, encodeFrame, FrameError, MAX_FRAME_BYTES } from './framing.js';
import { DEFAULT_POLL_US, PollingReader } from './polling-reader.js';

/** What {@link serveEnvFds} ended with: an exit code, or the state to go on with streams. */
export type FdServeResult =
  | { readonly code: number }
  | { readonly fallback: { readonly server: EnvServer; readonly pending: Buffer } };

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes`; waits 0.1 ms and retries while a non-blocking output is full. */
function writeAll(fd: number, bytes: Buffer): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(SLEEP, 0, 0, 0.1);
    }
  }
}

/**
 * Serves requests read from `input` (a file descriptor) to `output` until `input` ends (code 0) or a
 * frame is malformed (a `BAD_FRAME` answer, then code {@link EXIT_BAD_FRAME}), as `serveEnv` does. When
 * `input` turns out to be non-blocking (a read would block) it returns the server and the bytes read so
 * far, for `serveEnv` on streams to go on with. Each read polls `input` for up to `pollUs` µs before it
 * blocks (see {@link PollingReader}; 0: blocking reads only).
 */
export function serveEnvFds(
  input: number,
  output: number,
  log: (line: string) => void,
  pollUs: number = DEFAULT_POLL_US,
): FdServeResult {
  if (endianness() !== 'LE') return { code: EXIT_BAD_FRAME };
  const reader = new PollingReader(input, pollUs);
  try {
    return serve(reader, output, log);
  } finally {
    reader.close();
  }
}

function serve(reader: PollingReader, output: number, log: (line: string) => void): FdServeResult {
  const server = new EnvServer();
  let buf = Buffer.allocUnsafe(1 << 16);
  let start = 0;
  let end = 0;
  const fail = (message: string): FdServeResult => {
    log(`env-server: ${message}; exiting`);
    try {
      writeAll(output, encodeFrame({ ok: false, error: { code: 'BAD_FRAME', message, fatal: true } }));
    } catch {
      // The client is gone: nobody to tell.
    }
    server.closeAll();
    return { code: EXIT_BAD_FRAME };
  };
  for (;;) {
    // Answer every whole frame buffered.
    let need = 4;
    try {
      while (end - start >= 4) {
        const n = buf.readUInt32LE(start);
        if (n > MAX_FRAME_BYTES) {
          throw new FrameError(`frame: length ${n} exceeds the maximum of ${MAX_FRAME_BYTES} bytes (64 MiB)`);
        }
        if (end - start < 4 + n) {
          need = 4 + n;
          break;
        }
        const body = buf.subarray(start + 4, start + 4 + n);
        start += 4 + n;
        // NOTE: decodeFrame copies the arrays out, so `buf` may be overwritten once the request is handled.
        writeAll(output, encodeResponse(server.handle(decodeFrame(body))));
        if (start === end) server.idle();
      }
    } catch (error) {
      if (error instanceof FrameError) return fail(`malformed frame: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ECONNRESET') {
        // The client stopped reading: nobody is left to answer.
        log(`env-server: output error: ${(error as Error).message}`);
        server.closeAll();
        return { code: EXIT_BAD_FRAME };
      }
      return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Make room for the rest of the frame: move what is pending to the front, grow when it does not fit.
    if (start === end) start = end = 0;
    else if (start + need > buf.length) {
      const bigger = need > buf.length ? Buffer.allocUnsafe(Math.max(need, 2 * buf.length)) : buf;
      buf.copy(bigger, 0, start, end);
      buf = bigger;
      end -= start;
      start = 0;
    }
    let got: number;
    try {
      got = reader.read(buf, end, buf.length - end);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') return { fallback: { server, pending: Buffer.from(buf.subarray(start, end)) } };
      if (code === 'EOF') got = 0;
      else {
        log(`env-server: input error: ${(error as Error).message}`);
        server.closeAll();
        return { code: EXIT_BAD_FRAME };
      }
    }
    if (got === 0) {
      if (end > start) return fail(`frame: input ended inside a frame (${end - start} bytes pending)`);
      server.closeAll();
      return { code: 0 };
    }
    end += got;
  }
}
