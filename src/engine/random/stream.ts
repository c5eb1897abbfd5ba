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
   * Where Alea's state `[s0, s1, s2, c]` lives: four numbers of a table shared by the streams of one
   * {@link RandomStreams} (or of this stream alone), from `at`; `at` is -1 until the first draw.
   * NOTE: numbers in a flat typed array instead of seedrandom's closure over an object of four boxed
   * numbers, and one table for many streams instead of an array each: a draw touches the stream and
   * one line of the table, which matters when thousands of streams are live (each draw's objects are
   * then out of the CPU caches), for speed. The steps are Alea's, so the sequence is seedrandom's,
   * draw for draw (tested).
   */
  private readonly states: StreamStates;
  private at = -1;

  /**
   * @param name - name of the stream (non-empty), used in messages and by {@link RandomStreams}.
   * @param seed - the seed string; the sequence depends on it alone.
   * @param states - @internal the table its state is kept in (default: one of its own).
   */
  constructor(name: string, seed: string, states: StreamStates = new StreamStates()) {
    this.name = requireNonEmptyString('RandomStream', 'name', name);
    if (typeof seed !== 'string') {
      throw new InvalidArgumentError(`RandomStream: seed must be a string (got ${show(seed)})`);
    }
    // Seeded on the first draw: a model creates many streams it may never draw from (a job shop with
    // constant times draws nothing), and seeding is most of the cost of building a model.
    this.seed = seed;
    this.states = states;
  }

  /** Puts Alea's state after seedrandom's seeding of this stream's seed into a new row of the table. */
  private seedState(): void {
    const st = (seedrandom.alea(this.seed, { state: true }) as unknown as { state(): AleaState }).state();
    this.at = this.states.add(st.s0, st.s1, st.s2, st.c);
  }

  /** Next uniform number in [0, 1), a multiple of 2^-32. Advances the stream by one draw. */
  next(): number {
    if (this.at < 0) this.seedState();
    const st = this.states.values;
    const o = this.at;
    // Alea (Baagøe), exactly as seedrandom's `alea` steps it.
    const t = 2091639 * st[o]! + st[o + 3]! * GRID;
    st[o] = st[o + 1]!;
    st[o + 1] = st[o + 2]!;
    const c = t | 0;
    st[o + 3] = c;
    return (st[o + 2] = t - c);
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

/**
 * The Alea states of many streams, four numbers each, in one flat array that grows as streams draw.
 * @internal
 */
export class StreamStates {
  values = new Float64Array(4 * 16);
  private used = 0;

  /** A new row holding `[s0, s1, s2, c]`; returns its first index. */
  add(s0: number, s1: number, s2: number, c: number): number {
    if (this.used + 4 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const at = this.used;
    this.values.set([s0, s1, s2, c], at);
    this.used += 4;
    return at;
  }
}

/** What seedrandom's `alea(seed, { state: true }).state()` returns. */
interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}
