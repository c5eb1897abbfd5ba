import type { RandomStream } from '../../engine/index.js';
import { type InspectionOptions, type InspectionOutcome, reworkStep } from '../inspection.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';

/**
 * The inline inspection of a station (see {@link InspectionOptions}): one draw per inspected part from the
 * stream `${station}/quality`, a defect probability rising with the server's time since maintenance, and
 * a defective part sent back to its rework step or marked for scrap. Publishes `inspected`.
 */
export class Inspector {
  private readonly stream: RandomStream;

  constructor(
    private readonly plant: Plant,
    private readonly station: string,
    private readonly options: InspectionOptions,
  ) {
    this.stream = plant.sim.streams.get(`${station}/quality`);
  }

  /**
   * Inspects `part`, just processed (its step already advanced) on a server last maintained at
   * `maintainedS` (s), and sends a reworked part back to its rework step.
   */
  inspect(part: Part, maintainedS: number): InspectionOutcome {
    const q = this.options;
    const wearH = (this.plant.sim.now - maintainedS) / 3600;
    const p = Math.min(1, (q.defectProbability[part.product] ?? 0) + (q.risePerHour ?? 0) * wearH);
    let outcome: InspectionOutcome = 'pass';
    // NOTE: one draw per inspection whatever p is, so changing a probability keeps the stream aligned.
    if (this.stream.next() < p) {
      part.defective = true;
      const action = q.onDefect;
      if (action.kind === 'rework' && part.reworks < action.maxReworks) {
        outcome = 'rework';
        part.reworks++;
        part.step = reworkStep(part, action.station, this.station);
        // The part chooses its stations again from the rework step on.
        if (part.chosen.length > part.step) part.chosen.length = part.step;
      } else {
        outcome = 'scrap';
      }
    }
    const first = part.noteInspection(this.station);
    this.plant.events.emit('inspected', this.station, part, outcome, this.plant.sim.now, first);
    return outcome;
  }
}
