/**
 * The binary encoding of frames inside a trace block (see FORMAT.md): one byte of kind, the time as a
 * float64 unless the frame has the time of the one before, then the kind's fields in a fixed order. A string is its number in the block's string table
 * plus one, or 0 followed by its text the first time the block uses it, so each block decodes on its own.
 * Browser-safe.
 */
import type { Frame, FrameKind } from './frames.js';
import { FRAME_FORMAT_VERSION, FRAME_KINDS } from './frames.js';

/** Field types: s string, n unsigned integer (varint), f float64, b boolean, p point (2 × float64), j JSON. */
type FieldType = 's' | 'n' | 'f' | 'b' | 'p' | 'j';

/** The fields of each kind after `k` and `t`, in their order on disk (append only; see FORMAT.md). */
export const FRAME_FIELDS: Readonly<Record<FrameKind, readonly (readonly [string, FieldType])[]>> = {
  keyframe: [['snapshot', 'j']],
  end: [['reason', 's']],
  released: [
    ['part', 'n'],
    ['product', 's'],
    ['at', 's'],
    ['assembled', 'b'],
    ['releaseS', 'f'],
  ],
  moved: [
    ['part', 'n'],
    ['from', 's'],
    ['to', 's'],
  ],
  left: [
    ['part', 'n'],
    ['why', 's'],
    ['at', 's'],
  ],
  started: [
    ['part', 'n'],
    ['station', 's'],
    ['server', 'n'],
  ],
  finished: [
    ['part', 'n'],
    ['station', 's'],
    ['server', 'n'],
  ],
  server: [
    ['station', 's'],
    ['server', 'n'],
    ['state', 's'],
  ],
  failed: upkeep(),
  repaired: upkeep(),
  'maintenance-started': upkeep(),
  'maintenance-ended': upkeep(),
  'setup-started': upkeep(),
  inspected: [
    ['station', 's'],
    ['part', 'n'],
    ['outcome', 's'],
  ],
  buffer: [
    ['buffer', 's'],
    ['level', 'n'],
  ],
  shift: [
    ['entity', 's'],
    ['on', 'b'],
  ],
  conveyor: [
    ['conveyor', 's'],
    ['state', 's'],
  ],
  item: [
    ['conveyor', 's'],
    ['part', 'n'],
    ['positionM', 'f'],
    ['speedMps', 'f'],
  ],
  robot: [
    ['fleet', 's'],
    ['robot', 's'],
    ['state', 's'],
  ],
  'robot-job': [
    ['fleet', 's'],
    ['robot', 's'],
    ['phase', 's'],
    ['kind', 's'],
    ['part', 'n'],
  ],
  crew: [
    ['pool', 's'],
    ['crew', 's'],
    ['state', 's'],
  ],
  'crew-job': [
    ['pool', 's'],
    ['crew', 's'],
    ['job', 'j'],
  ],
  'robot-move': motion(),
  'crew-move': motion(),
  counters: [['counters', 'j']],
  operator: [
    ['pool', 's'],
    ['operator', 's'],
    ['state', 's'],
  ],
  'operator-job': [
    ['pool', 's'],
    ['operator', 's'],
    ['job', 'j'],
  ],
  'operator-move': motion(),
};

function upkeep(): readonly (readonly [string, FieldType])[] {
  return [
    ['station', 's'],
    ['server', 'n'],
    ['what', 's'],
  ];
}

function motion(): readonly (readonly [string, FieldType])[] {
  return [
    ['group', 's'],
    ['member', 's'],
    ['from', 'p'],
    ['to', 'p'],
    ['arriveT', 'f'],
  ];
}

/** The code of each frame kind (its index in `FRAME_KINDS`). */
export const KIND_CODE = new Map<FrameKind, number>(FRAME_KINDS.map((k, i) => [k, i]));
/** Per kind code, its fields as two flat arrays (for the encoder's loops). */
const SPECS = FRAME_KINDS.map((k, code) => ({
  code,
  names: FRAME_FIELDS[k].map((f) => f[0]),
  types: FRAME_FIELDS[k].map((f) => f[1]),
}));
const utf8 = new TextEncoder();
/**
 * Bit 7 of a frame's kind byte (format version ≥ 2): the frame has the time of the frame before it in the
 * block, and no time field follows.
 */
export const SAME_TIME = 0x80;
/** Bytes each field type takes at most, text apart (a string's reference varint, at most 8 bytes). */
const FIELD_BYTES: Readonly<Record<FieldType, number>> = { s: 8, n: 8, f: 8, b: 1, p: 16, j: 0 };
/**
 * Room reserved by {@link FrameEncoder.head}: the largest frame without its texts (kind, time and the
 * fixed-size fields), so the field writers need not check the buffer's size; a text reserves its own.
 */
const FRAME_ROOM =
  9 + Math.max(...FRAME_KINDS.map((k) => FRAME_FIELDS[k].reduce((n, f) => n + FIELD_BYTES[f[1]], 0)));

/** A growable byte buffer that frames are encoded into (one per block). */
export class FrameEncoder {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private length_ = 0;
  private readonly strings = new Map<string, number>();
  /** Frames encoded since the last {@link FrameEncoder.reset}. */
  count = 0;
  /** Time of the last frame started, s (the block header's `t1`). */
  lastT = 0;
  /** Flag a frame that has the time of the one before (format version ≥ 2). */
  private readonly sameTimeFlag: boolean;

  /** @param version the format version to write (1 or 2; default {@link FRAME_FORMAT_VERSION}). */
  constructor(version: number = FRAME_FORMAT_VERSION) {
    this.sameTimeFlag = version >= 2;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.length_;
  }

  /** The encoded bytes (a view, valid until the next write). */
  bytesView(): Uint8Array {
    return this.bytes.subarray(0, this.length_);
  }

  /** Empties the buffer and the string table (a new block). */
  reset(): void {
    this.length_ = 0;
    this.strings.clear();
    this.count = 0;
    this.lastT = 0;
  }

  /** Appends `frame` (any kind; the trace writer encodes the frequent kinds field by field instead). */
  encode(frame: Frame): void {
    const spec = SPECS[KIND_CODE.get(frame.k)!]!;
    const { names, types } = spec;
    const rec = frame as unknown as Record<string, unknown>;
    this.head(spec.code, frame.t);
    // NOTE: indexed loops over precomputed arrays (no destructuring iterators), for speed.
    for (let i = 0; i < names.length; i++) {
      const v = rec[names[i]!];
      switch (types[i]) {
        case 's':
          this.str(v as string);
          break;
        case 'n':
          this.uint(v as number);
          break;
        case 'f':
          this.float(v as number);
          break;
        case 'b':
          this.bool(v as boolean);
          break;
        case 'p': {
          const p = v as { x: number; y: number };
          this.point(p.x, p.y);
          break;
        }
        case 'j':
          this.text(JSON.stringify(v));
          break;
      }
    }
  }

  /**
   * Starts a frame of kind `code` (its index in `FRAME_KINDS`) at `t` (s); its fields follow in order,
   * written with the field methods below. Those rely on the room this call reserves (the frame's largest
   * size without texts), so every field must belong to a frame started here.
   */
  head(code: number, t: number): void {
    this.ensure(FRAME_ROOM);
    // Most frames share the time of the frame before (one event publishes several): a flag replaces it.
    if (t === this.lastT && this.count > 0 && this.sameTimeFlag) {
      this.bytes[this.length_++] = code | SAME_TIME;
    } else {
      this.bytes[this.length_++] = code;
      this.view.setFloat64(this.length_, t, true);
      this.length_ += 8;
    }
    this.count++;
    this.lastT = t;
  }

  /** A string field: its number in the block's table plus one, or 0 and the text when it is new. */
  str(s: string): void {
    const known = this.strings.get(s);
    if (known !== undefined) {
      // NOTE: a block rarely holds more than 127 strings: their reference is then a single byte.
      if (known < 0x7f) this.bytes[this.length_++] = known + 1;
      else this.uint(known + 1);
      return;
    }
    if (typeof s !== 'string')
      throw new TypeError(`FrameEncoder: expected a string field (got ${String(s)})`);
    this.strings.set(s, this.strings.size);
    this.bytes[this.length_++] = 0;
    this.text(s);
  }

  /** A boolean field. */
  bool(v: boolean): void {
    this.bytes[this.length_++] = v ? 1 : 0;
  }

  /** A JSON field. */
  json(v: unknown): void {
    this.text(JSON.stringify(v));
  }

  private text(s: string): void {
    // At most 3 bytes per UTF-16 unit: encode in place after a length prefix sized for that bound.
    const max = s.length * 3;
    this.ensure(max + 4 + FRAME_ROOM);
    const prefix = max < 0x80 ? 1 : max < 0x4000 ? 2 : max < 0x200000 ? 3 : 4;
    const start = this.length_ + prefix;
    const { written } = utf8.encodeInto(s, this.bytes.subarray(start, start + max));
    // A fixed-width varint: continuation bits on every prefix byte but the last.
    let v = written;
    for (let i = 0; i < prefix; i++) {
      this.bytes[this.length_ + i] = (v & 0x7f) | (i < prefix - 1 ? 0x80 : 0);
      v = Math.floor(v / 0x80);
    }
    this.length_ = start + written;
  }

  /** A float64 field. */
  float(v: number): void {
    this.view.setFloat64(this.length_, v, true);
    this.length_ += 8;
  }

  /** A point field (x then y, metres). */
  point(x: number, y: number): void {
    this.view.setFloat64(this.length_, x, true);
    this.view.setFloat64(this.length_ + 8, y, true);
    this.length_ += 16;
  }

  /** An unsigned integer field (varint). */
  uint(v: number): void {
    // NOTE: fast path for the usual small integers (ids, indices, levels): exact 32-bit shifts.
    if (v >>> 0 === v) {
      const b = this.bytes;
      let n = this.length_;
      while (v >= 0x80) {
        b[n++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      b[n++] = v;
      this.length_ = n;
      return;
    }
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Number.isInteger(v))) {
      throw new RangeError(`FrameEncoder: expected an integer >= 0 (got ${v})`);
    }
    while (v >= 0x80) {
      this.bytes[this.length_++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length_++] = v;
  }

  private ensure(n: number): void {
    if (this.length_ + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length_ + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length_));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
}

/** A trace that cannot be read: `offset` is the byte of the file where the problem is. */
export class TraceFormatError extends Error {
  readonly code = 'TRACE_FORMAT';
  readonly fatal = true;
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TraceFormatError';
  }
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the frames of one block's (decompressed) payload. `fileOffset` is where the block starts in
 * the file, named by the errors (with the offset inside the payload).
 * @throws TraceFormatError for an unknown kind, a string used before it is defined, or a record cut short.
 */
export function decodeFrames(
  payload: Uint8Array,
  fileOffset: number,
  version: number = FRAME_FORMAT_VERSION,
): Frame[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const strings: string[] = [];
  const frames: Frame[] = [];
  let at = 0;
  const fail = (what: string): never => {
    throw new TraceFormatError(
      `trace: ${what} at byte ${at} of the block that starts at byte ${fileOffset}`,
      fileOffset,
    );
  };
  const need = (n: number) => {
    if (at + n > payload.length) fail(`record cut short (needs ${n} more bytes)`);
  };
  const varint = (): number => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      need(1);
      const b = payload[at++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
    return fail('varint longer than 8 bytes');
  };
  const float = (): number => {
    need(8);
    const v = view.getFloat64(at, true);
    at += 8;
    return v;
  };
  const text = (): string => {
    const n = varint();
    need(n);
    let s = '';
    try {
      s = utf8Decoder.decode(payload.subarray(at, at + n));
    } catch {
      fail('invalid UTF-8 text');
    }
    at += n;
    return s;
  };
  let t = 0;
  while (at < payload.length) {
    let code = payload[at++]!;
    const sameTime = version >= 2 && (code & SAME_TIME) !== 0;
    if (sameTime) {
      if (frames.length === 0) fail('same-time flag on the first frame of a block');
      code &= ~SAME_TIME;
    }
    const k = FRAME_KINDS[code];
    if (k === undefined) fail(`unknown frame kind ${code}`);
    if (!sameTime) t = float();
    const frame: Record<string, unknown> = { k, t };
    for (const [name, type] of FRAME_FIELDS[k!]) {
      switch (type) {
        case 's': {
          const i = varint();
          if (i === 0) {
            const s = text();
            strings.push(s);
            frame[name] = s;
            break;
          }
          const s = strings[i - 1];
          if (s === undefined) fail(`string ${i - 1} used before it is defined`);
          frame[name] = s;
          break;
        }
        case 'n':
          frame[name] = varint();
          break;
        case 'f':
          frame[name] = float();
          break;
        case 'b':
          need(1);
          frame[name] = payload[at++] === 1;
          break;
        case 'p':
          frame[name] = { x: float(), y: float() };
          break;
        case 'j': {
          const s = text();
          try {
            frame[name] = JSON.parse(s);
          } catch {
            fail('invalid JSON');
          }
          break;
        }
      }
    }
    frames.push(frame as unknown as Frame);
  }
  return frames;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the zlib/PNG polynomial) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
