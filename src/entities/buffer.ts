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

/** The one entity told of each part put into a buffer: its station. @internal */
export interface BufferConsumer {
  readonly id: string;
  /** `part` was just put into the buffer. */
  receive(part: Part): void;
}

/**
 * A buffer of parts with a capacity, held in arrival order (its `discipline` tells its station which to
 * serve first). A put into a full buffer is refused ({@link Buffer.tryPut}
 * returns `false`); the upstream holder then waits with {@link Buffer.onSpace} and is called back,
 * first come first served, as soon as a slot frees up (synchronously, at that instant). The level is
 * published as `bufferLevelChanged`. Its one consumer (a station) is told of every arrival.
 */
export class Buffer {
  readonly id: string;
  /** Maximum number of parts held (≥ 1 or `Infinity`). */
  readonly capacity: number;
  /** Which part its station serves first among equals (see {@link BufferOptions.discipline}). */
  readonly discipline: 'fifo' | 'lifo';
  /** Its position in `plant.buffers` (from 0), published with its level changes. */
  readonly index: number;
  private readonly plant: Plant;
  private readonly parts: Part[] = objectArray();
  private readonly waiters: SpaceWaiter[] = [];
  // NOTE: `waiters.length` kept here too, so a take with nobody waiting reads no array, for speed.
  private waiting = 0;
  // NOTE: the consumer itself, not a callback closure, so an arrival touches no function object of its own, for speed.
  private consumer: BufferConsumer | null = null;

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
    this.discipline = discipline;
    this.plant = plant;
    this.index = plant.registerBuffer(this);
  }

  /** Number of parts held. */
  get level(): number {
    return this.parts.length;
  }

  /** `true` when no slot is free. */
  get full(): boolean {
    return this.parts.length >= this.capacity;
  }

  /** The parts held, oldest first (read-only view; do not keep it across events). */
  get contents(): readonly Part[] {
    return this.parts;
  }

  /** `true` when a slot is free. */
  hasRoom(): boolean {
    return this.parts.length < this.capacity;
  }

  /** Number of holders waiting for space. */
  get waitingForSpace(): number {
    return this.waiters.length;
  }

  /** Id of the station that takes from this buffer, or `''`. */
  get consumerStation(): string {
    return this.consumer?.id ?? '';
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
    if (this.parts.length >= this.capacity) return false;
    this.parts.push(part);
    part.location = this.id;
    this.plant.events.emit4('bufferLevelChanged', this.id, this.parts.length, this.plant.sim.now, this.index);
    if (this.consumer !== null) this.consumer.receive(part);
    // A buffer that fills up may close a cycle of blocked servers (checked cheaply: full buffers only).
    if (this.parts.length >= this.capacity) this.plant.checkBlockingCycle(this);
    return true;
  }

  /**
   * Removes and returns the part at `index` (0 is the oldest), then offers the freed slot to the
   * waiters for space, in the order they started waiting.
   */
  take(index = 0): Part {
    const part = this.parts[index];
    if (part === undefined) {
      throw new InvalidArgumentError(`Buffer.take: ${this.id} holds no part at index ${index}`);
    }
    if (index === 0) this.parts.shift();
    else this.parts.splice(index, 1);
    this.plant.events.emit4('bufferLevelChanged', this.id, this.parts.length, this.plant.sim.now, this.index);
    this.offerSpace();
    return part;
  }

  /** Calls `waiter` when a slot frees up (see {@link SpaceWaiter}). */
  onSpace(waiter: SpaceWaiter): void {
    this.waiters.push(waiter);
    this.waiting++;
  }

  private offerSpace(): void {
    while (this.waiting > 0 && this.parts.length < this.capacity) {
      const waiter = this.waiters.shift()!;
      this.waiting--;
      waiter();
    }
  }
}
