/** Timestamps of one routing step of a part, seconds (`NaN` until it happens). */
export interface StepRecord {
  /** Station of the step. */
  readonly station: string;
  /** Entered the station's queue. */
  queuedS: number;
  /** A server started processing it. */
  startedS: number;
  /** Processing finished (the part may then wait, blocked, on the server). */
  finishedS: number;
  /** Seconds spent blocked on the server after processing (next destination full). */
  blockedS: number;
}

import type { PartReceiver } from './plant.js';

/**
 * Figures of a product that decision views read, derived once per product by the plant.
 * @internal
 */
export interface ProductPlan {
  /** `naturalKey(product id)`: the tie-break key of its parts. */
  readonly sortKey: string;
  /**
   * `workFromS[i]`: mean work of routing steps i… to the end, seconds (the mean over the stations of a
   * step with alternatives); `workFromS[routing.length]` is 0.
   */
  readonly workFromS: readonly number[];
}

/** Options of a {@link Part}. */
export interface PartOptions {
  readonly id: number;
  readonly product: string;
  readonly routing: readonly string[];
  readonly sink: string;
  /** Carrier per hop, see `ProductSpec.via` (default: none). */
  readonly via?: readonly (string | undefined)[];
  /** Alternative stations per step, see `ProductSpec.alternatives` (default: none). */
  readonly alternatives?: readonly (readonly string[] | undefined)[];
  /** What policies read of its product (default: no work figures, its product id as sort key). */
  readonly plan?: ProductPlan;
  readonly source: string;
  /** Release time, seconds. */
  readonly releaseS: number;
  /** Due date, seconds (absolute; `Infinity` for none). */
  readonly dueS: number;
  /** Dispatch priority, higher is more urgent. */
  readonly priority: number;
  /** When it came into being, seconds (default `releaseS`; an assembled part: the time it was made). */
  readonly createdS?: number;
  /**
   * Where each routing step (and, last, the sink) receives the part, filled in by the plant on first use
   * and shared by all parts of a product (default: a new, empty array).
   * @internal a cache of `Plant.finalDestination`.
   */
  readonly receivers?: (PartReceiver | undefined)[];
}

/** The empty `via` and `alternatives` of every part that has none: one shared array, not two per part, for speed. */
const NONE: readonly never[] = [];

/**
 * One part (job) flowing through the plant, with its per-step timestamps.
 * `step` is the index in `routing` of the step it is queued for or in; it equals `routing.length`
 * once every step is done (on its way to the sink).
 */
export class Part {
  // NOTE: the fields read or written at every station visit first, so that they share the object's
  // first cache lines, for speed.
  /** Index of the current routing step. */
  step = 0;
  /**
   * One record per station visit so far (queued at least), in order; a rework loop adds new records.
   * Only the plant adds records (through {@link Part.addStep}).
   */
  readonly steps: StepRecord[] = [];
  // NOTE: the last record of `steps` held here too, so that reading it touches neither the array nor its
  // store (on a line of a thousand stations both are out of cache when a waiting part starts), for speed.
  private current: StepRecord | undefined = undefined;
  /** Id of the entity that holds it now (source, buffer, `station/server`, sink). */
  location: string;
  readonly product: string;
  /** Carrier id per hop (see `ProductSpec.via`); empty when every hop is direct. */
  readonly via: readonly (string | undefined)[];
  /** Alternative stations per step (see `ProductSpec.alternatives`); empty when there are none. */
  readonly alternatives: readonly (readonly string[] | undefined)[];
  /** @internal receivers per step, see `PartOptions.receivers`. */
  readonly receivers: (PartReceiver | undefined)[];
  /** Total seconds spent blocked on servers after processing. */
  blockedS = 0;
  readonly id: number;
  /** Station ids in visiting order. */
  readonly routing: readonly string[];
  /** Sink id it leaves through. */
  readonly sink: string;
  /**
   * The station chosen for each step with alternatives (a routing decision), `undefined` until chosen.
   * Cleared from a step on when the part is sent back there for rework.
   */
  readonly chosen: (string | undefined)[] = [];
  /** @internal see {@link ProductPlan}. */
  readonly plan: ProductPlan;
  /** Id of the source that released it. */
  readonly source: string;
  /** Release time, seconds. */
  readonly releaseS: number;
  /**
   * When it came into being, seconds: its release, or for an assembled part the time it was made (its
   * `releaseS` is its earliest component's). Its own time in the system counts from here.
   */
  readonly createdS: number;
  /** Due date, seconds (`Infinity` for none). */
  readonly dueS: number;
  /** Dispatch priority, higher is more urgent. */
  readonly priority: number;
  /** Times it was sent back for rework after a failed inspection. */
  reworks = 0;
  /** Failed at least one inspection (so it does not count toward first-pass yield). */
  defective = false;
  /** Time it reached its sink, seconds (`NaN` while in the system). */
  finishedS = Number.NaN;
  /** The stations that inspected it, once each (`undefined` until the first inspection). */
  private inspectedAt: string[] | undefined = undefined;

  constructor(options: PartOptions) {
    this.id = options.id;
    this.product = options.product;
    this.routing = options.routing;
    this.sink = options.sink;
    this.via = options.via ?? NONE;
    this.alternatives = options.alternatives ?? NONE;
    this.plan = options.plan ?? { sortKey: options.product, workFromS: [] };
    this.receivers = options.receivers ?? [];
    this.source = options.source;
    this.releaseS = options.releaseS;
    this.createdS = options.createdS ?? options.releaseS;
    this.dueS = options.dueS;
    this.priority = options.priority;
    this.location = options.source;
  }

  /** The station of routing step `step`: the chosen one for a step with alternatives (`undefined` until chosen). */
  stationAt(step: number): string | undefined {
    const alts = this.alternatives.length === 0 ? undefined : this.alternatives[step];
    return alts === undefined ? this.routing[step] : this.chosen[step];
  }

  /** `true` while step `step` has alternatives and none is chosen yet. */
  needsRoute(step: number): boolean {
    if (this.alternatives.length === 0) return false;
    return this.alternatives[step] !== undefined && this.chosen[step] === undefined;
  }

  /**
   * @internal Starts the record of a visit to `station`, queued at `nowS`: a new record, or without
   * history (`keepHistory` false, see `Plant.keepStepHistory`) the only one kept, written over.
   */
  enterStep(station: string, nowS: number, keepHistory: boolean): void {
    const steps = this.steps;
    if (keepHistory || steps.length !== 1) {
      if (!keepHistory) steps.length = 0;
      this.addStep({ station, queuedS: nowS, startedS: Number.NaN, finishedS: Number.NaN, blockedS: 0 });
      return;
    }
    // NOTE: one record per part, written over at every visit, for speed: it is touched at each step of
    // the part, so it stays in cache where a second record taking turns with it (tried) did not, and a
    // new record per visit (tried) cost allocation. Whoever passed the part on reads the times of the
    // visit it left before handing the part over (see `Station.tryUnload`).
    const rec = steps[0] as { -readonly [K in keyof StepRecord]: StepRecord[K] };
    rec.station = station;
    rec.queuedS = nowS;
    rec.startedS = Number.NaN;
    rec.finishedS = Number.NaN;
    rec.blockedS = 0;
  }

  /**
   * @internal Records an inspection of the part at `station`.
   * @returns `true` when it is its first inspection there (a first pass, not a rework's).
   */
  noteInspection(station: string): boolean {
    // NOTE: kept apart from the visit records, so first-pass counts need no step history, for speed.
    const at = this.inspectedAt;
    if (at === undefined) {
      this.inspectedAt = [station];
      return true;
    }
    if (at.includes(station)) return false;
    at.push(station);
    return true;
  }

  /** @internal Appends the record of a new visit to {@link Part.steps}. */
  addStep(rec: StepRecord): void {
    this.steps.push(rec);
    this.current = rec;
  }

  /** The record of the latest station visit (the current one while queued or in process). */
  get currentStep(): StepRecord | undefined {
    return this.current;
  }
}
