/**
 * Reads a trace file's bytes (see FORMAT.md): the header, an index of its blocks, the frames between two
 * times and the state at any time, seeking through the keyframe that starts each block. Browser-safe:
 * bytes in (`Uint8Array`), no Node module; `openTrace` (open-trace.ts) wraps it for files.
 */
import { inflateSync } from 'fflate';
import { crc32, decodeFrames, TraceFormatError } from './codec.js';
import type { EndFrame, Frame, FrameKind, KeyFrame, PlantSnapshot, TraceHeader } from './frames.js';
import { FRAME_FORMAT_VERSION } from './frames.js';
import { StateBuilder } from './state-builder.js';

/** The first 8 bytes of a trace: `SFTRACE` and a zero byte. */
export const TRACE_MAGIC = new Uint8Array([0x53, 0x46, 0x54, 0x52, 0x41, 0x43, 0x45, 0x00]);
/** The first 4 bytes of a block, `SBLK`. */
export const BLOCK_MAGIC = 0x4b4c4253;
/** Bytes of a block's header before its payload. */
export const BLOCK_HEADER_BYTES = 40;
/** Flag of a block whose payload is deflated (raw DEFLATE, RFC 1951); without it the payload is stored. */
export const BLOCK_DEFLATED = 1;
/** Bytes before the header's JSON: magic, format version, header length. */
export const PREAMBLE_BYTES = 16;

/** One block of a trace: a keyframe and the frames after it, up to the next block. */
export interface BlockInfo {
  /** Byte offset of the block in the file. */
  readonly offset: number;
  /** Time of its keyframe (its first frame), s. */
  readonly t0: number;
  /** Time of its last frame, s. */
  readonly t1: number;
  readonly frames: number;
  /** Compressed and raw payload sizes, bytes. */
  readonly compressedBytes: number;
  readonly rawBytes: number;
  /** Whether the payload is deflated. */
  readonly deflated: boolean;
}

/** Options of {@link TraceReader.frames}. */
export interface FramesOptions {
  /** Include the keyframes that start blocks (default `false`: only what happened). */
  readonly keyframes?: boolean;
}

/** Decoded blocks kept for re-use (a viewer scrubbing back and forth touches a few). */
const CACHED_BLOCKS = 8;

/** A trace opened from its bytes. */
export class TraceReader {
  readonly header: TraceHeader;
  readonly blocks: readonly BlockInfo[];
  /** Size of the trace, bytes. */
  readonly byteLength: number;
  /** The file's format version (1 or 2: version 2 flags a frame that has the time of the one before). */
  readonly formatVersion: number;
  private readonly bytes: Uint8Array;
  private readonly cache = new Map<number, Frame[]>();
  private readonly end: EndFrame;

  /**
   * Reads the header and the index of blocks, and checks that the trace ends with its end frame.
   * @throws TraceFormatError naming the byte offset of the first problem (not a trace, a newer format,
   * truncated, corrupt).
   */
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.byteLength = bytes.length;
    if (bytes.length < PREAMBLE_BYTES) {
      throw new TraceFormatError(`trace: file too short (${bytes.length} bytes) to be a trace, at byte 0`, 0);
    }
    for (let i = 0; i < TRACE_MAGIC.length; i++) {
      if (bytes[i] !== TRACE_MAGIC[i])
        throw new TraceFormatError('trace: not a shopfloor trace (bad magic at byte 0)', 0);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(8, true);
    this.formatVersion = version;
    if (version > FRAME_FORMAT_VERSION || version < 1) {
      throw new TraceFormatError(
        `trace: format version ${version} at byte 8 is not supported (this reader reads 1 to ${FRAME_FORMAT_VERSION})`,
        8,
      );
    }
    const headerLength = view.getUint32(12, true);
    if (PREAMBLE_BYTES + headerLength > bytes.length) {
      throw new TraceFormatError(
        `trace: truncated header at byte ${PREAMBLE_BYTES} (needs ${headerLength} bytes, ${bytes.length - PREAMBLE_BYTES} left)`,
        PREAMBLE_BYTES,
      );
    }
    try {
      this.header = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + headerLength)),
      );
    } catch (e) {
      throw new TraceFormatError(
        `trace: corrupt header at byte ${PREAMBLE_BYTES}: ${(e as Error).message}`,
        PREAMBLE_BYTES,
      );
    }
    const blocks: BlockInfo[] = [];
    let at = PREAMBLE_BYTES + headerLength;
    while (at < bytes.length) {
      if (at + BLOCK_HEADER_BYTES > bytes.length) {
        throw new TraceFormatError(
          `trace: truncated block header at byte ${at} (${bytes.length - at} of ${BLOCK_HEADER_BYTES} bytes)`,
          at,
        );
      }
      if (view.getUint32(at, true) !== BLOCK_MAGIC)
        throw new TraceFormatError(`trace: corrupt block (bad magic) at byte ${at}`, at);
      const compressedBytes = view.getUint32(at + 4, true);
      const rawBytes = view.getUint32(at + 8, true);
      const frames = view.getUint32(at + 12, true);
      const t0 = view.getFloat64(at + 16, true);
      const t1 = view.getFloat64(at + 24, true);
      const flags = view.getUint32(at + 36, true);
      if ((flags & ~BLOCK_DEFLATED) !== 0 || (flags === 0 && compressedBytes !== rawBytes)) {
        throw new TraceFormatError(`trace: corrupt block (flags ${flags}) at byte ${at}`, at);
      }
      if (at + BLOCK_HEADER_BYTES + compressedBytes > bytes.length) {
        throw new TraceFormatError(
          `trace: truncated block at byte ${at} (payload of ${compressedBytes} bytes, ${bytes.length - at - BLOCK_HEADER_BYTES} left)`,
          at,
        );
      }
      const last = blocks[blocks.length - 1];
      if (!(t1 >= t0) || (last !== undefined && t0 < last.t1)) {
        throw new TraceFormatError(`trace: corrupt block times (${t0} s to ${t1} s) at byte ${at}`, at);
      }
      blocks.push({
        offset: at,
        t0,
        t1,
        frames,
        compressedBytes,
        rawBytes,
        deflated: flags === BLOCK_DEFLATED,
      });
      at += BLOCK_HEADER_BYTES + compressedBytes;
    }
    if (blocks.length === 0) {
      throw new TraceFormatError(`trace: truncated after the header: no block at byte ${at}`, at);
    }
    this.blocks = blocks;
    const lastBlock = blocks[blocks.length - 1]!;
    const lastFrames = this.blockFrames(blocks.length - 1);
    const end = lastFrames[lastFrames.length - 1];
    if (end === undefined || end.k !== 'end') {
      throw new TraceFormatError(
        `trace: truncated: the last block (at byte ${lastBlock.offset}) does not end with the end frame`,
        lastBlock.offset,
      );
    }
    this.end = end;
  }

  /** Time of the last instant recorded, s. */
  get durationS(): number {
    return this.end.t;
  }

  /** Why the recorded run ended. */
  get endReason(): EndFrame['reason'] {
    return this.end.reason;
  }

  /** The frames of block `i`, decompressed, checked and decoded (cached). */
  blockFrames(i: number): Frame[] {
    const hit = this.cache.get(i);
    if (hit !== undefined) {
      this.cache.delete(i);
      this.cache.set(i, hit);
      return hit;
    }
    const b = this.blocks[i];
    if (b === undefined)
      throw new RangeError(`TraceReader.blockFrames: no block ${i} (there are ${this.blocks.length})`);
    const payload = this.bytes.subarray(
      b.offset + BLOCK_HEADER_BYTES,
      b.offset + BLOCK_HEADER_BYTES + b.compressedBytes,
    );
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (crc32(payload) !== view.getUint32(b.offset + 32, true)) {
      throw new TraceFormatError(`trace: corrupt block (checksum mismatch) at byte ${b.offset}`, b.offset);
    }
    let raw: Uint8Array = payload;
    try {
      if (b.deflated) raw = inflateSync(payload, { out: new Uint8Array(b.rawBytes) });
    } catch (e) {
      throw new TraceFormatError(
        `trace: corrupt block (cannot decompress: ${(e as Error).message}) at byte ${b.offset}`,
        b.offset,
      );
    }
    if (raw.length !== b.rawBytes) {
      throw new TraceFormatError(
        `trace: corrupt block (${raw.length} bytes decompressed, ${b.rawBytes} announced) at byte ${b.offset}`,
        b.offset,
      );
    }
    const frames = decodeFrames(raw, b.offset, this.formatVersion);
    if (frames.length !== b.frames || frames[0]?.k !== 'keyframe') {
      throw new TraceFormatError(
        `trace: corrupt block (${frames.length} frames, ${b.frames} announced, or no keyframe first) at byte ${b.offset}`,
        b.offset,
      );
    }
    this.cache.set(i, frames);
    if (this.cache.size > CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    return frames;
  }

  /** Index of the block whose keyframe is the last at or before `t` (the first block before it). */
  blockAt(t: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid]!.t0 <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The keyframe that starts the block of {@link TraceReader.blockAt}. */
  keyframeAt(t: number): KeyFrame {
    return this.blockFrames(this.blockAt(t))[0] as KeyFrame;
  }

  /**
   * The frames with `t0 ≤ t ≤ t1` (seconds), in order. Keyframes only with `keyframes: true`.
   * Reads only the blocks that overlap the interval.
   */
  *frames(t0: number, t1: number, options: FramesOptions = {}): Generator<Frame> {
    if (!(t1 >= t0)) throw new RangeError(`TraceReader.frames: t1 (${t1} s) must be ≥ t0 (${t0} s)`);
    for (let i = this.blockAt(t0); i < this.blocks.length && this.blocks[i]!.t0 <= t1; i++) {
      for (const f of this.blockFrames(i)) {
        if (f.t < t0 || (f.k === 'keyframe' && options.keyframes !== true)) continue;
        if (f.t > t1) break;
        yield f;
      }
    }
  }

  /**
   * The plant's state at `t` (seconds): the keyframe at or before `t`, then every frame before `t` applied
   * (the frames at exactly `t` are not: the state a run stopped with `until: t` shows).
   */
  stateAt(t: number): PlantSnapshot {
    if (Number.isNaN(t)) throw new RangeError('TraceReader.stateAt: t must be a number of seconds (got NaN)');
    const frames = this.blockFrames(this.blockAt(t));
    const key = frames[0] as KeyFrame;
    const builder = new StateBuilder(key.snapshot);
    if (t < key.t) return builder.snapshot(key.t);
    for (let i = 1; i < frames.length; i++) {
      const f = frames[i]!;
      if (f.t >= t) break;
      builder.apply(f);
    }
    return builder.snapshot(t);
  }

  /** How many frames of each kind the trace holds (reads every block). */
  counts(): Record<FrameKind, number> {
    const counts = {} as Record<FrameKind, number>;
    for (let i = 0; i < this.blocks.length; i++) {
      for (const f of this.blockFrames(i)) counts[f.k] = (counts[f.k] ?? 0) + 1;
    }
    return counts;
  }
}
