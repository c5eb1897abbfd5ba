/**
 * A product's per-step values from routing step `fromStep` on (`undefined` for the steps not done here):
 * the per-step form without a slot for each step before `fromStep`, for long routings.
 */
export interface StepsFrom<T> {
  /** The routing step of `steps[0]`, an integer >= 0. */
  readonly fromStep: number;
  readonly steps: readonly (T | undefined)[];
}

/**
 * What a {@link StepTimes} table is made of, per product id: one value for every visit, one per routing
 * step (`undefined` for the steps not done here), or the steps from one on ({@link StepsFrom}).
 */
export type StepTimesSpec<T> = Readonly<Record<string, T | readonly (T | undefined)[] | StepsFrom<T>>>;

/** `true` for the {@link StepsFrom} form of a product's values. */
export function isStepsFrom(v: unknown): v is StepsFrom<unknown> {
  return (
    typeof v === 'object' && v !== null && 'fromStep' in v && Array.isArray((v as StepsFrom<unknown>).steps)
  );
}

/** The steps of one product done at a station: the values from routing step `first` on. */
class StepRange<T> {
  constructor(
    readonly first: number,
    readonly values: readonly (T | undefined)[],
  ) {}
}

/**
 * A figure a station keeps per product (a process-time distribution, a standard time): one value for
 * every visit, or one per routing step of the product (`undefined` for the steps not done here), of which
 * only the range from the first to the last step done here is kept, so that a station of a line of a
 * thousand steps holds one slot per product, not a thousand. A product with one visit here is read
 * without a map (one comparison), for speed.
 * @internal
 */
export class StepTimes<T> {
  /** Tables of frozen specs, by spec: plants built from one plan share them (see {@link StepTimes.of}). */
  private static readonly shared = new WeakMap<object, StepTimes<unknown>>();

  /**
   * The table of `spec`: a new one, or, when `spec` and its arrays are frozen (as a scenario's
   * `PlantPlan` makes them), the one made for that spec before. A table never changes after it is made,
   * and a frozen spec cannot either, so sharing changes nothing but the cost of building a plant (the RL
   * environment builds one per episode).
   */
  static of<T>(spec: StepTimesSpec<T>): StepTimes<T> {
    const known = StepTimes.shared.get(spec);
    if (known !== undefined) return known as StepTimes<T>;
    const table = new StepTimes(spec);
    const frozen = (v: unknown) =>
      Array.isArray(v)
        ? Object.isFrozen(v)
        : !isStepsFrom(v) || (Object.isFrozen(v) && Object.isFrozen(v.steps));
    if (Object.isFrozen(spec) && Object.values(spec).every(frozen)) StepTimes.shared.set(spec, table);
    return table;
  }

  private readonly byProduct = new Map<string, T | StepRange<T>>();
  /** The one product (if there is only one), and its one value for every visit or for its one step. */
  private readonly soleProduct: string | undefined;
  /** `-1`: the value holds for every visit; else the one step it holds for. */
  private readonly soleStep: number = -1;
  private readonly soleValue: T | undefined;

  /** `spec`: per product id, one value, one per routing step, or the steps from one on (see {@link StepTimes}). */
  constructor(spec: StepTimesSpec<T>) {
    for (const [product, v] of Object.entries(spec)) {
      let offset = 0;
      let steps: readonly (T | undefined)[];
      if (Array.isArray(v)) steps = v as readonly (T | undefined)[];
      else if (isStepsFrom(v)) {
        offset = v.fromStep;
        steps = v.steps as readonly (T | undefined)[];
      } else {
        this.byProduct.set(product, v as T);
        continue;
      }
      let first = 0;
      while (first < steps.length && steps[first] === undefined) first++;
      let end = steps.length;
      while (end > first && steps[end - 1] === undefined) end--;
      this.byProduct.set(product, new StepRange(offset + first, steps.slice(first, end)));
    }
    if (this.byProduct.size !== 1) return;
    const [product, v] = [...this.byProduct][0]!;
    if (!(v instanceof StepRange)) {
      this.soleProduct = product;
      this.soleValue = v;
    } else if (v.values.length === 1) {
      this.soleProduct = product;
      this.soleStep = v.first;
      this.soleValue = v.values[0];
    }
  }

  /**
   * The one product, the one step (`-1`: every visit) and the value, when the table holds a single value
   * (see {@link StepTimes.get}); `undefined` otherwise.
   */
  get sole(): { readonly product: string; readonly step: number; readonly value: T } | undefined {
    if (this.soleProduct === undefined || this.soleValue === undefined) return undefined;
    return { product: this.soleProduct, step: this.soleStep, value: this.soleValue };
  }

  /** `true` when no product has a value. */
  get empty(): boolean {
    return this.byProduct.size === 0;
  }

  /** The value of routing step `step` of `product` here (`undefined` if none). */
  get(product: string, step: number): T | undefined {
    if (product === this.soleProduct) {
      const s = this.soleStep;
      return s === -1 || s === step ? this.soleValue : undefined;
    }
    const v = this.byProduct.get(product);
    if (!(v instanceof StepRange)) return v;
    const i = step - v.first;
    return i >= 0 && i < v.values.length ? v.values[i] : undefined;
  }
}
