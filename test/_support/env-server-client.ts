/**
 * A test client of `shopfloor env-server`: spawns the built CLI, frames requests and reads responses as
 * PROTOCOL.md says, written apart from src/rl/server/framing.ts so that the two check each other.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

type Typed = Float32Array | Float64Array | Uint8Array | Int32Array;

const DTYPE = (a: Typed) =>
  a instanceof Float32Array
    ? 'float32'
    : a instanceof Float64Array
      ? 'float64'
      : a instanceof Int32Array
        ? 'int32'
        : 'uint8';
const SIZE: Record<string, number> = { float32: 4, float64: 8, uint8: 1, int32: 4 };
const up8 = (n: number) => Math.ceil(n / 8) * 8;

/** One frame's bytes (length prefix included) for a header and named arrays. */
export function frame(header: Record<string, unknown>, arrays: Record<string, Typed> = {}): Buffer {
  const names = Object.keys(arrays);
  const specs = names.map((name) => ({ name, dtype: DTYPE(arrays[name]!), shape: [arrays[name]!.length] }));
  let json = Buffer.from(JSON.stringify(names.length > 0 ? { ...header, arrays: specs } : header));
  json = Buffer.concat([json, Buffer.alloc(up8(4 + json.length) - 4 - json.length, ' ')]);
  const bodies = names.map((n) => {
    const a = arrays[n]!;
    const b = Buffer.alloc(up8(a.byteLength));
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(b);
    return b;
  });
  const payload = Buffer.concat([Buffer.alloc(4), json, ...bodies]);
  payload.writeUInt32LE(json.length, 0);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(payload.length, 0);
  return Buffer.concat([len, payload]);
}

/** A response header, with the fields the tests read. */
export interface ReplyHeader {
  readonly ok: boolean;
  readonly id?: string;
  readonly error?: { readonly code: string; readonly message: string };
  readonly info?: Record<string, unknown>;
  readonly infos?: Record<string, unknown>[];
  readonly [key: string]: unknown;
}

/** A decoded response: its header and its arrays by name (copies, aligned). */
export interface Reply {
  readonly header: ReplyHeader;
  readonly arrays: Record<string, Typed>;
  readonly shapes: Record<string, number[]>;
}

function parse(body: Buffer): Reply {
  const h = body.readUInt32LE(0);
  if ((4 + h) % 8 !== 0) throw new Error(`reply header of ${h} bytes is not padded to 8`);
  const header = JSON.parse(body.subarray(4, 4 + h).toString('utf8'));
  const arrays: Record<string, Typed> = {};
  const shapes: Record<string, number[]> = {};
  let at = 4 + h;
  for (const s of header.arrays ?? []) {
    const bytes = s.shape.reduce((a: number, d: number) => a * d, 1) * SIZE[s.dtype]!;
    const buf = new Uint8Array(body.subarray(at, at + bytes)).buffer;
    arrays[s.name] =
      s.dtype === 'float32'
        ? new Float32Array(buf)
        : s.dtype === 'float64'
          ? new Float64Array(buf)
          : s.dtype === 'int32'
            ? new Int32Array(buf)
            : new Uint8Array(buf);
    shapes[s.name] = s.shape;
    at += up8(bytes);
  }
  if (at !== body.length) throw new Error(`reply: ${body.length} bytes, arrays end at ${at}`);
  return { header, arrays, shapes };
}

/** A running env server with a request/response helper. */
export class EnvServerClient {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  private buffer = Buffer.alloc(0);
  private waiting: Array<(r: Reply) => void> = [];
  private replies: Reply[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;

  /** `env`: variables added to the server's environment (e.g. `SHOPFLOOR_ENV_THREADS`). */
  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [MAIN, 'env-server'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.child.stdout.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      while (this.buffer.length >= 4) {
        const n = this.buffer.readUInt32LE(0);
        if (this.buffer.length < 4 + n) break;
        const reply = parse(this.buffer.subarray(4, 4 + n));
        this.buffer = this.buffer.subarray(4 + n);
        const w = this.waiting.shift();
        if (w) w(reply);
        else this.replies.push(reply);
      }
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** Bytes left on stdout that are not a whole frame (must be 0: nothing but frames on stdout). */
  get leftover(): number {
    return this.buffer.length;
  }

  /** The next reply, failing after `timeoutMs`. */
  next(timeoutMs = 5000): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reply within ${timeoutMs} ms; stderr: ${this.stderr}`)),
        timeoutMs,
      );
      this.waiting.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  writeRaw(bytes: Buffer): void {
    this.child.stdin.write(bytes);
  }

  /** Sends one request and waits for its reply. */
  request(header: Record<string, unknown>, arrays: Record<string, Typed> = {}): Promise<Reply> {
    this.writeRaw(frame(header, arrays));
    return this.next();
  }

  /** Ends stdin and waits for the exit. */
  async end(): Promise<{ code: number | null; signal: string | null }> {
    this.child.stdin.end();
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
