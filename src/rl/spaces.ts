/**
 * Space descriptions of the RL environment: plain JSON-serialisable objects that a Python client turns
 * into `gymnasium.spaces` one to one (`box` → `Box(low, high, shape, float32)`, `discrete` →
 * `Discrete(n)`, `multi-binary` → `MultiBinary(n)`). They describe; they hold no state and no RNG.
 */

/**
 * A box of float32 values (`gymnasium.spaces.Box`). `low` and `high` are per element, in row-major
 * order, with `low.length === high.length === product(shape)`; every bound is finite.
 */
export interface BoxSpace {
  readonly type: 'box';
  /** Dimensions (each an integer ≥ 1). */
  readonly shape: readonly number[];
  readonly dtype: 'float32';
  /** Lowest value of each element. */
  readonly low: readonly number[];
  /** Highest value of each element (≥ its `low`). */
  readonly high: readonly number[];
}

/** The integers `0 … n − 1` (`gymnasium.spaces.Discrete(n)`). */
export interface DiscreteSpace {
  readonly type: 'discrete';
  /** Number of values (an integer ≥ 1). */
  readonly n: number;
}

/** `n` values each 0 or 1 (`gymnasium.spaces.MultiBinary(n)`), e.g. an action mask. */
export interface MultiBinarySpace {
  readonly type: 'multi-binary';
  /** Number of elements (an integer ≥ 1). */
  readonly n: number;
}

/** Any space of the environment. */
export type Space = BoxSpace | DiscreteSpace | MultiBinarySpace;

/** A {@link BoxSpace} of one dimension with the given per-element bounds (copied). */
export function boxSpace(low: ArrayLike<number>, high: ArrayLike<number>): BoxSpace {
  if (low.length !== high.length || low.length === 0) {
    throw new RangeError(
      `boxSpace: low and high must have the same length >= 1 (got ${low.length} and ${high.length})`,
    );
  }
  const lo = Array.from(low);
  const hi = Array.from(high);
  for (let i = 0; i < lo.length; i++) {
    if (!(Number.isFinite(lo[i]) && Number.isFinite(hi[i]) && lo[i]! <= hi[i]!)) {
      throw new RangeError(`boxSpace: element ${i} needs finite low <= high (got ${lo[i]}, ${hi[i]})`);
    }
  }
  return { type: 'box', shape: [lo.length], dtype: 'float32', low: lo, high: hi };
}

/** A {@link DiscreteSpace} of `n` actions. */
export function discreteSpace(n: number): DiscreteSpace {
  if (!(Number.isInteger(n) && n >= 1))
    throw new RangeError(`discreteSpace: n must be an integer >= 1 (got ${n})`);
  return { type: 'discrete', n };
}

/** A {@link MultiBinarySpace} of `n` elements. */
export function multiBinarySpace(n: number): MultiBinarySpace {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`multiBinarySpace: n must be an integer >= 1 (got ${n})`);
  }
  return { type: 'multi-binary', n };
}

/** Number of elements of a box (the product of its shape). */
export function boxSize(space: BoxSpace): number {
  let n = 1;
  for (const d of space.shape) n *= d;
  return n;
}

/**
 * Whether `value` belongs to `space`, as Gymnasium's `Space.contains` says it: a box takes a
 * `Float32Array` (or a plain number array) of exactly its size whose every element is finite and within
 * its bounds; a discrete space an integer in `[0, n)`; a multi-binary space `n` elements each 0 or 1
 * (`Uint8Array`, number or boolean array).
 */
export function contains(space: Space, value: unknown): boolean {
  switch (space.type) {
    case 'box': {
      if (!(value instanceof Float32Array || Array.isArray(value))) return false;
      const v = value as ArrayLike<unknown>;
      if (v.length !== boxSize(space)) return false;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x !== 'number' || !Number.isFinite(x)) return false;
        // Compared in float32, as the observation is stored: a bound rounds the same way.
        if (x < Math.fround(space.low[i]!) || x > Math.fround(space.high[i]!)) return false;
      }
      return true;
    }
    case 'discrete':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < space.n;
    case 'multi-binary': {
      if (!(value instanceof Uint8Array || Array.isArray(value))) return false;
      const v = value as ArrayLike<unknown>;
      if (v.length !== space.n) return false;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (!(x === 0 || x === 1 || x === true || x === false)) return false;
      }
      return true;
    }
  }
}

/**
 * Checks that `space` is a well-formed description (what a Python client needs to rebuild it); returns
 * the problems found, empty when it is fine. Survives a JSON round trip unchanged by construction.
 */
export function spaceProblems(space: Space): string[] {
  const problems: string[] = [];
  const positiveInt = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1;
  switch (space.type) {
    case 'box': {
      if (space.dtype !== 'float32') problems.push(`box dtype must be float32 (got ${String(space.dtype)})`);
      if (!Array.isArray(space.shape) || space.shape.length === 0 || !space.shape.every(positiveInt)) {
        problems.push(
          `box shape must be a non-empty list of integers >= 1 (got ${JSON.stringify(space.shape)})`,
        );
        break;
      }
      const n = boxSize(space);
      if (space.low.length !== n || space.high.length !== n) {
        problems.push(`box low/high must have ${n} elements (got ${space.low.length}, ${space.high.length})`);
        break;
      }
      for (let i = 0; i < n; i++) {
        const lo = space.low[i]!;
        const hi = space.high[i]!;
        if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
          problems.push(`box element ${i} needs finite low <= high (got ${lo}, ${hi})`);
        }
      }
      break;
    }
    case 'discrete':
    case 'multi-binary':
      if (!positiveInt(space.n)) problems.push(`${space.type} n must be an integer >= 1 (got ${space.n})`);
      break;
    default:
      problems.push(`unknown space type ${JSON.stringify((space as { type?: unknown }).type)}`);
  }
  return problems;
}
