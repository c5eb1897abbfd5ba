/**
 * A run paced against the wall clock for live viewing: simulated time advances at `speed` simulated
 * seconds per wall second (or as fast as possible), can be paused, resumed and stepped one event at a
 * time, and hands the frames of each slice to a listener. The simulation itself is the same as
 * `runScenario`'s replication: pausing and slicing change no event and no random draw.
 */
import type { Plant } from '../entities/index.js';
import { type BuiltModel, buildPlant, type Scenario } from '../scenario/index.js';
import { subscribeFrames } from './frame-source.js';
import type { DeltaFrame, EndFrame, Frame } from './frames.js';

/** Slowest and fastest paced speeds, simulated seconds per wall second. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10_000;

/** A speed: simulated seconds per wall second, or as fast as the machine runs. */
export type Speed = number | 'max';

/** Wall time between two slices, ms. */
const SLICE_MS = 50;
/** Events a slice may run at most, so that a slice stays short and control messages are answered. */
const SLICE_EVENTS = 20_000;
/** Wall time a slice at `max` speed may take, ms. */
const MAX_SLICE_MS = 40;

/** What a {@link LiveRun} reports of itself. */
export interface LiveStatus {
  /** Simulated time, s. */
  readonly t: number;
  readonly paused: boolean;
  readonly speed: Speed;
  /** `true` once the horizon is reached (or the run failed). */
  readonly ended: boolean;
  /** Why the run stopped early (a deadlock …), else `null`. */
  readonly error: string | null;
  readonly horizonS: number;
}

/** Options of a {@link LiveRun}. */
export interface LiveRunOptions {
  readonly scenario: Scenario;
  /** Master seed (default: the scenario's). */
  readonly seed?: number;
  /** Horizon, s (default: the scenario's). */
  readonly horizonS?: number;
  /** Initial speed (default 60: one simulated minute per second). */
  readonly speed?: Speed;
  /** Start paused (default `false`). */
  readonly paused?: boolean;
  /** Called after each slice with the frames it produced (possibly none) and the status. */
  readonly onSlice: (frames: readonly Frame[], status: LiveStatus) => void;
}

/** Checks a speed (a number within [{@link MIN_SPEED}, {@link MAX_SPEED}] or `'max'`). */
export function checkSpeed(speed: unknown): Speed {
  if (speed === 'max') return 'max';
  if (typeof speed === 'number' && speed >= MIN_SPEED && speed <= MAX_SPEED) return speed;
  throw new RangeError(
    `speed must be a number from ${MIN_SPEED} to ${MAX_SPEED} or "max" (got ${JSON.stringify(speed)})`,
  );
}

/** One replication run live. */
export class LiveRun {
  readonly model: BuiltModel;
  readonly horizonS: number;
  private readonly plant: Plant;
  private readonly onSlice: LiveRunOptions['onSlice'];
  private speed_: Speed;
  private paused_: boolean;
  private ended_ = false;
  private pending: Frame[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWallMs = 0;
  private stopped = false;
  private error: string | null = null;

  constructor(options: LiveRunOptions) {
    const scenario = options.scenario;
    this.horizonS = options.horizonS ?? scenario.run.horizon;
    this.model = buildPlant(
      { ...scenario, run: { ...scenario.run, horizon: this.horizonS } },
      options.seed ?? scenario.run.seed,
      { stepHistory: false },
    );
    this.plant = this.model.plant;
    this.speed_ = checkSpeed(options.speed ?? 60);
    this.paused_ = options.paused ?? false;
    this.onSlice = options.onSlice;
    subscribeFrames(this.plant, (f) => this.pending.push(f));
  }

  /** The plant (read its `snapshot()` between slices). */
  get plantView(): Plant {
    return this.plant;
  }

  get status(): LiveStatus {
    return {
      t: this.plant.sim.now,
      paused: this.paused_,
      speed: this.speed_,
      ended: this.ended_,
      error: this.error,
      horizonS: this.horizonS,
    };
  }

  /** Starts the slices (on the event loop). */
  start(): void {
    this.lastWallMs = performance.now();
    this.schedule();
  }

  /** Stops for good. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  pause(): void {
    this.paused_ = true;
    this.report([]);
  }

  resume(): void {
    this.paused_ = false;
    this.lastWallMs = performance.now();
    this.report([]);
  }

  setSpeed(speed: Speed): void {
    this.speed_ = checkSpeed(speed);
    this.report([]);
  }

  /** Runs exactly the next event (paused or not), then reports its frames. */
  step(): void {
    if (this.ended_) return;
    this.guarded(() => this.plant.run({ maxEvents: 1, until: this.horizonS }));
    this.afterRun();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.slice(), SLICE_MS);
  }

  private slice(): void {
    this.timer = null;
    const wall = performance.now();
    const elapsedS = (wall - this.lastWallMs) / 1000;
    this.lastWallMs = wall;
    if (!this.paused_ && !this.ended_) {
      const speed = this.speed_;
      this.guarded(() => {
        if (speed === 'max') {
          while (performance.now() - wall < MAX_SLICE_MS && this.plant.sim.now < this.horizonS) {
            const r = this.plant.run({ until: this.horizonS, maxEvents: 2_000 });
            if (r.reason !== 'maxEvents') break;
          }
        } else {
          const target = Math.min(this.horizonS, this.plant.sim.now + speed * elapsedS);
          this.plant.run({ until: target, maxEvents: SLICE_EVENTS });
        }
      });
      this.afterRun();
    }
    this.schedule();
  }

  /** Runs `run`; a failure of the simulation (a deadlock …) ends the run with its message. */
  private guarded(run: () => unknown): void {
    try {
      run();
    } catch (e) {
      this.ended_ = true;
      this.error = e instanceof Error ? e.message : String(e);
      this.pending.push({ k: 'end', t: this.plant.sim.now, reason: 'stopped' });
    }
  }

  private afterRun(): void {
    if (!this.ended_ && this.plant.sim.now >= this.horizonS) {
      this.ended_ = true;
      const end: EndFrame = { k: 'end', t: this.plant.sim.now, reason: 'horizon' };
      this.pending.push(end);
    }
    const frames = this.pending;
    this.pending = [];
    this.report(frames);
  }

  private report(frames: readonly (DeltaFrame | Frame)[]): void {
    this.onSlice(frames, this.status);
  }
}
