/** A product type: the stations a part of it visits, in order, and where it leaves the system. */
export interface ProductSpec {
  /** Product id, unique in the plant. */
  readonly id: string;
  /** Station ids in visiting order (at least one). */
  readonly routing: readonly string[];
  /** Id of the sink that receives finished parts. */
  readonly sink: string;
  /**
   * How a part travels each hop: `via[i]` is the id of the carrier (a conveyor or a robot fleet) that
   * takes it to `routing[i]` (from its source for `i = 0`), and `via[routing.length]` the one that takes it
   * to the sink; `undefined` (or a missing entry) means directly. Default: every hop direct.
   */
  readonly via?: readonly (string | undefined)[];
  /** Default due date offset from release, seconds (default `Infinity`: no due date). */
  readonly dueInS?: number;
  /** Default dispatch priority (higher is more urgent; default 0). */
  readonly priority?: number;
}
