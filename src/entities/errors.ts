import { SimulationError } from '../engine/index.js';

/**
 * The model can make no more progress while parts are still in it: the calendar ran empty, or a
 * cycle of full buffers whose downstream servers are all blocked was found. Fatal: the run cannot
 * go on. `stuck` names the entities involved (servers as `station/index`, buffers, sources).
 */
export class DeadlockError extends SimulationError {
  /** Ids of the stuck entities. */
  readonly stuck: readonly string[];

  constructor(message: string, stuck: readonly string[]) {
    super('DEADLOCK', message, true);
    this.stuck = stuck;
  }
}
