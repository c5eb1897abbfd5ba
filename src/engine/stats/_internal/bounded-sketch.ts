/**
 * A DDSketch (relative-accuracy quantile sketch) with bounded memory, for signed data.
 *
 * Built on `DDSketch` from @datadog/sketches-js, which keeps negative values, zeros and positive
 * values apart (a store of magnitudes per sign plus a zero count) but lets each store span every
 * key between its smallest and largest magnitude. The library's own bounded variants
 * (`LogCollapsing…DenseDDSketch`, 2.1.1) are not used: their collapse double-counts one bin
 * (`sumOfRange` includes its end index, which then receives the collapsed sum), so the bins stop
 * summing to the count and quantiles go wrong. Here, when a store spans more than {@link SPAN_LIMIT}
 * keys, the sketch is rebuilt keeping the highest {@link SPAN_KEPT} keys of each sign and folding the
 * lower ones into the lowest kept key; from then on, smaller magnitudes of that sign are counted in
 * that floor bin (like the collapsing-lowest store of the reference implementations).
 */

import { DDSketch } from '@datadog/sketches-js';

/** A store is compacted when its keys span more than this many bins. */
export const SPAN_LIMIT = 2048;
/** Keys kept per sign by a compaction (the highest ones); leaves room to grow before the next one. */
const SPAN_KEPT = 1536;
/** DenseStore grows in chunks of this many bins, so a store allocates at most `SPAN_LIMIT + CHUNK` bins. */
const CHUNK = 128;
/** Upper bound of {@link BoundedSketch.binCount} between calls. */
export const MAX_BINS = 2 * (SPAN_LIMIT + CHUNK);

type Store = DDSketch['store'];

/** Signed quantile sketch with relative accuracy and at most {@link MAX_BINS} counters. */
export class BoundedSketch {
  readonly #relativeAccuracy: number;
  #sketch: DDSketch;
  /** Smallest positive magnitude kept at full accuracy after a compaction (0: none yet). */
  #posFloor = 0;
  /** Same for negative values (a magnitude). */
  #negFloor = 0;

  /** @param relativeAccuracy - in (0, 1), e.g. `0.01` for 1%. */
  constructor(relativeAccuracy: number) {
    this.#relativeAccuracy = relativeAccuracy;
    this.#sketch = new DDSketch({ relativeAccuracy });
  }

  /** Adds one finite value (not checked: the caller validates). */
  add(x: number): void {
    if (x > 0) {
      if (x < this.#posFloor) x = this.#posFloor;
    } else if (x < 0 && -x < this.#negFloor) {
      x = -this.#negFloor;
    }
    const s = this.#sketch;
    s.accept(x);
    if (
      s.store.maxKey - s.store.minKey >= SPAN_LIMIT ||
      s.negativeStore.maxKey - s.negativeStore.minKey >= SPAN_LIMIT
    ) {
      this.#compact();
    }
  }

  /** Number of values added. */
  get count(): number {
    const s = this.#sketch;
    return s.negativeStore.count + s.zeroCount + s.store.count;
  }

  /** Counters allocated by both stores. */
  get binCount(): number {
    return this.#sketch.store.bins.length + this.#sketch.negativeStore.bins.length;
  }

  /** Sum of the counters of both stores and the zero count (equals {@link count} when consistent). */
  get binTotal(): number {
    const s = this.#sketch;
    let total = s.zeroCount;
    for (const c of s.store.bins) total += c;
    for (const c of s.negativeStore.bins) total += c;
    return total;
  }

  /**
   * The representative value of the bin holding the `r`-th smallest value (0-based, `0 <= r < count`):
   * within the relative accuracy of that value, exactly `0` for a zero.
   */
  valueAtRank(r: number): number {
    const s = this.#sketch;
    const negatives = s.negativeStore.count;
    const zeros = s.zeroCount;
    if (r < negatives) {
      // Magnitudes are stored in ascending order: the r-th smallest value has the (negatives − 1 − r)-th smallest magnitude.
      return -s.mapping.value(s.negativeStore.keyAtRank(negatives - 1 - r));
    }
    if (r < negatives + zeros) return 0;
    return s.mapping.value(s.store.keyAtRank(r - negatives - zeros));
  }

  #compact(): void {
    const old = this.#sketch;
    const fresh = new DDSketch({ relativeAccuracy: this.#relativeAccuracy });
    this.#posFloor = refill(fresh, old, old.store, 1, this.#posFloor);
    this.#negFloor = refill(fresh, old, old.negativeStore, -1, this.#negFloor);
    if (old.zeroCount > 0) fresh.accept(0, old.zeroCount);
    this.#sketch = fresh;
  }
}

/**
 * Re-adds the highest {@link SPAN_KEPT} keys of `store` into `into` (with their counts), folding the
 * lower keys into the lowest kept one. Returns the new floor magnitude (unchanged when nothing was folded).
 */
function refill(into: DDSketch, from: DDSketch, store: Store, sign: 1 | -1, floor: number): number {
  if (store.count === 0) return floor;
  const { minKey, maxKey, offset, bins } = store;
  const keepFrom = Math.max(minKey, maxKey - SPAN_KEPT + 1);
  let folded = 0;
  for (let k = minKey; k <= keepFrom; k++) folded += bins[k - offset] ?? 0;
  // value(k) maps back to key k: it sits half a bin (in log space) inside the bin.
  if (folded > 0) into.accept(sign * from.mapping.value(keepFrom), folded);
  for (let k = keepFrom + 1; k <= maxKey; k++) {
    const c = bins[k - offset] ?? 0;
    if (c > 0) into.accept(sign * from.mapping.value(k), c);
  }
  return keepFrom > minKey ? from.mapping.value(keepFrom) : floor;
}
