import type { Part, Plant } from '../entities/index.js';
import type { AnyDecisionPoint } from '../policies/contract.js';
import { PartTable } from './_internal/part-table.js';
import type { ProductRoute, ScenarioInfo } from './_internal/scenario-info.js';

/**
 * Rewards of the RL environment. A reward is computed at the end of every step (after the run went on
 * to the next decision or to the end of the episode) from what happened since the previous step, and
 * always telescopes: the rewards of an episode sum to minus the episode's final cost (makespan, total
 * tardiness, cost) or to the parts finished.
 *
 * - `makespan` — minus the increase of a lower bound LB of the makespan since the previous step, with
 *   LB = 0 before the first step, so the rewards of a terminated episode sum **exactly** to minus its
 *   makespan, s (the time the last part finished; of a truncated one, to minus LB at the truncation).
 *   LB is the largest of: the last finish so far; now (while parts remain); for every station, the mean
 *   over its servers of (the time each is committed until, at least now) plus the work not yet started
 *   that waits for it; for every part, (the time it is free, at least now) plus its work not yet started.
 *   Work is the mean process time of each routing step. For a job shop (constant times, one server per
 *   machine) LB never decreases and is a valid bound, so every reward is ≤ 0; with random times or
 *   rework it is an estimate and a step may gain.
 * - `tardiness` — minus the increase of the total tardiness, s: Σ over finished parts of max(0, finish −
 *   due) plus Σ over parts in the system of max(0, now − due) (parts without a due date count 0).
 * - `throughput` — parts finished since the previous step.
 * - `cost` — minus the increase of a weighted cost (see {@link CostWeights}): WIP holding (part-hours in
 *   the system, integrated exactly between events), tardiness (hours, as above) and scrap (parts).
 * - a function `(ctx) => number` — any reward of your own, given the {@link RewardContext} of the step.
 *
 * Every reward is multiplied by the environment's `rewardScale` (default 1).
 */

/** What a reward function sees at the end of a step. */
export interface RewardContext {
  /** The episode's plant (read it, never change it). */
  readonly plant: Plant;
  /** Simulated time now, s. */
  readonly now: number;
  /** Simulated time at the end of the previous step (the first decision, for the first step), s. */
  readonly previousNow: number;
  /** The next decision, or `null` when the episode ended with this step. */
  readonly point: AnyDecisionPoint | null;
  /** The episode reached its end state (every part finished) with this step. */
  readonly terminated: boolean;
  /** The episode was cut short (horizon or maxSteps) with this step. */
  readonly truncated: boolean;
  /** Steps taken in this episode, this one included (≥ 1). */
  readonly step: number;
  /** Parts finished since the previous step. */
  readonly finishedSinceLast: number;
}

/** A reward of your own: the reward of the step that just ended. */
export type RewardFunction = (ctx: RewardContext) => number;

/** The built-in rewards. */
export type RewardName = 'makespan' | 'tardiness' | 'throughput' | 'cost';

/** Weights of the `cost` reward (all ≥ 0). */
export interface CostWeights {
  /** Cost of one part in the system for one hour (default 1). */
  readonly wipPerPartHour: number;
  /** Cost of one hour of tardiness of one part (default 5). */
  readonly tardinessPerHour: number;
  /** Cost of one scrapped part (default 10). */
  readonly scrapPerPart: number;
}

/** Default {@link CostWeights}. */
export const DEFAULT_COST_WEIGHTS: CostWeights = { wipPerPartHour: 1, tardinessPerHour: 5, scrapPerPart: 10 };

/**
 * A stateful reward of one environment.
 * @internal built by the environment from a {@link RewardName} or a {@link RewardFunction}.
 */
export interface Reward {
  readonly name: string;
  /** Starts an episode on `plant`, built but not run yet: subscribe to its events here. */
  begin(plant: Plant): void;
  /** The reward of the step that ends now (unscaled). */
  step(ctx: RewardContext): number;
}

/** Builds the reward `spec` of an environment on `info`'s scenario. */
export function createReward(
  spec: RewardName | RewardFunction,
  info: ScenarioInfo,
  weights: CostWeights = DEFAULT_COST_WEIGHTS,
): Reward {
  if (typeof spec === 'function') return { name: spec.name || 'custom', begin: () => {}, step: spec };
  switch (spec) {
    case 'makespan':
      return new MakespanReward(info);
    case 'tardiness':
      return new TardinessReward();
    case 'throughput':
      return new ThroughputReward();
    case 'cost':
      return new CostReward(weights);
    default:
      throw new RangeError(
        `createReward: unknown reward ${JSON.stringify(spec)} (expected makespan, tardiness, throughput, cost or a function)`,
      );
  }
}

/** See the module documentation, `makespan`. */
export class MakespanReward implements Reward {
  readonly name = 'makespan';
  private readonly info: ScenarioInfo;
  /** Per station: first index of its servers in `committed`. */
  private readonly serverBase: Int32Array;
  /** Per server: the time it is committed until, s. */
  private readonly committed: Float64Array;
  /** Per station: mean work not yet started that waits for it, s. */
  private readonly remaining: Float64Array;
  /** Parts in the system: `a` the time it is free, s; `b` its work not yet started, s. */
  private readonly parts = new PartTable<ProductRoute | undefined>();
  private lastFinishS = 0;
  private previousBound = 0;

  constructor(info: ScenarioInfo) {
    this.info = info;
    this.serverBase = new Int32Array(info.servers.length);
    let n = 0;
    info.servers.forEach((c, i) => {
      this.serverBase[i] = n;
      n += c;
    });
    this.committed = new Float64Array(n);
    this.remaining = new Float64Array(info.servers.length);
  }

  begin(plant: Plant): void {
    this.committed.fill(0);
    this.remaining.fill(0);
    this.parts.clear();
    this.lastFinishS = 0;
    this.previousBound = 0;
    const enter = (part: Part, now: number) => {
      const route = this.info.routes.get(part.product);
      let left = 0;
      if (route !== undefined) {
        const work = route.workS;
        const at = route.station;
        for (let k = part.step; k < work.length; k++) {
          left += work[k]!;
          if (at[k]! >= 0) this.remaining[at[k]!]! += work[k]!;
        }
      }
      this.parts.add(part, now, left, route);
    };
    const leave = (part: Part) => {
      const i = this.parts.find(part);
      if (i < 0) return;
      // Work it will never do no longer waits (scrap, consumption mid-routing).
      const route = this.info.routes.get(part.product);
      if (route !== undefined && this.parts.b[i]! > 0) {
        const work = route.workS;
        const at = route.station;
        for (let k = part.step; k < work.length; k++) {
          const s = at[k]!;
          if (s >= 0) this.remaining[s] = Math.max(0, this.remaining[s]! - work[k]!);
        }
      }
      this.parts.remove(part);
    };
    const events = plant.events;
    events.on('partReleased', enter);
    events.on('partAssembled', (part, _at, now) => enter(part, now));
    events.on('processStarted', (part, station, server, now) => {
      const i = this.parts.find(part);
      const route = i >= 0 ? this.parts.ref[i] : this.info.routes.get(part.product);
      const k = part.step;
      const mean = route === undefined ? 0 : (route.workS[k] ?? 0);
      // A step with alternatives: its time at the chosen station (no station was charged for it).
      const alt = route?.alternativeWorkS[k];
      const p = alt === undefined ? mean : (alt.get(station) ?? mean);
      const fixed = route?.station[k] ?? -1;
      const s = fixed >= 0 ? fixed : this.info.stationIndex.get(station);
      if (s !== undefined) {
        this.committed[this.serverBase[s]! + server] = now + p;
        if (alt === undefined) this.remaining[s] = Math.max(0, this.remaining[s]! - p);
      }
      if (i >= 0) {
        this.parts.a[i] = now + p;
        this.parts.b[i] = Math.max(0, this.parts.b[i]! - mean);
      }
    });
    events.on('processFinished', (part, station, server, now) => {
      const s = this.info.stationIndex.get(station);
      if (s !== undefined) this.committed[this.serverBase[s]! + server] = now;
      const i = this.parts.find(part);
      if (i >= 0) this.parts.a[i] = now;
    });
    events.on('partFinished', (part, _sink, now) => {
      if (now > this.lastFinishS) this.lastFinishS = now;
      this.parts.remove(part);
    });
    events.on('partScrapped', (part) => leave(part));
    events.on('partConsumed', (part) => leave(part));
  }

  /** The lower bound of the makespan now, s (see the module documentation). */
  bound(now: number, plant: Plant): number {
    let lb = this.lastFinishS;
    if (plant.inSystem === 0 && this.parts.size === 0) {
      // Between parts (or at the end): nothing committed lies past the last finish.
      for (let i = 0; i < this.committed.length; i++) if (this.committed[i]! > lb) lb = this.committed[i]!;
      return lb;
    }
    if (now > lb) lb = now;
    const servers = this.info.servers;
    for (let s = 0; s < servers.length; s++) {
      const c = servers[s]!;
      const base = this.serverBase[s]!;
      let sum = this.remaining[s]!;
      for (let k = 0; k < c; k++) {
        const t = this.committed[base + k]!;
        sum += t > now ? t : now;
      }
      const term = sum / c;
      if (term > lb) lb = term;
    }
    const { a, b, size } = this.parts;
    for (let i = 0; i < size; i++) {
      const free = a[i]!;
      const term = (free > now ? free : now) + b[i]!;
      if (term > lb) lb = term;
    }
    return lb;
  }

  step(ctx: RewardContext): number {
    const lb = ctx.terminated ? this.lastFinishS : this.bound(ctx.now, ctx.plant);
    const r = this.previousBound - lb;
    this.previousBound = lb;
    return r;
  }
}

/** Total tardiness bookkeeping shared by the `tardiness` and `cost` rewards. */
class TardinessMeter {
  /** Parts in the system with a due date: `a` the due date, s. */
  private readonly late = new PartTable<undefined>();
  /** Σ over finished (or scrapped) parts of their tardiness, s. */
  private doneS = 0;

  begin(plant: Plant): void {
    this.late.clear();
    this.doneS = 0;
    const enter = (part: Part) => {
      if (part.dueS < Number.POSITIVE_INFINITY) this.late.add(part, part.dueS, 0, undefined);
    };
    const leave = (part: Part, now: number, counts: boolean) => {
      if (this.late.find(part) < 0) return;
      if (counts && now > part.dueS) this.doneS += now - part.dueS;
      this.late.remove(part);
    };
    plant.events.on('partReleased', enter);
    plant.events.on('partAssembled', enter);
    plant.events.on('partFinished', (part, _sink, now) => leave(part, now, true));
    plant.events.on('partScrapped', (part, _at, now) => leave(part, now, true));
    // A component's lateness carries over to its assembly (which takes the latest due date).
    plant.events.on('partConsumed', (part, _at, now) => leave(part, now, false));
  }

  /** Total tardiness at `now`, s. */
  total(now: number): number {
    let t = this.doneS;
    const { a, size } = this.late;
    for (let i = 0; i < size; i++) if (now > a[i]!) t += now - a[i]!;
    return t;
  }
}

/** See the module documentation, `tardiness`. */
export class TardinessReward implements Reward {
  readonly name = 'tardiness';
  private readonly meter = new TardinessMeter();
  private previous = 0;

  begin(plant: Plant): void {
    this.meter.begin(plant);
    this.previous = 0;
  }

  step(ctx: RewardContext): number {
    const t = this.meter.total(ctx.now);
    const r = this.previous - t;
    this.previous = t;
    return r;
  }
}

/** See the module documentation, `throughput`. */
export class ThroughputReward implements Reward {
  readonly name = 'throughput';
  begin(): void {}
  step(ctx: RewardContext): number {
    return ctx.finishedSinceLast;
  }
}

/** See the module documentation, `cost`. */
export class CostReward implements Reward {
  readonly name = 'cost';
  private readonly weights: CostWeights;
  private readonly tardiness = new TardinessMeter();
  /** ∫ WIP dt since the start, part-seconds. */
  private areaPartS = 0;
  private level = 0;
  private lastT = 0;
  private scrapped = 0;
  private previous = 0;

  constructor(weights: CostWeights) {
    for (const [k, v] of Object.entries(weights)) {
      if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) {
        throw new RangeError(`CostReward: weight ${k} must be a finite number >= 0 (got ${String(v)})`);
      }
    }
    this.weights = weights;
  }

  begin(plant: Plant): void {
    this.tardiness.begin(plant);
    this.areaPartS = 0;
    this.level = 0;
    this.lastT = plant.sim.now;
    this.scrapped = 0;
    this.previous = 0;
    const change = (delta: number, now: number) => {
      this.areaPartS += this.level * (now - this.lastT);
      this.lastT = now;
      this.level += delta;
    };
    plant.events.on('partReleased', (_p, now) => change(1, now));
    plant.events.on('partAssembled', (_p, _at, now) => change(1, now));
    plant.events.on('partFinished', (_p, _s, now) => change(-1, now));
    plant.events.on('partConsumed', (_p, _at, now) => change(-1, now));
    plant.events.on('partScrapped', (_p, _at, now) => {
      change(-1, now);
      this.scrapped++;
    });
  }

  /** The cost so far at `now` (see {@link CostWeights}). */
  total(now: number): number {
    const area = this.areaPartS + this.level * (now - this.lastT);
    const w = this.weights;
    return (
      (w.wipPerPartHour * area) / 3600 +
      (w.tardinessPerHour * this.tardiness.total(now)) / 3600 +
      w.scrapPerPart * this.scrapped
    );
  }

  step(ctx: RewardContext): number {
    const c = this.total(ctx.now);
    const r = this.previous - c;
    this.previous = c;
    return r;
  }
}
