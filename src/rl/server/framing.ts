/**
 * The env server's frames (see PROTOCOL.md): `u32le N`, then N bytes = `u32le H`, a UTF-8 JSON header of
 * H bytes padded with spaces so that 4 + H is a multiple of 8, then the raw little-endian bodies of the
 * typed arrays the header's `arrays` lists, in order, each padded with zeros to a multiple of 8 bytes.
 * Pure functions over bytes: no stream, no state.
 */

/** Largest frame accepted or written, bytes (the N of a frame): 64 MiB. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** Element types an array of a frame may have. */
export type ArrayDtype = 'float32' | 'float64' | 'uint8' | 'int32';

/** A typed array of one of the {@link ArrayDtype}s. */
export type FrameArray = Float32Array | Float64Array | Uint8Array | Int32Array;

/** How the header describes one array. */
export interface ArraySpec {
  readonly name: string;
  readonly dtype: ArrayDtype;
  /** Dimensions, row-major; the product is the number of elements (`[]` is one scalar). */
  readonly shape: readonly number[];
}

/** A decoded message: its JSON header (without `arrays`) and its arrays by name. */
export interface Message {
  readonly header: Readonly<Record<string, unknown>>;
  readonly arrays: ReadonlyMap<string, FrameArray>;
}

/** A frame that cannot be read: the stream cannot be resynchronised, so the server must stop. */
export class FrameError extends Error {
  readonly code = 'BAD_FRAME';
  readonly fatal = true;
}

const BYTES: Record<ArrayDtype, number> = { float32: 4, float64: 8, uint8: 1, int32: 4 };

const pad8 = (n: number) => (n + 7) & ~7;

// NOTE: one decoder for every frame, for speed (a TextDecoder per frame showed in profiles).
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function dtypeOf(a: FrameArray): ArrayDtype {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  return 'uint8';
}

/** An array to write: its name, its data and its shape (default `[data.length]`). */
export interface OutArray {
  readonly name: string;
  readonly data: FrameArray;
  readonly shape?: readonly number[];
}

/** The specs of `arrays`, as a header lists them. */
export function specsOf(arrays: readonly OutArray[]): ArraySpec[] {
  return arrays.map((a) => ({ name: a.name, dtype: dtypeOf(a.data), shape: a.shape ?? [a.data.length] }));
}

/**
 * The start of a frame's N bytes for `header` (with its `arrays` specs already in it when it has arrays):
 * `u32le H` and the JSON padded with spaces so that 4 + H is a multiple of 8. A server that answers
 * with the same header many times (every `step` of an env) encodes it once and passes it to
 * {@link frameOf}.
 */
export function encodeHeader(header: Record<string, unknown>): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const h = pad8(4 + json.length) - 4;
  const out = Buffer.allocUnsafe(4 + h);
  out.writeUInt32LE(h, 0);
  json.copy(out, 4);
  out.fill(0x20, 4 + json.length);
  return out;
}

/**
 * A whole frame (length prefix included) from an encoded header ({@link encodeHeader}) and the bodies of
 * the arrays it lists, in order. One allocation; the padding is zeroed (same message, same bytes).
 * Throws a RangeError past the maximum.
 */
export function frameOf(head: Buffer, arrays: readonly OutArray[]): Buffer {
  let n = head.length;
  for (const a of arrays) n += pad8(a.data.byteLength);
  if (n > MAX_FRAME_BYTES) {
    throw new RangeError(`encodeFrame: frame of ${n} bytes exceeds the maximum of ${MAX_FRAME_BYTES}`);
  }
  const out = Buffer.allocUnsafe(4 + n);
  out.writeUInt32LE(n, 0);
  head.copy(out, 4);
  let at = 4 + head.length;
  for (const a of arrays) {
    // NOTE: the host is little-endian (checked by the server at start), so bytes are copied as they are.
    const len = a.data.byteLength;
    out.set(new Uint8Array(a.data.buffer, a.data.byteOffset, len), at);
    const end = at + pad8(len);
    if (end > at + len) out.fill(0, at + len, end);
    at = end;
  }
  return out;
}

/** Encodes one message as a whole frame (length prefix included). Throws a RangeError past the maximum. */
export function encodeFrame(header: Record<string, unknown>, arrays: readonly OutArray[] = []): Buffer {
  return frameOf(encodeHeader(arrays.length === 0 ? header : { ...header, arrays: specsOf(arrays) }), arrays);
}

function checkSpecs(value: unknown): ArraySpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new FrameError('frame: header.arrays must be a list');
  return value.map((s: unknown, i) => {
    const spec = s as Partial<ArraySpec> | null;
    if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string') {
      throw new FrameError(`frame: header.arrays[${i}] needs a string name`);
    }
    if (typeof spec.dtype !== 'string' || !Object.hasOwn(BYTES, spec.dtype)) {
      throw new FrameError(
        `frame: header.arrays[${i}] (${spec.name}) dtype must be one of ${Object.keys(BYTES).join(', ')} (got ${JSON.stringify(spec.dtype)})`,
      );
    }
    if (
      !Array.isArray(spec.shape) ||
      !spec.shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)
    ) {
      throw new FrameError(
        `frame: header.arrays[${i}] (${spec.name}) shape must be a list of integers >= 0 (got ${JSON.stringify(spec.shape)})`,
      );
    }
    return { name: spec.name, dtype: spec.dtype as ArrayDtype, shape: spec.shape };
  });
}

/** The last header parsed, by its bytes: a client repeats the same header at every step of an env. */
let lastHeader: { bytes: Buffer; header: Readonly<Record<string, unknown>>; specs: ArraySpec[] } | null =
  null;

/** The JSON header of `body` (its `h` bytes after the length) without `arrays`, and the checked specs. */
function parseHeader(
  body: Buffer,
  h: number,
): { header: Readonly<Record<string, unknown>>; specs: ArraySpec[] } {
  // NOTE: the header object is shared by frames with the same header bytes (frozen: nobody changes it).
  if (
    lastHeader !== null &&
    lastHeader.bytes.length === h &&
    body.compare(lastHeader.bytes, 0, h, 4, 4 + h) === 0
  ) {
    return lastHeader;
  }
  let header: unknown;
  try {
    header = JSON.parse(UTF8.decode(body.subarray(4, 4 + h)));
  } catch (error) {
    throw new FrameError(
      `frame: header is not UTF-8 JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new FrameError('frame: header must be a JSON object');
  }
  const { arrays: rawSpecs, ...rest } = header as Record<string, unknown>;
  const parsed = { header: Object.freeze(rest), specs: checkSpecs(rawSpecs) };
  lastHeader = { bytes: Buffer.from(body.subarray(4, 4 + h)), ...parsed };
  return parsed;
}

/**
 * Decodes the N bytes of one frame (after its length prefix). Throws {@link FrameError} on a header
 * length past the body, bad UTF-8 or JSON, a header that is not an object, bad array specs, or bodies
 * whose total length differs from what the specs say.
 */
export function decodeFrame(body: Buffer): Message {
  if (body.length < 4) throw new FrameError(`frame: ${body.length} bytes is too short for a header length`);
  const h = body.readUInt32LE(0);
  if (h > body.length - 4) {
    throw new FrameError(`frame: header length ${h} exceeds the frame's ${body.length - 4} remaining bytes`);
  }
  const { header: rest, specs } = parseHeader(body, h);
  let expected = 4 + h;
  const sizes = specs.map((s) => s.shape.reduce((a, d) => a * d, 1) * BYTES[s.dtype]);
  for (const size of sizes) expected += pad8(size);
  if (expected !== body.length) {
    throw new FrameError(
      `frame: ${body.length} bytes, but header (${h} bytes) and arrays [${specs.map((s, i) => `${s.name} ${s.dtype}[${s.shape.join('×')}] = ${sizes[i]} B`).join(', ')}], each padded to 8, make ${expected}`,
    );
  }
  const arrays = new Map<string, FrameArray>();
  let at = 4 + h;
  specs.forEach((s, i) => {
    // Copied so that the typed array is aligned whatever the buffer's offset.
    const bytes = new Uint8Array(body.subarray(at, at + sizes[i]!)).buffer;
    const data =
      s.dtype === 'float32'
        ? new Float32Array(bytes)
        : s.dtype === 'float64'
          ? new Float64Array(bytes)
          : s.dtype === 'int32'
            ? new Int32Array(bytes)
            : new Uint8Array(bytes);
    arrays.set(s.name, data);
    at += pad8(sizes[i]!);
  });
  return { header: rest, arrays };
}

/**
 * Splits a byte stream into frames: `push` chunks in, `next()` gives the next whole frame's N bytes, or
 * `undefined` until more arrive. A length past {@link MAX_FRAME_BYTES} throws {@link FrameError} as soon
 * as its 4 bytes are in (the server does not wait for 64 MiB of garbage).
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /** Bytes received that are not part of a whole frame yet. */
  get pending(): number {
    return this.buffered;
  }

  next(): Buffer | undefined {
    if (this.buffered < 4) return undefined;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [all];
    const n = all.readUInt32LE(0);
    if (n > MAX_FRAME_BYTES) {
      throw new FrameError(`frame: length ${n} exceeds the maximum of ${MAX_FRAME_BYTES} bytes (64 MiB)`);
    }
    if (all.length < 4 + n) return undefined;
    const body = all.subarray(4, 4 + n);
    const rest = all.subarray(4 + n);
    this.chunks = rest.length === 0 ? [] : [rest];
    this.buffered = rest.length;
    return body;
  }
}
