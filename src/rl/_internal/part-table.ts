import type { Part } from '../../entities/index.js';

/**
 * The parts a reward tracks, densely packed with two number columns (`a`, `b`): O(1) add, find and
 * remove (the last entry moves into the hole), and a plain loop over `size` entries without allocation.
 */
export class PartTable {
  size = 0;
  parts: Part[] = [];
  a: number[] = [];
  b: number[] = [];
  private readonly index = new Map<number, number>();

  clear(): void {
    this.size = 0;
    this.parts.length = 0;
    this.a.length = 0;
    this.b.length = 0;
    this.index.clear();
  }

  add(part: Part, a: number, b: number): void {
    const i = this.size++;
    this.parts[i] = part;
    this.a[i] = a;
    this.b[i] = b;
    this.index.set(part.id, i);
  }

  /** Index of `part`, −1 if it is not tracked. */
  find(part: Part): number {
    return this.index.get(part.id) ?? -1;
  }

  remove(part: Part): void {
    const i = this.index.get(part.id);
    if (i === undefined) return;
    this.index.delete(part.id);
    const last = --this.size;
    if (i !== last) {
      const moved = this.parts[last]!;
      this.parts[i] = moved;
      this.a[i] = this.a[last]!;
      this.b[i] = this.b[last]!;
      this.index.set(moved.id, i);
    }
    this.parts.length = last;
    this.a.length = last;
    this.b.length = last;
  }
}
