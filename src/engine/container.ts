import { InvalidArgumentError, show } from './errors.js';
import { SimEvent } from './event.js';
import type { Simulation } from './simulation.js';

/** Options of a {@link Container}. */
export interface ContainerOptions {
  /** Largest level (> 0, may be Infinity; default Infinity), in the model's unit (litres, kg, kWh…). */
  capacity?: number;
  /** Level at the start (0 ≤ initial ≤ capacity; default 0). */
  initial?: number;
  /** Name used in error messages. */
  name?: string;
}

/** A put or get of an amount; succeeds when the amount has moved. */
export class ContainerRequest extends SimEvent<number> {
  /** @internal */
  constructor(
    sim: Simulation,
    name: string,
    readonly amount: number,
  ) {
    super(sim, name);
  }
}

/**
 * A continuous level (a tank, a silo, a pool of energy) with blocking put and get of amounts.
 *
 * Each side is served strictly in arrival order: a put that does not fit blocks the puts behind it,
 * and a get larger than the level blocks the gets behind it, so a large request is never starved by
 * a stream of small ones.
 */
export class Container {
  readonly sim: Simulation;
  readonly name: string;
  readonly capacity: number;
  private level_: number;
  private readonly puts: ContainerRequest[] = [];
  private readonly gets: ContainerRequest[] = [];

  constructor(sim: Simulation, options: ContainerOptions = {}) {
    const name = options.name ?? 'container';
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (!(capacity > 0)) {
      throw new InvalidArgumentError(`Container(${name}): capacity must be > 0 (got ${show(capacity)})`);
    }
    const initial = options.initial ?? 0;
    if (!(initial >= 0 && initial <= capacity && Number.isFinite(initial))) {
      throw new InvalidArgumentError(
        `Container(${name}): initial must be a finite number in [0, capacity=${capacity}] (got ${show(initial)})`,
      );
    }
    this.sim = sim;
    this.name = name;
    this.capacity = capacity;
    this.level_ = initial;
  }

  /** Current level. */
  get level(): number {
    return this.level_;
  }

  /** Adds `amount` (> 0, ≤ capacity) once it fits. */
  put(amount: number): ContainerRequest {
    this.check('put', amount);
    const ev = new ContainerRequest(this.sim, `${this.name}.put`, amount);
    this.puts.push(ev);
    this.settle();
    return ev;
  }

  /** Removes `amount` (> 0, ≤ capacity) once the level allows. */
  get(amount: number): ContainerRequest {
    this.check('get', amount);
    const ev = new ContainerRequest(this.sim, `${this.name}.get`, amount);
    this.gets.push(ev);
    this.settle();
    return ev;
  }

  /** Withdraws a waiting put or get. @returns false if it was not waiting. */
  cancel(request: ContainerRequest): boolean {
    for (const list of [this.puts, this.gets]) {
      const i = list.indexOf(request);
      if (i >= 0) {
        list.splice(i, 1);
        this.settle();
        return true;
      }
    }
    return false;
  }

  private check(api: string, amount: number): void {
    if (!(amount > 0 && amount <= this.capacity && Number.isFinite(amount))) {
      throw new InvalidArgumentError(
        `${this.name}.${api}: amount must be a finite number in (0, capacity=${this.capacity}] (got ${show(amount)})`,
      );
    }
  }

  private settle(): void {
    let moved = true;
    while (moved) {
      moved = false;
      const put = this.puts[0];
      if (put !== undefined && this.level_ + put.amount <= this.capacity) {
        this.puts.shift();
        this.level_ += put.amount;
        put.succeed(put.amount);
        moved = true;
      }
      const get = this.gets[0];
      if (get !== undefined && get.amount <= this.level_) {
        this.gets.shift();
        this.level_ -= get.amount;
        get.succeed(get.amount);
        moved = true;
      }
    }
  }
}
