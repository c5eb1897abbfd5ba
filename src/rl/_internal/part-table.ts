import type { Part } from '../../entities/index.js';

/**
 * The parts a reward tracks, densely packed with two number columns (`a`, `b`) and one reference column
 * (`ref`): O(1) add, find and remove (the last entry moves into the hole), and a plain loop over `size`
 * entries without allocation. Parts are found by id through an array indexed by id (a plant numbers its
 * parts 1, 2, 3, …), 4 bytes per part the plant has made.
 */
export class PartTable<T> {
  size = 0;
  parts: Part[] = [];
  a: number[] = [];
  b: number[] = [];
  ref: T[] = [];
  /** Entry index + 1 by part id (0: not tracked). */
  private index = new Int32Array(64);

  clear(): void {
    this.size = 0;
    this.parts.length = 0;
    this.a.length = 0;
    this.b.length = 0;
    this.ref.length = 0;
    this.index.fill(0);
  }

  add(part: Part, a: number, b: number, ref: T): void {
    const i = this.size++;
    this.parts[i] = part;
    this.a[i] = a;
    this.b[i] = b;
    this.ref[i] = ref;
    const id = part.id;
    if (id >= this.index.length) {
      const grown = new Int32Array(Math.max(id + 1, 2 * this.index.length));
      grown.set(this.index);
      this.index = grown;
    }
    this.index[id] = i + 1;
  }

  /** Index of `part`, −1 if it is not tracked. */
  find(part: Part): number {
    const id = part.id;
    return id < this.index.length ? this.index[id]! - 1 : -1;
  }

  remove(part: Part): void {
    const i = this.find(part);
    if (i < 0) return;
    this.index[part.id] = 0;
    const last = --this.size;
    if (i !== last) {
      const moved = this.parts[last]!;
      this.parts[i] = moved;
      this.a[i] = this.a[last]!;
      this.b[i] = this.b[last]!;
      this.ref[i] = this.ref[last]!;
      this.index[moved.id] = i + 1;
    }
    this.parts.length = last;
    this.a.length = last;
    this.b.length = last;
    this.ref.length = last;
  }
}
