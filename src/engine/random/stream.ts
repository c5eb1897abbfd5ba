import seedrandom from 'seedrandom';
import { InvalidArgumentError, show } from '../errors.js';
import { requireNonEmptyString } from './_internal/validate.js';

/** 2^-32: the spacing of the grid on which {@link RandomStream.next} draws. */
const GRID = 2 ** -32;
/** Half a grid step, added by {@link RandomStream.nextOpen} to move every draw off 0 (and away from 1). */
const HALF_GRID = 2 ** -33;
/** Widest range {@link RandomStream.int} accepts: one draw carries 32 random bits. */
const MAX_INT_RANGE = 2 ** 32;

/**
 * One seeded stream of uniform random numbers, e.g. the process times of one machine.
 *
 * Built on seedrandom's Alea generator (Baagøe): fast, small state, period about 2^116. Each draw lies
 * on the grid `k · 2^-32`, `k = 0 … 2^32 − 1`, i.e. carries 32 random bits. A stream is a pure function
 * of its seed string: the same seed gives the same sequence on every platform.
 *
 * Get streams from {@link RandomStreams}, which derives each seed from the master seed and the stream's
 * name, rather than constructing them directly.
 */
export class RandomStream {
  /** The stream's name, e.g. `cut/process`. */
  readonly name: string;
  private readonly seed: string;
  /**
   * Alea's state `[s0, s1, s2, c]`, or `null` until the first draw.
   * NOTE: one typed array instead of seedrandom's closure over an object of four boxed numbers: a draw
   * touches two heap objects instead of about seven, which matters when thousands of streams are live
   * (each draw's objects are then out of the CPU caches), for speed. The steps are Alea's, so the
   * sequence is seedrandom's, draw for draw (tested).
   */
  private state: Float64Array | null = null;

  /**
   * @param name - name of the stream (non-empty), used in messages and by {@link RandomStreams}.
   * @param seed - the seed string; the sequence depends on it alone.
   */
  constructor(name: string, seed: string) {
    this.name = requireNonEmptyString('RandomStream', 'name', name);
    if (typeof seed !== 'string') {
      throw new InvalidArgumentError(`RandomStream: seed must be a string (got ${show(seed)})`);
    }
    // Seeded on the first draw: a model creates many streams it may never draw from (a job shop with
    // constant times draws nothing), and seeding is most of the cost of building a model.
    this.seed = seed;
  }

  /** Alea's state after seedrandom's seeding of this stream's seed. */
  private seeded(): Float64Array {
    const st = (seedrandom.alea(this.seed, { state: true }) as unknown as { state(): AleaState }).state();
    this.state = Float64Array.of(st.s0, st.s1, st.s2, st.c);
    return this.state;
  }

  /** Next uniform number in [0, 1), a multiple of 2^-32. Advances the stream by one draw. */
  next(): number {
    const st = this.state ?? this.seeded();
    // Alea (Baagøe), exactly as seedrandom's `alea` steps it.
    const t = 2091639 * st[0]! + st[3]! * GRID;
    st[0] = st[1]!;
    st[1] = st[2]!;
    const c = t | 0;
    st[3] = c;
    return (st[2] = t - c);
  }

  /**
   * Next uniform number in the open interval (0, 1): never 0 and never 1, so `Math.log` of it is
   * finite. It is {@link RandomStream.next} moved up by half a grid step (2^-33), so it uses exactly
   * one draw, ranges over [2^-33, 1 − 2^-33], and is symmetric about 1/2.
   */
  nextOpen(): number {
    return this.next() + HALF_GRID;
  }

  /**
   * A uniform integer in the inclusive range [lo, hi], exactly (no modulo bias: draws that would
   * bias the result are rejected, so this may use more than one draw).
   *
   * @param lo - smallest value, a safe integer.
   * @param hi - largest value, a safe integer with `hi >= lo` and `hi − lo < 2^32`.
   */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo)) {
      throw new InvalidArgumentError(`RandomStream.int: lo must be a safe integer (got ${show(lo)})`);
    }
    if (!Number.isSafeInteger(hi) || hi < lo) {
      throw new InvalidArgumentError(
        `RandomStream.int: hi must be a safe integer >= lo (got lo=${lo}, hi=${show(hi)})`,
      );
    }
    const n = hi - lo + 1;
    if (n > MAX_INT_RANGE) {
      throw new InvalidArgumentError(`RandomStream.int: hi - lo must be < 2^32 (got lo=${lo}, hi=${hi})`);
    }
    // Largest multiple of n not above 2^32: draws k >= limit would favour small residues.
    const limit = MAX_INT_RANGE - (MAX_INT_RANGE % n);
    let k: number;
    do {
      k = this.next() / GRID;
    } while (k >= limit);
    return lo + (k % n);
  }
}

/** What seedrandom's `alea(seed, { state: true }).state()` returns. */
interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}
