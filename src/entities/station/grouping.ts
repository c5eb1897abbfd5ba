import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import { assemblyKit } from './kit.js';
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

  constructor(
    private readonly plant: Plant,
    readonly batch: StationOptions['batch'],
    readonly assembly: StationOptions['assembly'],
    /** Asks the station for a dispatch decision (when a partial batch may start). */
    private readonly requestDispatch: () => void,
  ) {}

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
      const kit = assemblyKit(ordered, this.assembly.inputs);
      return kit === null ? [] : [kit[0]!];
    }
    if (this.batch === undefined) return ordered;
    const { size, maxWaitS } = this.batch;
    const sim = this.plant.sim;
    const count = new Map<string, number>();
    const oldest = new Map<string, number>();
    for (const p of ordered) {
      count.set(p.product, (count.get(p.product) ?? 0) + 1);
      const q = p.currentStep?.queuedS ?? sim.now;
      oldest.set(p.product, Math.min(oldest.get(p.product) ?? q, q));
    }
    const ready = (product: string) =>
      count.get(product)! >= size || (maxWaitS !== undefined && sim.now >= oldest.get(product)! + maxWaitS);
    const out = ordered.filter((p) => ready(p.product));
    if (out.length === 0 && maxWaitS !== undefined) {
      let dueS = Number.POSITIVE_INFINITY;
      for (const t of oldest.values()) dueS = Math.min(dueS, t + maxWaitS);
      this.wakeAt(dueS);
    }
    return out;
  }

  /**
   * The parts that start with `lead` (chosen among {@link Grouping.startable}), lead first: the batch or
   * the kit; `null` at a plain station, where `lead` starts alone.
   */
  group(lead: Part, ordered: readonly Part[]): Part[] | null {
    if (this.assembly !== undefined) return assemblyKit(ordered, this.assembly.inputs)!;
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
