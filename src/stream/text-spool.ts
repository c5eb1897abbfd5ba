/**
 * Text appended to an open file through a buffer: a long log goes to disk as it grows instead of being
 * held whole in memory and written at the end. A JavaScript string holds at most about 2^29 characters
 * (V8), so a log built as one string fails on a long run ("Invalid string length"), and holding every
 * record until the end makes memory grow with the horizon.
 */
import { writeSync } from 'node:fs';

/** Characters buffered before a write: one system call per MiB or so, whatever the size of a record. */
const DEFAULT_FLUSH_CHARS = 1 << 20;

/** Appends text to the file open as `fd`, written in pieces of about `flushChars` characters. */
export class TextSpool {
  private readonly fd: number;
  private readonly flushChars: number;
  private parts: string[] = [];
  private chars = 0;
  private bytes_ = 0;

  /**
   * @param fd a file descriptor open for writing; the spool never closes it.
   * @param flushChars characters buffered before they are written (default 2^20), > 0.
   */
  constructor(fd: number, flushChars: number = DEFAULT_FLUSH_CHARS) {
    if (!(Number.isInteger(flushChars) && flushChars > 0))
      throw new RangeError(`TextSpool: flushChars must be an integer > 0 (got ${flushChars})`);
    this.fd = fd;
    this.flushChars = flushChars;
  }

  /** Bytes written to the file so far (UTF-8; what is still buffered is not counted). */
  get bytesWritten(): number {
    return this.bytes_;
  }

  /** Appends `text`; writes the buffer once it holds `flushChars` characters or more. */
  append(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.flushChars) this.flush();
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.parts.length === 0) return;
    const b = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done);
    this.bytes_ += b.length;
  }
}
