import type { RoutingPolicy } from '../policies/contract.js';
import type { Branch } from './branching.js';

/** A product type: the stations a part of it visits, in order, and where it leaves the system. */
export interface ProductSpec {
  /** Product id, unique in the plant. */
  readonly id: string;
  /** Station ids in visiting order (at least one); for a step with alternatives, the first of them. */
  readonly routing: readonly string[];
  /**
   * Per routing step, the stations a part may choose from when there are several (a flexible job shop):
   * `alternatives[i]` lists them (its first is `routing[i]`); `undefined` (or a missing entry) for a
   * step with one station. The part's choice is a `routing` decision. Default: no alternatives.
   */
  readonly alternatives?: readonly (readonly string[] | undefined)[];
  /** Per step with alternatives, the rule choosing among them (default: the first listed station). */
  readonly routingRules?: readonly (RoutingPolicy | undefined)[];
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
  /**
   * Probabilistic branches after each routing step: `branches[i]` (or `undefined`) after step i, drawn
   * from the stream `<product>/branch` when a part passes step i (see {@link Branch}). A part that a
   * station's inspection scraps or sends to rework takes no branch. Default: none.
   */
  readonly branches?: readonly (readonly Branch[] | undefined)[];
}
