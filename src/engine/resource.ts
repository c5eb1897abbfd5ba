import { FifoQueue, PriorityQueue, type WaitQueue } from './_internal/wait-queue.js';
import type { EventHandler } from './calendar.js';
import { InvalidArgumentError, InvalidStateError, show } from './errors.js';
import { type Preempted, Request } from './request.js';
import type { Simulation } from './simulation.js';

/** Order in which waiting requests are served. */
export type QueueDiscipline = 'fifo' | 'priority';

/** Options of a {@link Resource}. */
export interface ResourceOptions {
  /** Units that can be held at once (integer ≥ 1; default 1). */
  capacity?: number;
  /** `fifo` (default): arrival order. `priority`: lowest priority value first, then arrival order. */
  discipline?: QueueDiscipline;
  /**
   * Allow requests made with `preempt: true` to take a unit from the least important user (highest
   * priority value, most recently granted among equals) when its priority value is strictly higher.
   * The preempted user's process receives an Interrupt whose cause is a {@link Preempted} record and whose
   * `remaining` is the unfinished part of its delay. Implies the `priority` discipline.
   */
  preemptive?: boolean;
  /** Name used in error messages. */
  name?: string;
}

/** Options of one request. */
export interface RequestOptions {
  /** Lower is more important (integer; default 0). */
  priority?: number;
  /** On a preemptive resource, take a unit from a less important user if none is free (default false). */
  preempt?: boolean;
}

/** A callback waiter of {@link Resource.acquire}. */
interface CallbackWaiter {
  readonly priority: number;
  readonly seq: number;
  readonly handler: EventHandler<unknown>;
  readonly data: unknown;
}

type Waiting = Request | CallbackWaiter;

/**
 * A pool of `capacity` identical units (machines in a group, operators, a robot), held by one user each.
 *
 * Two ways to use it, sharing one queue:
 * - processes: `const req = res.request(); yield req; …; res.release(req)`;
 * - callbacks (the fast path): `res.acquire(handler, data)` calls `handler(data)` as soon as a unit is
 *   granted — synchronously if one is free — and the holder calls `res.release()` when done.
 *
 * Guarantees: never more than `capacity` units held; waiters served in the documented order; a
 * cancelled request leaves the queue as if it had never been made.
 */
export class Resource {
  readonly sim: Simulation;
  readonly name: string;
  /** Units that can be held at once. */
  readonly capacity: number;
  readonly discipline: QueueDiscipline;
  readonly preemptive: boolean;
  private inUse_ = 0;
  private anonymousHeld = 0;
  private readonly users = new Set<Request>();
  private readonly queue: WaitQueue<Waiting>;
  private seq = 0;

  constructor(sim: Simulation, options: ResourceOptions = {}) {
    const name = options.name ?? 'resource';
    const capacity = options.capacity ?? 1;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new InvalidArgumentError(
        `Resource(${name}): capacity must be an integer >= 1 (got ${show(capacity)})`,
      );
    }
    const preemptive = options.preemptive ?? false;
    const discipline = options.discipline ?? (preemptive ? 'priority' : 'fifo');
    if (discipline !== 'fifo' && discipline !== 'priority') {
      throw new InvalidArgumentError(
        `Resource(${name}): discipline must be "fifo" or "priority" (got ${show(discipline)})`,
      );
    }
    if (preemptive && discipline !== 'priority') {
      throw new InvalidArgumentError(
        `Resource(${name}): a preemptive resource needs the "priority" discipline`,
      );
    }
    this.sim = sim;
    this.name = name;
    this.capacity = capacity;
    this.discipline = discipline;
    this.preemptive = preemptive;
    this.queue = discipline === 'fifo' ? new FifoQueue<Waiting>() : new PriorityQueue<Waiting>();
  }

  /** Units held now. */
  get inUse(): number {
    return this.inUse_;
  }

  /** Requests waiting now. */
  get queueLength(): number {
    return this.queue.size;
  }

  /** The requests holding a unit (callback holders are counted in `inUse` only). */
  get holders(): readonly Request[] {
    return [...this.users];
  }

  /** The waiting requests in service order. */
  get waiting(): readonly (Request | { priority: number; seq: number })[] {
    return this.queue.toArray();
  }

  /** Claims a unit. Yield the returned request to wait for it; release it when done. */
  request(options: RequestOptions = {}): Request {
    const priority = options.priority ?? 0;
    if ((priority | 0) !== priority) {
      throw new InvalidArgumentError(
        `${this.name}.request: priority must be a 32-bit integer (got ${show(priority)})`,
      );
    }
    const preempt = options.preempt ?? false;
    if (preempt && !this.preemptive) {
      throw new InvalidArgumentError(
        `${this.name}.request: preempt needs a resource created with preemptive: true`,
      );
    }
    const req = new Request(this, priority, this.seq++, preempt);
    if (this.inUse_ < this.capacity) {
      this.grant(req);
    } else if (preempt && this.tryPreempt(req)) {
      // granted by tryPreempt
    } else {
      this.queue.push(req);
    }
    return req;
  }

  /**
   * Fast path: calls `handler(data)` when a unit is granted — at once (synchronously) if one is free,
   * otherwise from inside the `release` that frees it. The holder must call `release()` with no argument.
   * Not available on preemptive resources (a callback holder could not be told it lost its unit).
   */
  acquire<T>(handler: EventHandler<T>, data?: T, priority = 0): void {
    if (typeof handler !== 'function' || (priority | 0) !== priority || this.preemptive) {
      this.rejectAcquire(handler, priority);
    }
    if (this.inUse_ < this.capacity) {
      this.inUse_++;
      this.anonymousHeld++;
      handler(data as T);
      return;
    }
    this.queue.push({ priority, seq: this.seq++, handler: handler as EventHandler<unknown>, data });
  }

  private rejectAcquire(handler: unknown, priority: number): never {
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError(
        `${this.name}.acquire: handler must be a function (got ${show(handler)})`,
      );
    }
    if ((priority | 0) !== priority) {
      throw new InvalidArgumentError(
        `${this.name}.acquire: priority must be a 32-bit integer (got ${show(priority)})`,
      );
    }
    throw new InvalidStateError(
      `${this.name}.acquire: not available on a preemptive resource; use request()`,
    );
  }

  /**
   * Gives a unit back and serves the next waiter(s).
   * @param request the granted request to release; omit it for a unit taken with {@link Resource.acquire}.
   */
  release(request?: Request): void {
    if (request === undefined) {
      if (this.anonymousHeld === 0) {
        throw new InvalidStateError(`${this.name}.release: no unit taken with acquire() is held`);
      }
      this.anonymousHeld--;
    } else {
      if (!(request instanceof Request) || request.resource !== this) {
        throw new InvalidArgumentError(
          `${this.name}.release: not a request of this resource (got ${show(request)})`,
        );
      }
      if (request.state_ !== 'granted') {
        throw new InvalidStateError(`${this.name}.release: the request is ${request.state_}, not granted`);
      }
      request.state_ = 'released';
      this.users.delete(request);
    }
    this.inUse_--;
    this.serve();
  }

  /** Withdraws a waiting request. @returns false if it was not waiting (granted, released or cancelled). */
  cancel(request: Request): boolean {
    if (request.state_ !== 'waiting' || request.resource !== this) return false;
    if (!this.queue.remove(request)) return false;
    request.state_ = 'cancelled';
    return true;
  }

  private serve(): void {
    while (this.inUse_ < this.capacity && this.queue.size > 0) {
      const next = this.queue.shift()!;
      if (next instanceof Request) {
        this.grant(next);
      } else {
        this.inUse_++;
        this.anonymousHeld++;
        next.handler(next.data);
      }
    }
  }

  private grant(req: Request): void {
    this.inUse_++;
    req.state_ = 'granted';
    req.grantedAt = this.sim.now;
    this.users.add(req);
    req.succeed(req);
  }

  private tryPreempt(req: Request): boolean {
    let victim: Request | undefined;
    for (const u of this.users) {
      if (
        victim === undefined ||
        u.priority > victim.priority ||
        (u.priority === victim.priority &&
          (u.grantedAt > victim.grantedAt || (u.grantedAt === victim.grantedAt && u.seq > victim.seq)))
      ) {
        victim = u;
      }
    }
    if (victim === undefined || victim.priority <= req.priority) return false;
    this.users.delete(victim);
    victim.state_ = 'preempted';
    this.inUse_--;
    const cause: Preempted = { by: req, request: victim, usageSince: victim.grantedAt, resource: this };
    if (victim.owner?.isAlive) victim.owner.interrupt(cause);
    this.grant(req);
    return true;
  }
}
