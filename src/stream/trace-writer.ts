/**
 * Records one replication of a run into a trace file (see FORMAT.md), as a {@link RunObserver}: the
 * header, then blocks of frames, each block starting with a keyframe. Written to a temporary file beside
 * the target and renamed over it at the end, so an interrupted run never leaves a half-written trace
 * under the final name.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { tempFileBeside } from '../report/temp-file.js';
import type { BuiltModel, ObservedRun, RunObserver } from '../scenario/index.js';
import { crc32, FrameEncoder } from './codec.js';
import { subscribeEncoded } from './encode-events.js';
import { countersOf, keyframeOf } from './frame-source.js';
import type { Frame, TraceHeader } from './frames.js';
import { FRAME_FORMAT_VERSION } from './frames.js';
import { buildLayout } from './layout.js';
import { BLOCK_DEFLATED, BLOCK_HEADER_BYTES, BLOCK_MAGIC, TRACE_MAGIC } from './trace-reader.js';

/**
 * Default simulated time between two keyframes, s (4 h). A keyframe is a full snapshot (about 7 KB of JSON
 * on the demo factory) and cost as much as all the other frames of its hour together; every 4 h, a seek
 * decodes at most 4 h of frames (a few milliseconds) and the snapshots cost a few per cent of the run.
 */
export const DEFAULT_KEYFRAME_EVERY_S = 4 * 3600;
/** Default simulated time between two counters frames, s (1 h). */
export const DEFAULT_COUNTERS_EVERY_S = 3600;
/**
 * Default zlib level of the blocks: 0, stored as they are. The binary frames are compact enough (a 120 h
 * demo-factory trace is about 1 MB) and deflating them would cost more than the whole rest of tracing.
 */
export const DEFAULT_LEVEL = 0;

/** Node's own CRC-32 (Node ≥ 20.15), else the portable one of the codec. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** Options of a {@link TraceWriter}. */
export interface TraceWriterOptions {
  /** The trace file to write (replaced at the end of the run). */
  readonly path: string;
  /** The scenario file's text, stored in the header with its SHA-256. */
  readonly scenarioText: string;
  /** shopfloor's version, stored in the header. */
  readonly version: string;
  /** Replication to record, from 0 (default 0: the first). */
  readonly replication?: number;
  /** Simulated seconds between keyframes (> 0, default {@link DEFAULT_KEYFRAME_EVERY_S}). */
  readonly keyframeEveryS?: number;
  /** Simulated seconds between counters frames (> 0, default {@link DEFAULT_COUNTERS_EVERY_S}). */
  readonly countersEveryS?: number;
  /** zlib level of the blocks: 0 stores them, 1 (fast) to 9 (small) deflates them; default {@link DEFAULT_LEVEL}. */
  readonly level?: number;
}

/** What a {@link TraceWriter} wrote. */
export interface TraceSummary {
  readonly path: string;
  readonly bytes: number;
  readonly frames: number;
  readonly blocks: number;
  readonly durationS: number;
}

/** Records one replication into a trace file. */
export class TraceWriter implements RunObserver {
  private readonly options: TraceWriterOptions;
  private readonly replication: number;
  private readonly keyEveryS: number;
  private readonly countersEveryS: number;
  private readonly encoder = new FrameEncoder();
  private model: BuiltModel | null = null;
  private fd: number | null = null;
  private tmp = '';
  private bytes = 0;
  private frames = 0;
  private blocks = 0;
  private blockT0 = 0;
  private nextKeyS = Number.POSITIVE_INFINITY;
  private nextCountersS = Number.POSITIVE_INFINITY;
  private unsubscribe: (() => void) | null = null;
  private summary_: TraceSummary | null = null;

  constructor(options: TraceWriterOptions) {
    this.options = options;
    this.replication = options.replication ?? 0;
    this.keyEveryS = options.keyframeEveryS ?? DEFAULT_KEYFRAME_EVERY_S;
    this.countersEveryS = options.countersEveryS ?? DEFAULT_COUNTERS_EVERY_S;
    if (!(Number.isInteger(this.replication) && this.replication >= 0)) {
      throw new RangeError(`TraceWriter: replication must be an integer >= 0 (got ${options.replication})`);
    }
    if (!(this.keyEveryS > 0 && Number.isFinite(this.keyEveryS))) {
      throw new RangeError(`TraceWriter: keyframeEveryS must be > 0 s (got ${options.keyframeEveryS})`);
    }
    const level = options.level ?? DEFAULT_LEVEL;
    if (!(Number.isInteger(level) && level >= 0 && level <= 9)) {
      throw new RangeError(`TraceWriter: level must be an integer from 0 to 9 (got ${options.level})`);
    }
    if (!(this.countersEveryS > 0 && Number.isFinite(this.countersEveryS))) {
      throw new RangeError(`TraceWriter: countersEveryS must be > 0 s (got ${options.countersEveryS})`);
    }
  }

  /** What was written, once the recorded replication has ended (else `null`). */
  get summary(): TraceSummary | null {
    return this.summary_;
  }

  start(model: BuiltModel, run: ObservedRun): void {
    if (run.replication !== this.replication) return;
    this.model = model;
    const header: TraceHeader = {
      formatVersion: FRAME_FORMAT_VERSION,
      shopfloorVersion: this.options.version,
      name: run.scenario.name ?? '',
      scenarioText: this.options.scenarioText,
      scenarioSha256: createHash('sha256').update(this.options.scenarioText, 'utf8').digest('hex'),
      seed: run.seed,
      replication: run.replication,
      horizonS: run.horizonS,
      warmupS: run.warmupS,
      keyframeEveryS: this.keyEveryS,
      startDate: run.scenario.run.start ?? null,
      layout: buildLayout(run.scenario, model),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const preamble = Buffer.alloc(16);
    preamble.set(TRACE_MAGIC, 0);
    preamble.writeUInt32LE(FRAME_FORMAT_VERSION, 8);
    preamble.writeUInt32LE(json.length, 12);
    this.tmp = tempFileBeside(this.options.path);
    this.fd = openSync(this.tmp, 'w');
    this.write(preamble);
    this.write(json);
    const now = model.sim.now;
    this.beginBlock();
    this.nextKeyS = now + this.keyEveryS;
    this.nextCountersS = now + this.countersEveryS;
    this.unsubscribe = subscribeEncoded(model.plant, this.encoder);
  }

  nextStopS(nowS: number): number {
    if (this.model === null) return Number.POSITIVE_INFINITY;
    return Math.min(this.nextKeyS, this.nextCountersS) > nowS
      ? Math.min(this.nextKeyS, this.nextCountersS)
      : Number.POSITIVE_INFINITY;
  }

  at(nowS: number): void {
    const model = this.model;
    if (model === null) return;
    if (nowS >= this.nextCountersS) {
      this.push({ k: 'counters', t: nowS, counters: countersOf(model.plant) });
      while (this.nextCountersS <= nowS) this.nextCountersS += this.countersEveryS;
    }
    if (nowS >= this.nextKeyS) {
      this.flushBlock();
      this.beginBlock();
      while (this.nextKeyS <= nowS) this.nextKeyS += this.keyEveryS;
    }
  }

  end(endS: number, reason: 'horizon' | 'stopped'): void {
    if (this.model === null) return;
    const why = reason === 'stopped' ? 'stopped' : this.model.plant.sim.pending === 0 ? 'empty' : 'horizon';
    this.push({ k: 'end', t: endS, reason: why });
    this.flushBlock();
    this.close();
    renameSync(this.tmp, this.options.path);
    this.summary_ = {
      path: this.options.path,
      bytes: this.bytes,
      frames: this.frames,
      blocks: this.blocks,
      durationS: endS,
    };
  }

  abort(): void {
    if (this.model === null) return;
    this.close();
    rmSync(this.tmp, { force: true });
  }

  private close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.model = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private push(frame: Frame): void {
    this.encoder.encode(frame);
  }

  private beginBlock(): void {
    const key = keyframeOf(this.model!.plant);
    this.encoder.reset();
    this.blockT0 = key.t;
    this.push(key);
  }

  private flushBlock(): void {
    const raw = this.encoder.bytesView();
    const level = this.options.level ?? DEFAULT_LEVEL;
    const payload = level === 0 ? raw : zlib.deflateRawSync(raw, { level });
    const head = Buffer.alloc(BLOCK_HEADER_BYTES);
    head.writeUInt32LE(BLOCK_MAGIC, 0);
    head.writeUInt32LE(payload.length, 4);
    head.writeUInt32LE(raw.length, 8);
    head.writeUInt32LE(this.encoder.count, 12);
    head.writeDoubleLE(this.blockT0, 16);
    head.writeDoubleLE(this.encoder.lastT, 24);
    head.writeUInt32LE(nativeCrc32 === undefined ? crc32(payload) : nativeCrc32(payload), 32);
    head.writeUInt32LE(level === 0 ? 0 : BLOCK_DEFLATED, 36);
    this.write(head);
    this.write(payload);
    this.frames += this.encoder.count;
    this.blocks++;
  }

  /** Writes `b` to the file now (a block at a time: no copy, a few system calls per simulated hour). */
  private write(b: Uint8Array): void {
    let done = 0;
    while (done < b.length) done += writeSync(this.fd!, b, done, b.length - done);
    this.bytes += b.length;
  }
}
