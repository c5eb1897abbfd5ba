import type { Part } from './part.js';
import type { Position } from './position.js';

/** One load or unload job a station asks of its {@link MachineTender}. */
export interface TendRequest {
  /** Station id. */
  readonly station: string;
  /** Server index at the station. */
  readonly server: number;
  /** The part to load (already taken out of the station's queue) or to unload (processed). */
  readonly part: Part;
  /** Where the machine stands, m (`undefined` when the layout does not say). */
  readonly position: Position | undefined;
  /**
   * Call once, at the simulated instant the part is placed on the machine (load) or picked off it
   * (unload): the station then starts the work, or frees the server.
   */
  readonly done: () => void;
}

/**
 * A robot (or an operator) that loads and unloads a station's servers: a robot cell. With a tender, a
 * server that takes a part waits for it to be placed (state `handling`), and a server that finished a
 * part waits for it to be picked off (state `handling` again). After `done` of an unload the tender owns
 * the part and carries it on itself (`plant.forward(part, tenderId)`, waiting while the destination is
 * full).
 */
export interface MachineTender {
  readonly id: string;
  /** Brings `request.part` from the station's queue to the server. */
  load(request: TendRequest): void;
  /** Takes the processed `request.part` off the server and carries it on. */
  unload(request: TendRequest): void;
}
