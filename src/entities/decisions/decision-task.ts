import type { AnyDecisionPoint, DecisionKind, Policy } from '../../policies/contract.js';

/**
 * One pending decision of an entity, handed to the {@link DecisionBroker}. The entity creates the task
 * (once, or per part for routing) and requests it whenever something may have changed its candidates;
 * the broker builds the decision point at the end of the instant and applies the answer.
 * @internal shared by the entities and the broker.
 */
export interface DecisionTask {
  readonly kind: DecisionKind;
  /**
   * Orders the tasks pending at one instant (plain string order, see `naturalKey`): tasks of one kind
   * run in the order of their keys. Built from ids, never from the order entities were listed in.
   */
  readonly key: string;
  /**
   * The entity's own rule (a station's dispatch rule, a fleet's transport rule); `undefined` takes
   * option 0. A plant-wide policy of the broker for the kind replaces it.
   */
  readonly policy: Policy<AnyDecisionPoint> | undefined;
  /** Set by the broker while the task waits for the end of the instant. */
  queued: boolean;
  /**
   * The decision point as it stands now, or `null` when there is nothing to decide any more (the server
   * went down, the queue emptied). Options in the kind's documented tie-break order.
   */
  build(): AnyDecisionPoint | null;
  /** Carries out option `index` of `point` (the one `build` returned, nothing having run since). */
  apply(point: AnyDecisionPoint, index: number): void;
  /**
   * Carries out option 0 without building the views (the fast path of a first-option rule); `false`
   * when there is nothing to decide. Must do exactly what `apply(build(), 0)` would.
   */
  applyFirst(): boolean;
  /**
   * Carries out the sole option when the task can tell cheaply that `build` would give exactly one
   * (`true`), and does nothing otherwise (`false`: build the point). Must do exactly what
   * `apply(build(), 0)` would. The broker calls it where a single option is taken without asking anyone
   * (no agent with `askTrivial`), so that trivial decisions, most of a job shop's, build no views.
   */
  applySole?(): boolean;
}
