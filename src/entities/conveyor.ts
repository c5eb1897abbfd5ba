import { objectArray } from '../engine/_internal/object-array.js';
import { type EventId, InvalidArgumentError, InvalidStateError } from '../engine/index.js';
import type { SpaceWaiter } from './buffer.js';
import type { ConveyorState } from './conveyor-state.js';
import type { Part } from './part.js';
import type { PartReceiver, Plant } from './plant.js';
import type { Position } from './position.js';

/** Options of a {@link Conveyor}. */
export interface ConveyorOptions {
  /** Id, unique in the plant (a product's `via` names it). */
  readonly id: string;
  /** Length from entrance to far end, metres (finite, > 0). */
  readonly lengthM: number;
  /** Belt speed, metres per second (finite, > 0). */
  readonly speedMps: number;
  /**
   * Minimum distance between two items, metres (> 0 and ≤ `lengthM`); it sets the capacity,
   * `floor(lengthM / spacingM)` items.
   */
  readonly spacingM: number;
  /**
   * `true`: items queue up behind a head that cannot leave while the belt keeps running under them;
   * `false`: the whole belt stops while its head cannot leave.
   */
  readonly accumulating: boolean;
  /** Layout position of the entrance, metres (for the viewer only; no effect on the model). */
  readonly from?: Position;
  /** Layout position of the far end, metres (for the viewer only; no effect on the model). */
  readonly to?: Position;
}

/** One item on the belt at an instant: see {@link Conveyor.positions}. */
export interface ConveyorItem {
  readonly part: Part;
  /** Distance from the entrance, metres. */
  readonly positionM: number;
  /** Current speed, metres per second (0 or the conveyor's speed). */
  readonly speedMps: number;
}

/** An item on the belt: it was at `posM` at time `sinceS` and moves at the belt speed if `moving`. */
interface Item {
  readonly part: Part;
  /** metres from the entrance, at `sinceS` */
  posM: number;
  /** seconds */
  sinceS: number;
  moving: boolean;
}

const NO_EVENT: EventId = -1;

/**
 * A ratio length / spacing within this of an integer counts as that integer, so that lengths and
 * spacings that are not exact binary fractions (0.3 m / 0.1 m = 2.9999999999999996) give the capacity
 * a user expects. Far above the rounding error of the division for any realistic ratio (< 10⁶).
 */
const CAPACITY_SLACK = 1e-9;

/**
 * A conveyor: a carrier that takes parts from one holder to their next destination (a station's
 * input or a sink). A product's routing hop names it in `via`; `plant.forward` hands it the part, and
 * it hands the part on with `plant.deliver` when the part reaches the far end. Positions are metres
 * from the entrance; an item moves at `speedMps` or stands still.
 *
 * Rules:
 * - **Entry**: a part may enter ({@link Conveyor.hasRoom}) when fewer than `capacity =
 *   floor(lengthM / spacingM)` items are on it **and** the entrance is clear: the last item to enter
 *   has moved at least `spacingM` from the entrance. Waiters given to {@link Conveyor.onSpace} are
 *   called, first come first served, at the instant entry becomes possible again (the last item clears
 *   the entrance, or an item leaves and the belt moves on).
 * - **Transit**: without blocking, a part leaves exactly `lengthM / speedMps` seconds after it
 *   entered. An item that reaches the far end is handed on at once if its destination has room.
 * - **Non-accumulating** (`accumulating: false`): the whole belt moves or stands still. When the head
 *   item reaches the end and its destination is full, the belt stops (`stopped`) and every item
 *   freezes in place, the entrance included; the belt restarts at the instant the head can leave.
 * - **Accumulating** (`accumulating: true`): when the head waits at the end (`stopped`), the items
 *   behind it keep moving until each queues `spacingM` behind the one ahead of it; when the head
 *   leaves, all queued items start again at once. So an item reaches the end at
 *   `max(entered + lengthM / speedMps, previous item's departure + spacingM / speedMps)`.
 * - **Waiting at the end**: the head waits for room at its final destination (`onSpace`); when
 *   called it checks again (another holder may have taken the slot first) and waits again if needed.
 *
 * Publishes `conveyorLevelChanged`, `conveyorStateChanged` and, only when someone listens,
 * `conveyorItemMoved` at every change of an item's speed (entry, stop, restart). While on it a part's
 * `location` is the conveyor's id. A ratio length / spacing within 1e-9 of an integer counts as that
 * integer (so 0.3 m / 0.1 m holds 3 items, not 2).
 */
export class Conveyor implements PartReceiver {
  readonly id: string;
  /** Length, metres. */
  readonly lengthM: number;
  /** Belt speed, metres per second. */
  readonly speedMps: number;
  /** Minimum distance between items, metres. */
  readonly spacingM: number;
  /** `true` for an accumulating conveyor (see the class rules). */
  readonly accumulating: boolean;
  /** Maximum number of items on it: `floor(lengthM / spacingM)`. */
  readonly capacity: number;
  /** Layout position of the entrance, metres (viewer only). */
  readonly from: Position | undefined;
  /** Layout position of the far end, metres (viewer only). */
  readonly to: Position | undefined;
  private readonly plant: Plant;
  /** Head (nearest the end) first. */
  private readonly items: Item[] = objectArray();
  private readonly waiters: SpaceWaiter[] = [];
  private state_: ConveyorState = 'empty';
  /** Accumulating: the items at the front that stand in the queue behind (and including) the head. */
  private queued = 0;
  /** The last item to enter has moved `spacingM` (or left). */
  private tailClear = true;
  private joinId: EventId = NO_EVENT;
  private clearId: EventId = NO_EVENT;
  private clearAtS = Number.NaN;
  /** Bumped at every delivery attempt, so only the latest wait for the destination acts. */
  private deliverToken = 0;
  private readonly onEnd = (): void => this.headAtEnd();
  private readonly onJoin = (): void => {
    this.joinId = NO_EVENT;
    this.queueUp();
  };
  private readonly onClear = (): void => {
    this.clearId = NO_EVENT;
    this.tailClear = true;
    this.offerSpace();
  };

  constructor(plant: Plant, options: ConveyorOptions) {
    const { id, lengthM, speedMps, spacingM, accumulating } = options;
    const bad = (field: string, rule: string, value: unknown): InvalidArgumentError =>
      new InvalidArgumentError(`Conveyor: ${field} of ${id} must be ${rule} (got ${String(value)})`);
    if (!(lengthM > 0 && lengthM < Number.POSITIVE_INFINITY)) throw bad('lengthM', '> 0 m', lengthM);
    if (!(speedMps > 0 && speedMps < Number.POSITIVE_INFINITY)) throw bad('speedMps', '> 0 m/s', speedMps);
    if (!(spacingM > 0 && spacingM <= lengthM)) {
      throw bad('spacingM', `> 0 m and <= lengthM (${lengthM} m)`, spacingM);
    }
    if (typeof accumulating !== 'boolean') throw bad('accumulating', 'true or false', accumulating);
    for (const key of ['from', 'to'] as const) {
      const p = options[key];
      if (p !== undefined && !(Number.isFinite(p.x) && Number.isFinite(p.y))) {
        throw bad(key, 'a position with finite x and y in m', `(${p.x}, ${p.y})`);
      }
    }
    this.id = id;
    this.lengthM = lengthM;
    this.speedMps = speedMps;
    this.spacingM = spacingM;
    this.accumulating = accumulating;
    const ratio = lengthM / spacingM;
    const nearest = Math.round(ratio);
    this.capacity = Math.abs(ratio - nearest) <= CAPACITY_SLACK ? nearest : Math.floor(ratio);
    this.from = options.from;
    this.to = options.to;
    this.plant = plant;
    plant.registerCarrier(this);
  }

  /** Number of items on it. */
  get level(): number {
    return this.items.length;
  }

  /** Current state (see {@link ConveyorState}). */
  get state(): ConveyorState {
    return this.state_;
  }

  /** Number of holders waiting to put a part on it. */
  get waitingForSpace(): number {
    return this.waiters.length;
  }

  /** The items on it at the current instant, head (nearest the far end) first. */
  positions(): ConveyorItem[] {
    const now = this.plant.sim.now;
    return this.items.map((it) => ({
      part: it.part,
      positionM: this.positionOf(it, now),
      speedMps: it.moving ? this.speedMps : 0,
    }));
  }

  /** `true` when fewer than `capacity` items are on it and the entrance is clear. */
  hasRoom(): boolean {
    return this.items.length < this.capacity && this.tailClear;
  }

  /**
   * Puts `part` on the belt at the entrance if {@link Conveyor.hasRoom}.
   * @returns `false` (and changes nothing) otherwise.
   */
  tryPut(part: Part): boolean {
    if (!this.hasRoom()) return false;
    const now = this.plant.sim.now;
    // On a stopped non-accumulating belt the part is put down on a standing belt.
    const moving = this.accumulating || this.state_ !== 'stopped';
    const item: Item = { part, posM: 0, sinceS: now, moving };
    this.items.push(item);
    part.location = this.id;
    this.tailClear = false;
    this.plant.events.emit('conveyorLevelChanged', this.id, this.items.length, now);
    this.moved(item, now);
    if (this.items.length === 1) {
      this.setState('running', now);
      this.scheduleEnd(now);
    }
    if (moving) this.scheduleClear(item, now);
    // The accumulating queue may be complete: this item is then the next to join it.
    if (this.accumulating && this.state_ === 'stopped' && this.joinId === NO_EVENT) this.queueUp();
    return true;
  }

  /** Calls `waiter` once, when a part can enter again (see {@link SpaceWaiter}). */
  onSpace(waiter: SpaceWaiter): void {
    this.waiters.push(waiter);
  }

  private positionOf(it: Item, now: number): number {
    return it.moving ? it.posM + this.speedMps * (now - it.sinceS) : it.posM;
  }

  private setState(to: ConveyorState, now: number): void {
    const from = this.state_;
    if (from === to) return;
    this.state_ = to;
    this.plant.events.emit('conveyorStateChanged', this.id, from, to, now);
  }

  /** Publishes the item's current position and speed (only when someone listens: hot path). */
  private moved(it: Item, now: number): void {
    const events = this.plant.events;
    if (events.has('conveyorItemMoved')) {
      events.emit('conveyorItemMoved', this.id, it.part.id, it.posM, it.moving ? this.speedMps : 0, now);
    }
  }

  private stopItem(it: Item, posM: number, now: number): void {
    it.posM = posM;
    it.sinceS = now;
    it.moving = false;
    this.moved(it, now);
    if (it === this.items[this.items.length - 1]) this.pauseClear(now);
  }

  private startItem(it: Item, now: number): void {
    it.sinceS = now;
    it.moving = true;
    this.moved(it, now);
  }

  /**
   * Schedules the arrival of the (moving) head at the far end. Never cancelled: a head only ever
   * stops at the end.
   */
  private scheduleEnd(now: number): void {
    const head = this.items[0]!;
    const at = head.sinceS + (this.lengthM - head.posM) / this.speedMps;
    this.plant.sim.scheduleAt(Math.max(at, now), this.onEnd);
  }

  /** Schedules the instant the (moving) tail has moved `spacingM` from the entrance. */
  private scheduleClear(tail: Item, now: number): void {
    this.clearAtS = Math.max(now, tail.sinceS + (this.spacingM - tail.posM) / this.speedMps);
    this.clearId = this.plant.sim.scheduleAt(this.clearAtS, this.onClear);
  }

  /** The tail stops before clearing the entrance: the entrance stays blocked until it moves again. */
  private pauseClear(now: number): void {
    // A clearance due at this very instant still happens (it is on the calendar for now).
    if (this.clearId !== NO_EVENT && this.clearAtS > now) {
      this.plant.sim.cancel(this.clearId);
      this.clearId = NO_EVENT;
    }
  }

  private headAtEnd(): void {
    const head = this.items[0]!;
    const now = this.plant.sim.now;
    // Snapped to exactly the end: a position recomputed from the time may be off by a rounding error.
    head.posM = this.lengthM;
    head.sinceS = now;
    this.deliverHead();
  }

  /** Hands the head on if its destination has room; otherwise stops (if not already) and waits. */
  private deliverHead(): void {
    const head = this.items[0]!;
    const token = ++this.deliverToken;
    // The receiver may react at once and, through other holders, put a new part on this conveyor
    // (appended at the tail); the head stays items[0] until removed below.
    if (this.plant.deliver(head.part, this.id)) {
      this.afterDeparture();
      return;
    }
    if (this.state_ !== 'stopped') this.stop();
    this.plant.finalDestination(head.part).onSpace(() => {
      // A stale call (the head has left or a later attempt waits) does nothing.
      if (this.deliverToken === token) this.deliverHead();
    });
  }

  /** The head waits at the end: the belt stops (non-accumulating) or the queue forms behind it. */
  private stop(): void {
    const now = this.plant.sim.now;
    this.setState('stopped', now);
    const head = this.items[0]!;
    if (this.accumulating) {
      this.stopItem(head, this.lengthM, now);
      this.queued = 1;
      this.queueUp();
      return;
    }
    for (const it of this.items) {
      this.stopItem(it, it === head ? this.lengthM : this.positionOf(it, now), now);
    }
  }

  /**
   * Accumulating: stops every moving item that has reached its place in the queue (`spacingM` behind
   * the last queued one), then schedules the next one's arrival at its place.
   */
  private queueUp(): void {
    const now = this.plant.sim.now;
    while (this.queued < this.items.length) {
      const it = this.items[this.queued]!;
      if (!it.moving) {
        throw new InvalidStateError(`Conveyor: ${this.id} has a standing item behind its queue`);
      }
      const placeM = this.lengthM - this.queued * this.spacingM;
      const at = it.sinceS + (placeM - it.posM) / this.speedMps;
      if (at > now) {
        this.joinId = this.plant.sim.scheduleAt(at, this.onJoin);
        return;
      }
      this.stopItem(it, placeM, now);
      this.queued++;
    }
  }

  /** The head was handed on: the belt (or the queue) moves on and entry may be possible again. */
  private afterDeparture(): void {
    const now = this.plant.sim.now;
    this.items.shift();
    this.plant.events.emit('conveyorLevelChanged', this.id, this.items.length, now);
    if (this.joinId !== NO_EVENT) {
      this.plant.sim.cancel(this.joinId);
      this.joinId = NO_EVENT;
    }
    this.queued = 0;
    if (this.items.length === 0) {
      if (this.clearId !== NO_EVENT) this.plant.sim.cancel(this.clearId);
      this.clearId = NO_EVENT;
      this.tailClear = true;
      this.setState('empty', now);
    } else {
      this.setState('running', now);
      for (const it of this.items) if (!it.moving) this.startItem(it, now);
      this.scheduleEnd(now);
      const tail = this.items[this.items.length - 1]!;
      if (!this.tailClear && this.clearId === NO_EVENT) this.scheduleClear(tail, now);
    }
    this.offerSpace();
  }

  /** Calls waiters for space, oldest first, while a part can enter. */
  private offerSpace(): void {
    // NOTE: bounded by the waiters present now, so a waiter that registers again is not called twice.
    let n = this.waiters.length;
    while (n-- > 0 && this.waiters.length > 0 && this.hasRoom()) {
      const waiter = this.waiters.shift()!;
      waiter();
    }
  }
}
