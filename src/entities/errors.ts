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

/**
 * The clock stopped moving: more than `events` events ran at time `atS` (seconds) without it
 * advancing, e.g. parts flowing in a loop of zero process times. A kind of deadlock (no progress in
 * simulated time); fatal. `stuck` names the entities that published something in that instant,
 * busiest first.
 */
export class ZeroTimeLoopError extends DeadlockError {
  /** The instant the clock is stuck at, s. */
  readonly atS: number;
  /** Events that ran at that instant before the run stopped. */
  readonly events: number;

  constructor(message: string, stuck: readonly string[], atS: number, events: number) {
    super(message, stuck);
    this.atS = atS;
    this.events = events;
  }
}
