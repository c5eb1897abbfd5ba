import type { SpaceWaiter } from './buffer.js';
import type { Part } from './part.js';
import type { Plant } from './plant.js';

/** Options of a {@link Sink}. */
export interface SinkOptions {
  /** Id, unique in the plant (products name it). */
  readonly id: string;
}

/** Where finished parts leave the system: always has room; publishes `partFinished`. */
export class Sink {
  readonly id: string;
  private readonly plant: Plant;
  private count_ = 0;

  constructor(plant: Plant, options: SinkOptions) {
    this.id = options.id;
    this.plant = plant;
    plant.registerSink(this);
  }

  /** Parts received so far. */
  get count(): number {
    return this.count_;
  }

  /** Always `true`. */
  hasRoom(): boolean {
    return true;
  }

  /** Takes the part out of the system (always succeeds). */
  tryPut(part: Part): boolean {
    this.count_++;
    this.plant.finish(part, this.id);
    return true;
  }

  /** Never needed (a sink is never full); calls nothing. */
  onSpace(_waiter: SpaceWaiter): void {}
}
