import {
  type Distribution,
  InvalidArgumentError,
  InvalidStateError,
  type RandomStream,
} from '../../engine/index.js';
import type { OperatorTask } from '../../policies/contract.js';
import type { OperatorPool } from '../operator-pool.js';
import type { ServerState } from '../server-state.js';
import type { Worker } from '../worker-pool.js';
import type { Server } from './server.js';
import type { ServerTransitions } from './server-machine.js';
import type { Station } from './station.js';

/** Every {@link OperatorTask}, in the order a part meets them at a machine. */
export const OPERATOR_TASKS: readonly OperatorTask[] = ['load', 'setup', 'process', 'unload'];

/** What a station needs of an operator pool (the `operator` option of a station). */
export interface OperatorNeedOptions {
  /** The pool the operators come from. */
  readonly pool: OperatorPool;
  /** The tasks that need an operator (at least one, each once). */
  readonly tasks: readonly OperatorTask[];
  /**
   * Skill an operator needs: one for every task, or one per task (a task not listed: anyone of the pool).
   * Default: anyone of the pool.
   */
  readonly skill?: string | Readonly<Partial<Record<OperatorTask, string>>>;
  /** Time to load a part (a batch, a kit) onto a server, seconds, drawn from `${station}/load`; needed with `load`. */
  readonly loadTime?: Distribution;
  /** Time to unload a processed part (a batch) from a server, seconds, drawn from `${station}/unload`; needed with `unload`. */
  readonly unloadTime?: Distribution;
}

/** States in which a server may hold an operator: she is loading or unloading, setting up, or attending. */
const HOLDING: ReadonlySet<ServerState> = new Set<ServerState>(['handling', 'setup', 'busy']);

/**
 * The operators a station's servers need, and the rules of holding them.
 *
 * - Before each task that needs an operator (see {@link OperatorNeedOptions.tasks}) a server that holds
 *   none with the task's skill asks the pool and waits, state `waiting-operator`, until she has walked
 *   there. The tasks come in the order load → setup → process → unload; the setup only when the product
 *   changes.
 * - She stays for the part's next tasks while they need her (and she has their skill), so one operator
 *   loads, sets up and attends a part in one visit; she is released before the first task that does not
 *   need her, and at the latest after the unload (before a blocked part waits for room downstream).
 * - A server that stops holding work (down, maintenance, off shift, idle, blocked) releases her at once:
 *   after a repair or a shift break it asks again for what is left (e.g. the rest of the processing).
 * - Loading and unloading take `loadTime` / `unloadTime` (state `handling`, as a robot's would);
 *   a failure falling due meanwhile, or while waiting, strikes when the server could work again.
 * @internal
 */
export class OperatorNeed {
  private readonly tasks: ReadonlySet<OperatorTask>;
  private readonly skills: Readonly<Partial<Record<OperatorTask, string>>>;
  /** Per server: the operator it holds, or `null`. */
  private readonly held: (Worker | null)[] = [];
  private readonly loadTime: Distribution | undefined;
  private readonly unloadTime: Distribution | undefined;
  private readonly loadStream: RandomStream | undefined;
  private readonly unloadStream: RandomStream | undefined;
  readonly pool: OperatorPool;

  constructor(
    private readonly station: Pick<Station, 'id' | 'plant' | 'priority' | 'position'>,
    options: OperatorNeedOptions,
    private readonly to: ServerTransitions,
    tended: boolean,
  ) {
    const id = station.id;
    if (tended && (options.tasks.includes('load') || options.tasks.includes('unload'))) {
      throw new InvalidArgumentError(
        `Station: ${id} is loaded and unloaded by a robot, so its operator cannot do load or unload`,
      );
    }
    this.pool = options.pool;
    this.tasks = new Set(options.tasks);
    if (options.tasks.length === 0 || this.tasks.size !== options.tasks.length) {
      throw new InvalidArgumentError(
        `Station: operator tasks of ${id} must be a non-empty list without repeats (got ${options.tasks.join(', ')})`,
      );
    }
    for (const t of options.tasks) {
      if (!OPERATOR_TASKS.includes(t))
        throw new InvalidArgumentError(`Station: unknown operator task ${JSON.stringify(t)} at ${id}`);
    }
    const skill = options.skill;
    this.skills =
      typeof skill === 'string' ? Object.fromEntries(options.tasks.map((t) => [t, skill])) : (skill ?? {});
    for (const t of options.tasks) {
      if (!this.pool.canDo(this.skills[t])) {
        throw new InvalidArgumentError(
          `Station: ${t} at ${id} needs an operator with skill ${JSON.stringify(this.skills[t])}, which nobody of ${this.pool.id} has`,
        );
      }
    }
    for (const [t, time] of [
      ['load', options.loadTime],
      ['unload', options.unloadTime],
    ] as const) {
      if (this.tasks.has(t) !== (time !== undefined)) {
        throw new InvalidArgumentError(
          `Station: ${id} needs a ${t}Time exactly when an operator does the ${t} (tasks: ${options.tasks.join(', ')})`,
        );
      }
    }
    this.loadTime = options.loadTime;
    this.unloadTime = options.unloadTime;
    const streams = station.plant.sim.streams;
    this.loadStream = this.loadTime === undefined ? undefined : streams.get(`${id}/load`);
    this.unloadStream = this.unloadTime === undefined ? undefined : streams.get(`${id}/unload`);
  }

  /** `true` when `task` needs an operator here. */
  needs(task: OperatorTask): boolean {
    return this.tasks.has(task);
  }

  /** The operator server `index` holds now, or `null`. */
  heldBy(index: number): Worker | null {
    return this.held[index] ?? null;
  }

  /**
   * Before `task` on `s`: `false` when it can go on now (no operator needed — any held one is released —
   * or the one held has the skill); `true` when `s` now waits for an operator, and `then` runs once she
   * is there.
   */
  gate(s: Server, task: OperatorTask, then: () => void): boolean {
    if (!this.tasks.has(task)) {
      this.release(s);
      return false;
    }
    const skill = this.skills[task];
    const h = this.held[s.index];
    if (h != null) {
      if (skill === undefined || h.skills.has(skill)) return false;
      this.release(s);
    }
    const st = this.station;
    const part = s.part!;
    this.to.setState(s, 'waiting-operator');
    this.pool.request({
      task,
      station: st.id,
      server: s.index,
      skill,
      priority: st.priority,
      position: st.position,
      product: part.product,
      partQueuedS: part.currentStep?.queuedS ?? st.plant.sim.now,
      onArrive: (op) => {
        this.held[s.index] = op;
        then();
      },
    });
    return true;
  }

  /**
   * Loads the part just put on `s` if an operator must (waiting for her, then `handling` for the load
   * time), then runs `then`; `false` (nothing done) when loading needs no operator.
   */
  load(s: Server, then: () => void): boolean {
    if (!this.tasks.has('load')) return false;
    const go = (): void => this.handle(s, this.loadTime!, this.loadStream!, 'load', then);
    if (!this.gate(s, 'load', go)) go();
    return true;
  }

  /**
   * Unloads the processed part of `s` if an operator must (as {@link OperatorNeed.load}; she leaves once
   * it is off), then runs `then`; `false` (any held operator released) when unloading needs none.
   */
  unload(s: Server, then: () => void): boolean {
    if (!this.tasks.has('unload')) {
      this.release(s);
      return false;
    }
    const go = (): void =>
      this.handle(s, this.unloadTime!, this.unloadStream!, 'unload', () => {
        this.release(s);
        then();
      });
    if (!this.gate(s, 'unload', go)) go();
    return true;
  }

  private handle(s: Server, time: Distribution, stream: RandomStream, what: string, then: () => void): void {
    const t = time.sample(stream);
    if (!(t >= 0 && t < Number.POSITIVE_INFINITY)) {
      throw new InvalidStateError(`Station: ${what} time at ${this.station.id} drew ${t} s`);
    }
    this.to.setState(s, 'handling');
    this.station.plant.sim.schedule(t, then);
  }

  /** The work on `s` is done: the operator held leaves, unless she also unloads the part. */
  workDone(s: Server): void {
    if (!this.tasks.has('unload')) this.release(s);
  }

  /** `s` entered state `to`: outside loading, setup and processing it holds no operator. */
  onState(s: Server, to: ServerState): void {
    if (!HOLDING.has(to)) this.release(s);
  }

  /** Lets the operator `s` holds (if any) go. */
  release(s: Server): void {
    const h = this.held[s.index];
    if (h == null) return;
    this.held[s.index] = null;
    this.pool.release(h);
  }
}
