import type {
  AnyDecisionPoint,
  DispatchPoint,
  DispatchPolicy,
  StationView,
} from '../../policies/contract.js';
import type { Buffer } from '../buffer.js';
import type { DecisionTask } from '../decisions/decision-task.js';
import { partView } from '../decisions/views.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import type { Server } from './server.js';

/** The waiting parts of a queue, by position (0 is the oldest). */
export interface QueueReader {
  readonly level: number;
  partAt(i: number): Part;
}

/**
 * The parts waiting in `queue`, in the order of a dispatch decision: by the time each entered the queue
 * (earliest first, or latest first in a `lifo` queue), then product id in natural order, then part id.
 * Returns a new array.
 */
export function dispatchOrder(queue: QueueReader, lifo: boolean): Part[] {
  // NOTE: an insertion sort, with no comparator closure and no boxed numbers, for speed. A queue holds its
  // parts in arrival order (read backwards for `lifo`), so the order is right but for ties, and each part
  // moves past few others; the result is the same for any order in (the key is a total order).
  const n = queue.level;
  const out: Part[] = [];
  for (let i = 0; i < n; i++) {
    const p = queue.partAt(lifo ? n - 1 - i : i);
    let j = i;
    out.push(p);
    while (j > 0 && before(p, out[j - 1]!, lifo)) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = p;
  }
  return out;
}

/** When `p` entered its current queue, s (0 without a visit record). */
function queuedS(p: Part): number {
  // NOTE: no `?.` / `??` on the number, which would box it on the heap, for speed.
  const rec = p.currentStep;
  return rec === undefined ? 0 : rec.queuedS;
}

/** `true` when `a` comes before `b` in dispatch order (see {@link dispatchOrder}). */
function before(a: Part, b: Part, lifo: boolean): boolean {
  const qa = queuedS(a);
  const qb = queuedS(b);
  if (qa !== qb) return lifo ? qa > qb : qa < qb;
  const ka = a.plan.sortKey;
  const kb = b.plan.sortKey;
  if (ka !== kb) return ka < kb;
  return a.id < b.id;
}

/**
 * Position in `queue` (in arrival order, so queued times never decrease along it; not empty) of the first
 * part in dispatch order (see {@link dispatchOrder}). Only the parts that entered at the same time as the
 * oldest (newest, for `lifo`) can compete, so the scan stops at the first later one.
 */
function firstInOrder(queue: Buffer, lifo: boolean): number {
  const n = queue.level;
  let best = lifo ? n - 1 : 0;
  if (n === 1) return best;
  const bq = queuedS(queue.partAt(best));
  const step = lifo ? -1 : 1;
  for (let i = best + step; i >= 0 && i < n; i += step) {
    const p = queue.partAt(i);
    // NOTE: arrival order: the first part that entered later ends the candidates (hot path).
    if (queuedS(p) !== bq) break;
    const b = queue.partAt(best);
    if (p.plan.sortKey < b.plan.sortKey || (p.plan.sortKey === b.plan.sortKey && p.id < b.id)) best = i;
  }
  return best;
}

/** The `ordered` list of a start that does not group parts (nothing reads it). */
const NO_PARTS: readonly Part[] = Object.freeze([]);

/**
 * The dispatch decision of a station: which of the parts that could start now its lowest-index idle
 * server takes. Requested whenever a part arrives or a server becomes idle; decided at the end of the
 * instant.
 *
 * The base class of `Station`: a station is the task of its own dispatch decision.
 * NOTE: not an object of its own per station, so that asking for a decision and taking it touch the
 * station's first cache lines only, for speed (on a line of 1,000 stations each is a cache miss).
 * @internal
 */
export abstract class DispatchTask implements DecisionTask {
  readonly kind = 'dispatch' as const;
  queued = false;
  /** The station's sort key. */
  readonly key: string;
  /** The station's own dispatch rule (`undefined`: first in tie-break order). */
  readonly policy: DispatchPolicy | undefined;
  /** Between `build` and `apply`: the options offered, and all startable parts in tie-break order. */
  private candidates: readonly Part[] = [];
  private ordered: readonly Part[] = [];

  constructor(key: string, policy: DispatchPolicy | undefined) {
    this.key = key;
    this.policy = policy;
  }

  // What the decision reads of its station (see `Station`).
  abstract readonly id: string;
  abstract readonly plant: Plant;
  abstract readonly input: Buffer;
  abstract get lifo(): boolean;
  abstract get groups(): boolean;
  abstract firstIdleServer(): Server | undefined;
  abstract startable(ordered: readonly Part[]): readonly Part[];
  abstract start(s: Server, lead: Part, ordered: readonly Part[]): void;
  abstract view(): StationView;
  abstract meanTimeS(product: string, step: number): number;

  build(): DispatchPoint | null {
    const server = this.firstIdleServer();
    if (server === undefined || this.input.level === 0) return null;
    const ordered = dispatchOrder(this.input, this.lifo);
    const candidates = this.startable(ordered);
    if (candidates.length === 0) return null;
    this.ordered = ordered;
    this.candidates = candidates;
    const now = this.plant.sim.now;
    return {
      kind: 'dispatch',
      at: this.id,
      now,
      server: server.index,
      station: this.view(),
      lastProduct: server.lastProduct,
      runLength: server.runLength,
      options: candidates.map((p) =>
        partView(p, this.meanTimeS(p.product, p.step), p.currentStep?.queuedS ?? now),
      ),
    };
  }

  apply(point: AnyDecisionPoint, index: number): void {
    const server = this.firstIdleServer()!;
    const lead = this.candidates[index]!;
    const ordered = this.ordered;
    this.candidates = [];
    this.ordered = [];
    void point;
    this.start(server, lead, ordered);
  }

  applySole(): boolean {
    // NOTE: one part waits at a plain station (no batches, no kits): it is the only candidate, and starting
    // it is what apply(build(), 0) does, without sorting or views, for speed.
    if (this.groups || this.input.level !== 1) return false;
    const server = this.firstIdleServer();
    if (server === undefined) return false;
    this.start(server, this.input.partAt(0), NO_PARTS);
    return true;
  }

  applyFirst(): boolean {
    const server = this.firstIdleServer();
    if (server === undefined || this.input.level === 0) return false;
    if (!this.groups) {
      // NOTE: hot path of a first-in rule: no sorting, no views, no copy of the queue.
      const input = this.input;
      this.start(server, input.partAt(firstInOrder(input, this.lifo)), NO_PARTS);
      return true;
    }
    const ordered = dispatchOrder(this.input, this.lifo);
    const candidates = this.startable(ordered);
    if (candidates.length === 0) return false;
    this.start(server, candidates[0]!, ordered);
    return true;
  }
}
