import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import { assemblyKit, type KitInputs } from './kit.js';
import { NO_EVENT } from './server.js';
import type { StationOptions } from './station-options.js';

/**
 * Which parts a free server of a station may start, and which parts start with them: one part at a plain
 * station, a batch of one product at a batch station, an assembly kit at an assembly station.
 *
 * Rules (unchanged from when they lived in `Station`):
 * - A batch starts when it is full, or when its oldest part has waited `maxWaitS`; while none can, a
 *   wake-up is armed for the earliest such time (one at a time, moved earlier only), which asks for a
 *   dispatch decision again.
 * - A batch is the lead part and the next parts of its product in tie-break order, up to `size`.
 * - An assembly starts the oldest complete kit of its bill of materials (see {@link assemblyKit}).
 * @internal
 */
export class Grouping {
  /** Pending wake-up for a partial batch, and its time, s. */
  private timer = NO_EVENT;
  private timerAt = Number.POSITIVE_INFINITY;
  /** The bill of materials as a list (read on every decision at an assembly station). */
  private readonly kitInputs: KitInputs;
  /** The kit {@link Grouping.startable} found last, and the ordered parts it was found in. */
  private kit: Part[] | null = null;
  private kitFrom: readonly Part[] | null = null;
  // Per product waiting at a batch station, at the last decision: its id, parts waiting (-1 once found not
  // ready), and the oldest queued time, s. NOTE: arrays kept across decisions, not maps made for each, for speed.
  private readonly waiting: string[] = [];
  private readonly waitingCount: number[] = [];
  private readonly waitingSinceS: number[] = [];

  constructor(
    private readonly plant: Plant,
    readonly batch: StationOptions['batch'],
    readonly assembly: StationOptions['assembly'],
    /** Asks the station for a dispatch decision (when a partial batch may start). */
    private readonly requestDispatch: () => void,
  ) {
    this.kitInputs = assembly === undefined ? [] : Object.entries(assembly.inputs);
  }

  /** `true` for a batch or assembly station (a start takes a group of parts). */
  get groups(): boolean {
    return this.batch !== undefined || this.assembly !== undefined;
  }

  /**
   * The parts a free server could start now, in tie-break order (`ordered`): all of them at a plain
   * station; at a batch station those of a product whose batch can start now (arming the wake-up
   * otherwise); at an assembly station the lead part of the oldest complete kit.
   */
  startable(ordered: readonly Part[]): readonly Part[] {
    if (this.assembly !== undefined) {
      const kit = assemblyKit(ordered, this.kitInputs);
      this.kit = kit;
      this.kitFrom = ordered;
      return kit === null ? [] : [kit[0]!];
    }
    if (this.batch === undefined) return ordered;
    const { size, maxWaitS } = this.batch;
    const now = this.plant.sim.now;
    const products = this.waiting;
    const count = this.waitingCount;
    const since = this.waitingSinceS;
    products.length = 0;
    count.length = 0;
    since.length = 0;
    for (let i = 0; i < ordered.length; i++) {
      const p = ordered[i]!;
      const rec = p.currentStep;
      const q = rec === undefined ? now : rec.queuedS;
      let k = products.indexOf(p.product);
      if (k < 0) {
        k = products.length;
        products.push(p.product);
        count.push(0);
        since.push(q);
      }
      count[k]!++;
      if (q < since[k]!) since[k] = q;
    }
    // A product is ready when its batch is full or its oldest part has waited long enough.
    let notReady = 0;
    for (let k = 0; k < products.length; k++) {
      if (!(count[k]! >= size || (maxWaitS !== undefined && now >= since[k]! + maxWaitS))) {
        count[k] = -1;
        notReady++;
      }
    }
    if (notReady === 0) return ordered;
    const out: Part[] = [];
    for (let i = 0; i < ordered.length; i++) {
      const p = ordered[i]!;
      if (count[products.indexOf(p.product)] !== -1) out.push(p);
    }
    if (out.length === 0 && maxWaitS !== undefined) {
      let dueS = Number.POSITIVE_INFINITY;
      for (const t of since) dueS = Math.min(dueS, t + maxWaitS);
      this.wakeAt(dueS);
    }
    return out;
  }

  /**
   * The parts that start with `lead` (chosen among {@link Grouping.startable}), lead first: the batch or
   * the kit; `null` at a plain station, where `lead` starts alone.
   */
  group(lead: Part, ordered: readonly Part[]): Part[] | null {
    if (this.assembly !== undefined) {
      // The kit startable() found in these same parts, else found again.
      const kit =
        this.kitFrom === ordered && this.kit !== null ? this.kit : assemblyKit(ordered, this.kitInputs);
      this.kit = null;
      this.kitFrom = null;
      return kit!;
    }
    if (this.batch === undefined) return null;
    const group = [lead];
    for (const p of ordered) {
      if (group.length >= this.batch.size) break;
      if (p !== lead && p.product === lead.product) group.push(p);
    }
    return group;
  }

  /**
   * The routing step whose process time a group led by `lead` takes at station `station`: the output
   * product's step there for an assembly, the lead part's step for a batch.
   */
  jobStep(station: string, lead: Part): number {
    const a = this.assembly;
    return a === undefined ? lead.step : this.plant.product(a.output).routing.indexOf(station);
  }

  /**
   * The parts a group job at station `station` yields when its work ends: the assembled part (the
   * components are consumed) for an assembly, the batch's `parts` otherwise.
   */
  finished(station: string, parts: Part[]): Part[] {
    const a = this.assembly;
    if (a === undefined) return parts;
    for (const p of parts) this.plant.consume(p, station);
    return [this.plant.assemble(a.output, station, parts)];
  }

  /** Arms the partial-batch wake-up for `dueS` unless an earlier one is armed. */
  private wakeAt(dueS: number): void {
    if (!(dueS < this.timerAt)) return;
    const sim = this.plant.sim;
    if (this.timer !== NO_EVENT) sim.cancel(this.timer);
    this.timerAt = dueS;
    this.timer = sim.scheduleAt(dueS, () => {
      this.timer = NO_EVENT;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.requestDispatch();
    });
  }
}
