import {
  applyFrame,
  emptyState,
  indexLayout,
  type LayoutIndex,
  type PlantState,
  wip,
} from './plant-state.js';
import type { Frame, RunInfo } from './types.js';

/** Where {@link Recording.seek} left a state: the state and its cursor (number of events applied). */
export interface SeekResult {
  state: PlantState;
  cursor: number;
}

/** Frames between two of the viewer's own keyframes: a seek applies at most this many after restoring one. */
export const KEYFRAME_EVERY = 2000;

/** KPI series over time, one sample per `stepS` seconds of simulated time. */
export interface KpiSeries {
  /** Sample times, seconds. */
  readonly t: number[];
  /** Parts finished per hour over the last sample step. */
  readonly throughputPerH: number[];
  /** Parts in the system at the sample. */
  readonly wip: number[];
  /** Fraction of servers busy at the sample (0…1). */
  readonly busy: number[];
}

/**
 * A run as the viewer holds it: the header, every frame in time order, the viewer's own keyframes (state
 * copies every {@link KEYFRAME_EVERY} frames, which also carry the time-in-state totals) and KPI series. Events may be appended while the run goes on (live stream,
 * engine in a worker); `stateAt` serves any time up to the last event, from the nearest keyframe, so a jump
 * anywhere costs one state copy and at most a few thousand events, however long the run.
 */
export class Recording {
  readonly index: LayoutIndex;
  readonly frames: Frame[] = [];
  readonly series: KpiSeries = { t: [], throughputPerH: [], wip: [], busy: [] };
  /** Seconds between KPI samples. */
  readonly stepS: number;
  /** Time of the run's `end` frame, seconds, once it came (null while the run goes on). */
  endedAt: number | null = null;
  private readonly keyframes: { at: number; state: PlantState }[] = [];
  private readonly frontier: PlantState;
  private nextSampleS: number;
  private finishedAtLastSample = 0;

  constructor(info: RunInfo) {
    this.index = indexLayout(info);
    this.frontier = emptyState(this.index);
    this.keyframes.push({ at: 0, state: structuredClone(this.frontier) });
    // NOTE: about 600 samples whatever the horizon: enough for a chart a few hundred pixels wide.
    this.stepS = Math.max(60, info.horizonS / 600);
    this.nextSampleS = this.stepS;
  }

  get info(): RunInfo {
    return this.index.info;
  }

  /** Time of the last event, seconds (0 before any). */
  get endS(): number {
    return this.frontier.t;
  }

  /** Appends events (time order, not before the last one); throws naming the first out-of-order event. */
  append(frames: readonly Frame[]): void {
    for (const e of frames) {
      if (e.t < this.frontier.t)
        throw new RangeError(`Recording.append: event at ${e.t} s comes after one at ${this.frontier.t} s`);
      while (e.t >= this.nextSampleS) this.sample(this.nextSampleS);
      applyFrame(this.index, this.frontier, e);
      if (e.k === 'end') this.endedAt = e.t;
      this.frames.push(e);
      if (this.frames.length % KEYFRAME_EVERY === 0)
        this.keyframes.push({ at: this.frames.length, state: structuredClone(this.frontier) });
    }
  }

  /** Closes the series at `endS` (the run's end), so the last partial step is charted too. */
  finish(endS: number): void {
    while (endS >= this.nextSampleS) this.sample(this.nextSampleS);
  }

  /**
   * Moves `state` (a state this recording produced, with `cursor` events applied) to time `t`, seconds:
   * forward by applying events when that is cheaper, else from the keyframe before `t`. Returns the new
   * cursor (number of events applied). All events at exactly `t` are applied. The result is written into
   * `out` when given (the frame loop passes its own, so that a seek allocates nothing).
   */
  seek(state: PlantState, cursor: number, t: number, out?: SeekResult): SeekResult {
    const target = this.upperBound(t);
    if (target < cursor || target - cursor > KEYFRAME_EVERY) {
      let k = this.keyframes.length - 1;
      while (k > 0 && this.keyframes[k]!.at > target) k--;
      const kf = this.keyframes[k]!;
      state = structuredClone(kf.state);
      cursor = kf.at;
    }
    for (; cursor < target; cursor++) applyFrame(this.index, state, this.frames[cursor]!);
    state.t = t;
    if (out === undefined) return { state, cursor };
    out.state = state;
    out.cursor = cursor;
    return out;
  }

  /** A fresh copy of the state at time `t`. */
  stateAt(t: number): PlantState {
    return this.seek(structuredClone(this.keyframes[0]!.state), 0, t).state;
  }

  /** Number of events with time ≤ t (binary search). */
  private upperBound(t: number): number {
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.frames[mid]!.t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private sample(at: number): void {
    const s = this.frontier;
    let busy = 0;
    for (const srv of s.servers) if (srv.state === 0) busy++;
    this.series.t.push(at);
    this.series.throughputPerH.push(((s.finished - this.finishedAtLastSample) * 3600) / this.stepS);
    this.series.wip.push(wip(s));
    this.series.busy.push(s.servers.length === 0 ? 0 : busy / s.servers.length);
    this.finishedAtLastSample = s.finished;
    this.nextSampleS += this.stepS;
  }
}
