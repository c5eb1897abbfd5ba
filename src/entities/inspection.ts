import { InvalidStateError } from '../engine/index.js';
import type { Part } from './part.js';

/** What becomes of a part after an inspection. */
export type InspectionOutcome = 'pass' | 'rework' | 'scrap';

/** What happens to a defective part: scrapped, or sent back to an earlier station of its routing. */
export type DefectAction =
  | { readonly kind: 'scrap' }
  | {
      readonly kind: 'rework';
      /** Station of the part's routing (at or before the inspecting one) that repeats the work. */
      readonly station: string;
      /** Reworks allowed per part; a part found defective again after that many is scrapped. */
      readonly maxReworks: number;
    };

/**
 * An inline inspection right after processing at a station: each part is defective with a probability
 * per product, drawn from the stream `${station}/quality`. The probability may rise with wear:
 * `risePerHour` is added per hour since the server's last preventive maintenance (or the start of the
 * run), capped at 1 — a simple link to predictive maintenance. A defective part is scrapped or reworked
 * per `onDefect`; a part that passes goes on.
 */
export interface InspectionOptions {
  /** Probability in [0, 1] that a part of each product is defective (a product not listed: 0). */
  readonly defectProbability: Readonly<Record<string, number>>;
  /** Added to the probability per hour of server time since its last preventive maintenance (default 0). */
  readonly risePerHour?: number;
  readonly onDefect: DefectAction;
}

/**
 * The routing index a reworked part returns to: the latest visit of `station` at or before the step just
 * done (`part.step − 1`).
 * @internal used by the inspecting station.
 */
export function reworkStep(part: Part, station: string, inspector: string): number {
  for (let i = part.step - 1; i >= 0; i--) if (part.stationAt(i) === station) return i;
  throw new InvalidStateError(
    `Station: ${inspector} sends part ${part.id} (${part.product}) to rework at ${station}, which its routing does not visit before`,
  );
}
