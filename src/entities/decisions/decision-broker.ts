import { objectArray } from '../../engine/_internal/object-array.js';
import { InvalidArgumentError, InvalidStateError, type Simulation } from '../../engine/index.js';
import type { AnyDecisionPoint, DecisionKind, Policy, PolicySet } from '../../policies/contract.js';
import type { DecisionTask } from './decision-task.js';

/**
 * Order of the kinds among the decisions pending at one instant. Routing first (it brings parts to the
 * queues that dispatch then chooses from), maintenance before dispatch (a server stopping for maintenance
 * takes no part), then dispatch, transport, crews, operators (a server that has just taken a part asks for its operator
 * in the same instant).
 */
const KIND_RANK: Readonly<Record<DecisionKind, number>> = {
  routing: 0,
  maintenance: 1,
  dispatch: 2,
  transport: 3,
  crew: 4,
  operator: 5,
};

/**
 * The kinds whose first-option answer does not depend on what else happens in the instant: with a
 * first-option rule they are carried out at once, with no end-of-instant event (routing `first`:
 * always the first listed station; maintenance `now`).
 */
const ORDER_FREE: ReadonlySet<DecisionKind> = new Set<DecisionKind>(['routing', 'maintenance']);

/** Options of a {@link DecisionBroker}. */
export interface DecisionBrokerOptions {
  /**
   * Plant-wide policies per kind, replacing every entity's own rule of that kind (an entity without a
   * rule takes option 0, the first in its tie-break order).
   */
  readonly policies?: PolicySet;
  /** Kinds an external agent answers through {@link DecisionBroker.answer} (default none). */
  readonly agent?: readonly DecisionKind[];
  /** Hand out decisions with a single option to the agent too (default `false`: taken at once). */
  readonly askTrivial?: boolean;
}

/**
 * Every decision of a plant goes through its broker. An entity requests a {@link DecisionTask} when its
 * candidates may have changed; the broker takes the pending decisions at the end of the simulated
 * instant (`Simulation.atEndOfInstant`: every event of the instant has run, so every candidate that
 * appears then is there), one decision at a time, in the order routing,
 * maintenance, dispatch, transport, crew, operator and, within a kind, the tasks' keys (ids in natural order). After
 * each decision the events it caused at the same instant run before the next decision.
 *
 * A decision of a kind with a rule is answered at once. A decision of an agent's kind stops the
 * simulation (`Simulation.stop`) after the event that reached it; {@link DecisionBroker.answer} then
 * carries out the answer exactly where a rule's would have been, so the run continues with the same
 * events, in the same order, as an uninterrupted run with a rule making the same choices.
 */
export class DecisionBroker {
  private readonly sim: Simulation;
  private readonly policies: Partial<Record<DecisionKind, Policy<AnyDecisionPoint>>>;
  private readonly agent: ReadonlySet<DecisionKind>;
  private readonly askTrivial: boolean;
  private readonly queue: DecisionTask[] = objectArray();
  /** An end-of-instant callback is registered. */
  private epoch = false;
  private pending_: { task: DecisionTask; point: AnyDecisionPoint } | null = null;
  private decisions_ = 0;
  private readonly onEpoch = (): void => {
    this.epoch = false;
    this.takeOne();
  };

  constructor(sim: Simulation, options: DecisionBrokerOptions = {}) {
    this.sim = sim;
    const policies: Partial<Record<DecisionKind, Policy<AnyDecisionPoint>>> = {};
    for (const [kind, policy] of Object.entries(options.policies ?? {})) {
      if (policy === undefined) continue;
      if (policy === null || typeof policy !== 'object' || typeof policy.decide !== 'function') {
        throw new InvalidArgumentError(
          `DecisionBroker: the ${kind} policy must be an object with a decide(point) method (got ${String(policy)})`,
        );
      }
      policies[kind as DecisionKind] = policy as Policy<AnyDecisionPoint>;
    }
    this.policies = policies;
    this.agent = new Set(options.agent ?? []);
    for (const k of this.agent) {
      if (!(k in KIND_RANK)) {
        throw new InvalidArgumentError(
          `DecisionBroker: unknown decision kind ${JSON.stringify(k)} for the agent (expected one of ${Object.keys(KIND_RANK).join(', ')})`,
        );
      }
    }
    this.askTrivial = options.askTrivial ?? false;
  }

  /** The decision waiting for the agent's answer, or `null`. */
  get pending(): AnyDecisionPoint | null {
    return this.pending_?.point ?? null;
  }

  /** Decisions taken so far (by rules and the agent; single-option ones included). */
  get decisions(): number {
    return this.decisions_;
  }

  /** `true` when the agent answers decisions of `kind`. */
  isAgentKind(kind: DecisionKind): boolean {
    return this.agent.has(kind);
  }

  /** The policy answering `task` (`undefined`: option 0, or the agent). */
  policyOf(task: DecisionTask): Policy<AnyDecisionPoint> | undefined {
    return this.policies[task.kind] ?? task.policy;
  }

  /**
   * Asks for `task` to be decided at the end of this instant (a task already waiting is not added
   * twice). An order-free kind with a first-option rule is carried out at once.
   */
  request(task: DecisionTask): void {
    if (task.queued) return;
    const kind = task.kind;
    if (ORDER_FREE.has(kind) && !this.agent.has(kind) && this.firstOnly(task)) {
      if (task.applyFirst()) this.decisions_++;
      return;
    }
    task.queued = true;
    const q = this.queue;
    if (q.length === 0) {
      // NOTE: the usual case (one decision in the instant), for speed.
      q.push(task);
    } else {
      // Insertion in (kind rank, key) order; the queue is short (the tasks of one instant).
      const rank = KIND_RANK[kind];
      let i = q.length;
      while (i > 0) {
        const o = q[i - 1]!;
        const r = KIND_RANK[o.kind];
        if (r < rank || (r === rank && o.key <= task.key)) break;
        i--;
      }
      // NOTE: moved along by hand, not `splice` (which builds an array of what it removes), for speed.
      q.push(task);
      for (let j = q.length - 1; j > i; j--) q[j] = q[j - 1]!;
      q[i] = task;
    }
    if (!this.epoch && this.pending_ === null) {
      this.epoch = true;
      this.sim.atEndOfInstant(this.onEpoch);
    }
  }

  /**
   * Carries out the agent's answer to the pending decision and lets the instant go on.
   * @param index into the pending point's options: an integer in [0, options.length).
   */
  answer(index: number): void {
    const p = this.pending_;
    if (p === null) {
      throw new InvalidStateError('DecisionBroker.answer: no decision is waiting for an answer');
    }
    const n = p.point.options.length;
    if (!(Number.isInteger(index) && index >= 0 && index < n)) {
      throw new InvalidArgumentError(
        `DecisionBroker.answer: ${p.point.kind} decision at ${p.point.at} has ${n} option(s); ${String(index)} is not an integer in [0, ${n})`,
      );
    }
    this.pending_ = null;
    this.carryOut(p.task, p.point, index);
  }

  private firstOnly(task: DecisionTask): boolean {
    const policy = this.policies[task.kind] ?? task.policy;
    return policy === undefined || policy.alwaysFirst === true;
  }

  /** Takes the first decision still to take (the end-of-instant event). */
  private takeOne(): void {
    const q = this.queue;
    while (q.length > 0) {
      const task = q.shift()!;
      task.queued = false;
      const kind = task.kind;
      const agent = this.agent.has(kind);
      if (!agent && this.firstOnly(task)) {
        if (!task.applyFirst()) continue;
        this.decisions_++;
        this.next();
        return;
      }
      const trivialAtOnce = !(agent && this.askTrivial);
      if (trivialAtOnce && task.applySole?.() === true) {
        this.decisions_++;
        this.next();
        return;
      }
      const point = task.build();
      if (point === null) continue;
      if (point.options.length === 1 && trivialAtOnce) {
        this.carryOut(task, point, 0);
        return;
      }
      if (agent) {
        this.pending_ = { task, point };
        this.sim.stop();
        return;
      }
      const policy = (this.policies[kind] ?? task.policy)!;
      const i = policy.decide(point);
      if (!(Number.isInteger(i) && i >= 0 && i < point.options.length)) {
        throw new InvalidStateError(
          `DecisionBroker: ${kind} policy ${policy.name} at ${point.at} returned ${String(i)}, not an index into ${point.options.length} options`,
        );
      }
      this.carryOut(task, point, i);
      return;
    }
  }

  private carryOut(task: DecisionTask, point: AnyDecisionPoint, index: number): void {
    this.decisions_++;
    task.apply(point, index);
    this.next();
  }

  /** After a decision: the next one at this instant comes after the events the decision caused. */
  private next(): void {
    if (this.queue.length > 0 && !this.epoch) {
      this.epoch = true;
      this.sim.atEndOfInstant(this.onEpoch);
    }
  }
}
