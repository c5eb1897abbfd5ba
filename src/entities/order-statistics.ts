import type { OrderSource } from './order-source.js';
import type { Plant } from './plant.js';

/**
 * One row of an order list at the end of a run. Times in seconds (absolute simulated time).
 * An order is complete when every part of it finished (reached its sink); a scrapped part means it can
 * never be complete in full.
 */
export interface OrderReport {
  /** Order source id and row index, `source#row`. */
  readonly id: string;
  readonly product: string;
  readonly quantity: number;
  readonly releaseS: number;
  /** Due date (the order's, else its parts' from the product's due-date rule; `Infinity` without one). */
  readonly dueS: number;
  readonly finished: number;
  readonly scrapped: number;
  /** When its last part finished (`NaN` until every part finished). */
  readonly completionS: number;
  /** On time in full: every part finished, none scrapped, the last by the due date. */
  readonly otif: boolean;
  /**
   * Completion − due for a complete order; for an incomplete one already past due, now − due (lateness
   * so far); `NaN` otherwise (incomplete and not yet due, or no due date).
   */
  readonly latenessS: number;
}

interface Progress {
  /** Due date of its parts (they share it), seconds. */
  readonly dueS: number;
  finished: number;
  scrapped: number;
  lastS: number;
}

/**
 * Order-level figures of the order sources of a plant, from its `partFinished` and `partScrapped` events
 * over the whole run (a warm-up does not reset them: an order is a unit of work, not a sample).
 */
export class OrderStatistics {
  private readonly sources: readonly OrderSource[];
  private readonly progress = new Map<OrderSource, Progress[]>();

  constructor(plant: Plant, sources: readonly OrderSource[]) {
    this.sources = sources;
    for (const src of sources)
      this.progress.set(
        src,
        src.orders.map((o) => ({
          // As `Plant.release` sets it: the order's due date, else release + the product's offset.
          dueS: o.dueS ?? o.releaseS + (plant.product(o.product).dueInS ?? Number.POSITIVE_INFINITY),
          finished: 0,
          scrapped: 0,
          lastS: Number.NaN,
        })),
      );
    const row = (partId: number): Progress | undefined => {
      for (const src of sources) {
        const i = src.orderOf(partId);
        if (i !== undefined) return this.progress.get(src)![i];
      }
      return undefined;
    };
    plant.events.on('partFinished', (part, _sink, t) => {
      const p = row(part.id);
      if (p === undefined) return;
      p.finished++;
      p.lastS = t;
    });
    plant.events.on('partScrapped', (part) => {
      const p = row(part.id);
      if (p !== undefined) p.scrapped++;
    });
  }

  /** Every order row, in source then list order, as of `now` (seconds). */
  report(now: number): OrderReport[] {
    const out: OrderReport[] = [];
    for (const src of this.sources) {
      const rows = this.progress.get(src)!;
      src.orders.forEach((o, i) => {
        const p = rows[i]!;
        const dueS = p.dueS;
        const complete = p.finished === o.quantity;
        const completionS = complete ? p.lastS : Number.NaN;
        const latenessS = !Number.isFinite(dueS)
          ? Number.NaN
          : complete
            ? completionS - dueS
            : now > dueS
              ? now - dueS
              : Number.NaN;
        out.push({
          id: `${src.id}#${i}`,
          product: o.product,
          quantity: o.quantity,
          releaseS: o.releaseS,
          dueS,
          finished: p.finished,
          scrapped: p.scrapped,
          completionS,
          otif: complete && p.scrapped === 0 && completionS <= dueS,
          latenessS,
        });
      });
    }
    return out;
  }
}
