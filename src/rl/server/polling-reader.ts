/**
 * Reading a pipe without waiting to be woken up: a short poll of the pipe before a blocking read.
 *
 * The client sends its next request some 10–300 µs after it got an answer (its own work between two steps).
 * A blocking read then sleeps, and the wake-up that follows costs the worker about as much as the
 * exchange itself (a ping's round trip from Python took 28 µs with a blocking read, 12–14 µs with the
 * poll; ft10 with one env 17 k → 37 k steps/s, medians of 6 interleaved rounds; see README "From Python").
 *
 * The poll only goes on while it pays. After a poll that ran out, the next reads block: 4 of them after one
 * such poll, twice as many after each further one in a row, up to 256. A blocking read that saw its data
 * come within the poll's time ends that early. A client that thinks for long (a training step), or a
 * machine so busy that the client waits for a core, thus costs the worker little polling; and a blocking
 * read's time, which includes being woken up (on a virtual machine up to hundreds of µs), cannot keep
 * the worker from polling for good.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The worker's default poll before a blocking read, µs. */
export const DEFAULT_POLL_US = 300;

/** Largest poll a user may ask for, µs (10 ms: a longer poll would only keep a core busy). */
export const MAX_POLL_US = 10_000;

/** Blocking reads after one poll that ran out, and the most after several in a row. */
const BLOCK_FIRST = 4;
const BLOCK_MOST = 256;

/** Reads one file descriptor: first polling it for up to `pollUs`, then blocking. */
export class PollingReader {
  /** The same pipe opened non-blocking (Linux: `/proc/self/fd/N`), or -1 when that is not possible. */
  private readonly polled: number;
  private readonly pollMs: number;
  /** Reads left that block at once (after polls that ran out), and how many the next miss gives. */
  private blocking = 0;
  private blockNext = BLOCK_FIRST;
  /** Polls that found data, and polls that ran out (for tests). */
  readonly counts = { hits: 0, misses: 0 };

  /**
   * @param fd A blocking file descriptor (the worker's stdin).
   * @param pollUs How long a read polls before it blocks, µs; 0 never polls.
   */
  constructor(
    private readonly fd: number,
    pollUs: number,
  ) {
    this.pollMs = pollUs / 1000;
    this.polled = pollUs > 0 ? openNonBlocking(fd) : -1;
  }

  /** Whether reads poll first (false when `pollUs` is 0 or the input cannot be reopened non-blocking). */
  get polls(): boolean {
    return this.polled >= 0;
  }

  /**
   * Reads up to `length` bytes into `buf` at `offset`, as `fs.readSync` does: the count read, 0 at the
   * end of the input. Throws what `readSync` throws (`EAGAIN` from the blocking descriptor included).
   */
  read(buf: Buffer, offset: number, length: number): number {
    if (this.polled < 0) return readSync(this.fd, buf, offset, length, null);
    if (this.blocking === 0) {
      const got = this.poll(buf, offset, length);
      if (got >= 0) {
        this.counts.hits++;
        this.blockNext = BLOCK_FIRST;
        return got;
      }
      this.counts.misses++;
      this.blocking = this.blockNext;
      this.blockNext = Math.min(2 * this.blockNext, BLOCK_MOST);
    }
    const start = performance.now();
    const got = readSync(this.fd, buf, offset, length, null);
    // Data that came within a poll's time: poll again from the next read on.
    this.blocking = performance.now() - start < this.pollMs ? 0 : this.blocking - 1;
    return got;
  }

  /** Closes the non-blocking descriptor (not `fd`). */
  close(): void {
    if (this.polled >= 0) closeSync(this.polled);
  }

  /** Polls for up to `pollMs`: the count read, or -1 when nothing came. */
  private poll(buf: Buffer, offset: number, length: number): number {
    // NOTE: an empty pipe throws EAGAIN; without a stack trace that costs about 3 µs instead of 5–8.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const until = performance.now() + this.pollMs;
      do {
        try {
          return readSync(this.polled, buf, offset, length, null);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        }
      } while (performance.now() < until);
      return -1;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** `fd`'s pipe opened anew, non-blocking (Node cannot change a descriptor's flags), or -1. */
function openNonBlocking(fd: number): number {
  try {
    // Only a pipe: a file opened anew would be read again from its start.
    if (!fstatSync(fd).isFIFO()) return -1;
    return openSync(`/proc/self/fd/${fd}`, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    // Not Linux (no /proc): blocking reads only.
    return -1;
  }
}
