import { objectArray } from '../engine/_internal/object-array.js';
import { InvalidArgumentError, InvalidStateError } from '../engine/index.js';
import type { Part } from './part.js';
import type { Plant } from './plant.js';

/** Options of a {@link Buffer}. */
export interface BufferOptions {
  /** Id, unique in the plant. */
  readonly id: string;
  /** Maximum number of parts held: an integer ≥ 1, or `Infinity` (default). */
  readonly capacity?: number;
  /**
   * Which part its station serves first among equals of its dispatch rule: `fifo` (default) the one
   * that entered first, `lifo` the one that entered last. With the station's `fifo` rule, `lifo` serves
   * the newest part.
   */
  readonly discipline?: 'fifo' | 'lifo';
}

/**
 * A waiter for space: called once, when a slot frees up, then forgotten. A waiter that does not use
 * the slot (e.g. its machine broke down meanwhile) leaves it to the next waiter.
 */
export type SpaceWaiter = () => void;

/**
 * A holder waiting for space that is told so by a method instead of a closure of its own (a station's
 * server blocked on a full buffer): {@link Buffer.holdFor} with the token the holder will check.
 * @internal
 */
export interface SpaceHolder {
  /** A slot freed up for the wait that `holdFor` was given `token` for. */
  spaceFreed(token: number): void;
}

/** The one entity told of each part put into a buffer: its station. @internal */
export interface BufferConsumer {
  readonly id: string;
  /** `part` was just put into the buffer. */
  receive(part: Part): void;
  /** `true` when every server is blocked on a buffer (for deadlock detection). */
  allBlockedOnBuffers(): boolean;
  /** The buffers every server is blocked on, or `null` if some server is not blocked. */
  blockedTargets(): Buffer[] | null;
  /** Number of servers. */
  readonly serverCount: number;
  /** The buffer server `index` is blocked on, or `null` if it is not blocked on a buffer. */
  blockedTargetAt(index: number): Buffer | null;
  /** Ids of its servers. */
  serverIds(): string[];
}

/** Most slots a buffer keeps in its plant's shared slot table; a larger (or unbounded) one has its own. */
const SHARED_MAX = 16;
/** The `limit` of an unbounded buffer: the largest small integer, never reached by a count of parts. */
const UNBOUNDED = 0x3fffffff;

/**
 * The slots of the small buffers of each plant (keyed by its simulation, which lives as long as it), one
 * run of `capacity` slots per buffer, side by side in one array.
 */
const sharedSlots = new WeakMap<object, (Part | null)[]>();

/**
 * A buffer of parts with a capacity, held in arrival order (its `discipline` tells its station which to
 * serve first). A put into a full buffer is refused ({@link Buffer.tryPut}
 * returns `false`); the upstream holder then waits with {@link Buffer.onSpace} and is called back,
 * first come first served, as soon as a slot frees up (synchronously, at that instant). The level is
 * published as `bufferLevelChanged`. Its one consumer (a station) is told of every arrival.
 */
export class Buffer {
  // NOTE: the fields read on every put and take first, so that they share the object's first cache line.
  // The parts sit in a ring of slots: a buffer of at most 16 slots has its run in one array shared by
  // the plant's small buffers (a put or take touches this object and one line of that array, which
  // neighbouring buffers share, instead of an array object and its store of its own), a larger or
  // unbounded one in an array of its own that grows. For speed on plants of thousands of buffers.
  /** Parts held. */
  private count = 0;
  /** `capacity`, or {@link UNBOUNDED}: a small integer, so that comparing with it reads no boxed number. */
  private readonly limit: number;
  /** Position in the ring (from `base`) of the oldest part. */
  private head = 0;
  /** The slots: the plant's shared array (this buffer's run starts at `base`) or its own. */
  private slots: (Part | null)[];
  private readonly base: number;
  /** Slots in the ring. */
  private size: number;
  // NOTE: `waiters.length` kept here too, so a take with nobody waiting reads no array, for speed.
  private waiting = 0;
  // NOTE: the consumer itself, not a callback closure, so an arrival touches no function object of its own, for speed.
  private consumer: BufferConsumer | null = null;
  private readonly plant: Plant;
  /** Its position in `plant.buffers` (from 0), published with its level changes. */
  readonly index: number;
  readonly id: string;
  /** Maximum number of parts held (≥ 1 or `Infinity`). */
  readonly capacity: number;
  /** Which part its station serves first among equals (see {@link BufferOptions.discipline}). */
  readonly discipline: 'fifo' | 'lifo';
  /** Waiters for space, first come first served: closures ({@link Buffer.onSpace}) and holders ({@link Buffer.holdFor}). */
  private readonly waiters: (SpaceWaiter | SpaceHolder)[] = [];
  /** The token of each waiter of `waiters` (0 for a closure). */
  private readonly waiterTokens: number[] = [];
  /**
   * The number of the last deadlock walk that reached this buffer (see `Plant.checkBlockingCycle`).
   * @internal
   */
  walkMark = 0;

  constructor(plant: Plant, options: BufferOptions) {
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (!(capacity === Number.POSITIVE_INFINITY || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new InvalidArgumentError(
        `Buffer: capacity of ${options.id} must be an integer >= 1 or Infinity (got ${capacity})`,
      );
    }
    const discipline = options.discipline ?? 'fifo';
    if (discipline !== 'fifo' && discipline !== 'lifo') {
      throw new InvalidArgumentError(
        `Buffer: discipline of ${options.id} must be fifo or lifo (got ${JSON.stringify(discipline)})`,
      );
    }
    this.id = options.id;
    this.capacity = capacity;
    this.limit = Math.min(capacity, UNBOUNDED);
    this.discipline = discipline;
    this.plant = plant;
    if (capacity <= SHARED_MAX) {
      let shared = sharedSlots.get(plant.sim);
      if (shared === undefined) {
        shared = objectArray<Part>() as (Part | null)[];
        sharedSlots.set(plant.sim, shared);
      }
      this.slots = shared;
      this.base = shared.length;
      this.size = capacity;
      for (let i = 0; i < capacity; i++) shared.push(null);
    } else {
      this.slots = objectArray<Part>() as (Part | null)[];
      this.base = 0;
      this.size = 0;
    }
    this.index = plant.registerBuffer(this);
  }

  /** Number of parts held. */
  get level(): number {
    return this.count;
  }

  /** `true` when no slot is free. */
  get full(): boolean {
    return this.count >= this.limit;
  }

  /** The parts held, oldest first (a new array: a copy, not a live view). */
  get contents(): readonly Part[] {
    const out: Part[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.partAt(i));
    return out;
  }

  /** The part at position `i` (0 is the oldest; `0 <= i < level`). */
  partAt(i: number): Part {
    return this.slots[this.slotOf(i)]!;
  }

  /** The position (0 is the oldest) of `part`, or -1 if it is not held here. */
  indexOf(part: Part): number {
    for (let i = 0; i < this.count; i++) if (this.slots[this.slotOf(i)] === part) return i;
    return -1;
  }

  /** Index in `slots` of position `i` of the ring. */
  private slotOf(i: number): number {
    const k = this.head + i;
    return this.base + (k < this.size ? k : k - this.size);
  }

  /** `true` when a slot is free. */
  hasRoom(): boolean {
    return this.count < this.limit;
  }

  /** Number of holders waiting for space. */
  get waitingForSpace(): number {
    return this.waiters.length;
  }

  /** Id of the station that takes from this buffer, or `''`. */
  get consumerStation(): string {
    return this.consumer?.id ?? '';
  }

  /** @internal The station that takes from this buffer, or `null`. */
  get consumerEntity(): BufferConsumer | null {
    return this.consumer;
  }

  /**
   * Sets the one consumer told of each arrival (a station does this for its input buffer).
   * @throws InvalidStateError if the buffer already has a consumer.
   */
  setConsumer(consumer: BufferConsumer): void {
    if (this.consumer !== null) {
      throw new InvalidStateError(
        `Buffer.setConsumer: ${this.id} already feeds ${this.consumer.id} (cannot also feed ${consumer.id})`,
      );
    }
    this.consumer = consumer;
  }

  /**
   * Puts `part` at the tail if a slot is free.
   * @returns `false` (and changes nothing) when full.
   */
  tryPut(part: Part): boolean {
    if (this.count >= this.limit) return false;
    if (this.count === this.size) this.grow();
    this.slots[this.slotOf(this.count)] = part;
    const level = ++this.count;
    part.location = this.id;
    this.plant.events.emit4('bufferLevelChanged', this.id, level, this.plant.sim.now, this.index);
    if (this.consumer !== null) this.consumer.receive(part);
    // A buffer that fills up may close a cycle of blocked servers (checked cheaply: full buffers only).
    if (this.count >= this.limit) this.plant.checkBlockingCycle(this);
    return true;
  }

  /** Doubles the ring of a buffer with slots of its own, oldest part first. */
  private grow(): void {
    const slots = objectArray<Part>() as (Part | null)[];
    for (let i = 0; i < this.count; i++) slots.push(this.partAt(i));
    const size = Math.max(4, this.size * 2);
    for (let i = this.count; i < size; i++) slots.push(null);
    this.slots = slots;
    this.head = 0;
    this.size = size;
  }

  /**
   * Removes and returns the part at `index` (0 is the oldest), then offers the freed slot to the
   * waiters for space, in the order they started waiting.
   */
  take(index = 0): Part {
    if (!(Number.isInteger(index) && index >= 0 && index < this.count)) {
      throw new InvalidArgumentError(`Buffer.take: ${this.id} holds no part at index ${index}`);
    }
    const part = this.partAt(index);
    if (index === 0) {
      this.slots[this.slotOf(0)] = null;
      this.head = this.head + 1 === this.size ? 0 : this.head + 1;
    } else {
      for (let i = index; i < this.count - 1; i++) this.slots[this.slotOf(i)] = this.partAt(i + 1);
      this.slots[this.slotOf(this.count - 1)] = null;
    }
    const level = --this.count;
    this.plant.events.emit4('bufferLevelChanged', this.id, level, this.plant.sim.now, this.index);
    this.offerSpace();
    return part;
  }

  /** Calls `waiter` when a slot frees up (see {@link SpaceWaiter}). */
  onSpace(waiter: SpaceWaiter): void {
    this.waiters.push(waiter);
    this.waiterTokens.push(0);
    this.waiting++;
  }

  /**
   * @internal Tells `holder.spaceFreed(token)` when a slot frees up, in turn with the waiters of
   * {@link Buffer.onSpace}. A station's blocked server waits this way: no closure per block, for speed.
   */
  holdFor(holder: SpaceHolder, token: number): void {
    this.waiters.push(holder);
    this.waiterTokens.push(token);
    this.waiting++;
  }

  private offerSpace(): void {
    while (this.waiting > 0 && this.count < this.limit) {
      const waiter = this.waiters.shift()!;
      const token = this.waiterTokens.shift()!;
      this.waiting--;
      if (typeof waiter === 'function') waiter();
      else waiter.spaceFreed(token);
    }
  }
}
