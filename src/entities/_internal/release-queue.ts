import { objectArray } from '../../engine/_internal/object-array.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';

/**
 * Parts released by a source that wait, in release order, to enter their first station. The head
 * enters as soon as that station's input has room; a part behind it waits even if its own first
 * station has room (no overtaking at the source).
 */
export class ReleaseQueue {
  private readonly parts: Part[] = objectArray();
  private waiting = false;

  constructor(
    private readonly plant: Plant,
    private readonly sourceId: string,
  ) {}

  /** Parts waiting at the source. */
  get length(): number {
    return this.parts.length;
  }

  /** Queues `part` (already released) and pushes the queue forward. */
  add(part: Part): void {
    this.parts.push(part);
    if (!this.waiting) this.push();
  }

  private push(): void {
    while (this.parts.length > 0) {
      const head = this.parts[0]!;
      if (head.needsRoute(head.step)) {
        // Its first step has alternatives: it waits here for the routing decision.
        this.waiting = true;
        this.plant.whenRouted(head, () => {
          this.waiting = false;
          this.push();
        });
        return;
      }
      if (!this.plant.forward(head, this.sourceId)) {
        this.waiting = true;
        this.plant.destination(head).onSpace(() => {
          this.waiting = false;
          this.push();
        });
        return;
      }
      this.parts.shift();
    }
  }
}
