import { SimEvent } from './event.js';
import type { Process } from './process.js';
import type { Resource } from './resource.js';

/** Where a {@link Request} is in its life. */
export type RequestState = 'waiting' | 'granted' | 'released' | 'cancelled' | 'preempted';

/**
 * A claim on one unit of a {@link Resource}. It is an event that succeeds (with itself) when the unit
 * is granted, so a process writes `const req = machine.request(); yield req; … machine.release(req)`.
 */
export class Request extends SimEvent<Request> {
  /** The resource claimed. */
  readonly resource: Resource;
  /** Lower is served (and protected from preemption) first. */
  readonly priority: number;
  /** Arrival order at the resource. */
  readonly seq: number;
  /** Whether this request may preempt a less important user. */
  readonly preempt: boolean;
  /** The process that made the request (interrupted if it is preempted), or null. */
  readonly owner: Process<unknown> | null;
  /** Time (seconds) the request was made. */
  readonly requestedAt: number;
  /** Time (seconds) the unit was granted, or NaN. */
  grantedAt = Number.NaN;
  /** @internal managed by the resource. */
  state_: RequestState = 'waiting';

  /** @internal created by {@link Resource.request}. */
  constructor(resource: Resource, priority: number, seq: number, preempt: boolean) {
    super(resource.sim, `${resource.name}.request`);
    this.resource = resource;
    this.priority = priority;
    this.seq = seq;
    this.preempt = preempt;
    this.owner = resource.sim.activeProcess;
    this.requestedAt = resource.sim.now;
  }

  /** Where the request is in its life. */
  get state(): RequestState {
    return this.state_;
  }

  /** Withdraws a waiting request: it leaves the queue without a trace. @returns false if it was not waiting. */
  cancel(): boolean {
    return this.resource.cancel(this);
  }
}

/** The cause of the {@link Interrupt} a preempted process receives. */
export interface Preempted {
  /** The request that took the unit. */
  by: Request;
  /** The preempted request (no longer holding the unit). */
  request: Request;
  /** When the preempted request had been granted (seconds). */
  usageSince: number;
  /** The resource. */
  resource: Resource;
}
