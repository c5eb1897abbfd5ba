/** Something waiting in a queue: ordered by `priority` (lower first, when the queue is a priority queue) then `seq`. */
export interface Waiter {
  readonly priority: number;
  readonly seq: number;
}

/** The waiting line of a resource or store, in service order. */
export interface WaitQueue<W extends Waiter> {
  readonly size: number;
  push(w: W): void;
  /** The next to serve, or undefined. */
  peek(): W | undefined;
  /** Removes and returns the next to serve. */
  shift(): W | undefined;
  /** Removes a given waiter. @returns false if it was not queued. */
  remove(w: W): boolean;
  /** The waiters in service order (a copy). */
  toArray(): W[];
}

/** First come, first served: a growable ring buffer (O(1) push and shift, no array shifting). */
export class FifoQueue<W extends Waiter> implements WaitQueue<W> {
  private buf: (W | undefined)[] = new Array(16);
  private head = 0;
  private size_ = 0;

  get size(): number {
    return this.size_;
  }

  push(w: W): void {
    if (this.size_ === this.buf.length) this.grow();
    this.buf[(this.head + this.size_) & (this.buf.length - 1)] = w;
    this.size_++;
  }

  peek(): W | undefined {
    return this.size_ === 0 ? undefined : this.buf[this.head];
  }

  shift(): W | undefined {
    if (this.size_ === 0) return undefined;
    const w = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size_--;
    return w;
  }

  remove(w: W): boolean {
    const items = this.toArray();
    const i = items.indexOf(w);
    if (i < 0) return false;
    items.splice(i, 1);
    this.buf.fill(undefined);
    this.head = 0;
    this.size_ = 0;
    for (const x of items) this.push(x);
    return true;
  }

  toArray(): W[] {
    const out: W[] = [];
    for (let i = 0; i < this.size_; i++) out.push(this.buf[(this.head + i) & (this.buf.length - 1)]!);
    return out;
  }

  private grow(): void {
    const items = this.toArray();
    this.buf = new Array(this.buf.length * 2);
    this.head = 0;
    for (let i = 0; i < items.length; i++) this.buf[i] = items[i];
  }
}

/** Lowest `priority` first, then first come (by `seq`): a binary heap. */
export class PriorityQueue<W extends Waiter> implements WaitQueue<W> {
  private heap: W[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(w: W): void {
    this.heap.push(w);
    this.up(this.heap.length - 1);
  }

  peek(): W | undefined {
    return this.heap[0];
  }

  shift(): W | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  remove(w: W): boolean {
    const h = this.heap;
    const i = h.indexOf(w);
    if (i < 0) return false;
    const last = h.pop()!;
    if (i < h.length) {
      h[i] = last;
      this.up(i);
      this.down(i);
    }
    return true;
  }

  toArray(): W[] {
    return [...this.heap].sort(compare);
  }

  private up(i: number): void {
    const h = this.heap;
    const w = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(w, h[p]!) >= 0) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = w;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const w = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && compare(h[c + 1]!, h[c]!) < 0) c++;
      if (compare(h[c]!, w) >= 0) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = w;
  }
}

function compare(a: Waiter, b: Waiter): number {
  return a.priority !== b.priority ? a.priority - b.priority : a.seq - b.seq;
}
