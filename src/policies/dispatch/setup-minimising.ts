import type { DispatchPoint, DispatchPolicy } from '../contract.js';

/** Default of `campaign`'s `maxRun`: parts (or batches) of one product in a row on one server. */
export const DEFAULT_MAX_RUN = 10;

/** First option of product `product`, or -1 when none waits. */
function firstOf(p: DispatchPoint, product: string): number {
  return p.options.findIndex((o) => o.product === product);
}

/** First option of another product than `product`, or -1 when only `product` waits. */
function firstOther(p: DispatchPoint, product: string): number {
  return p.options.findIndex((o) => o.product !== product);
}

/**
 * Same product first: a waiting part of the product the server ran last (`point.lastProduct`), the
 * earliest in tie-break order (FIFO); when none waits, or the server has run nothing yet, option 0
 * (FIFO). It never changes over while a part of the same product waits, which minimises the number of
 * setups but can starve a product that arrives rarely: see {@link campaign} for a bounded run.
 */
export const sameProduct: DispatchPolicy = {
  name: 'same-product',
  decide: (p) => {
    if (p.lastProduct === undefined) return 0;
    const i = firstOf(p, p.lastProduct);
    return i < 0 ? 0 : i;
  },
};

/**
 * A campaign of at most `maxRun` starts of one product in a row on a server: like
 * {@link sameProduct} while the server's current run (`point.runLength`, starts of `lastProduct` in a
 * row: parts, or batches for a batch station) is shorter than `maxRun`; once it reaches `maxRun`, the
 * earliest waiting part of another product (FIFO), which ends the campaign. When only the same product
 * waits, the run goes on (a server never idles to force a change).
 * @param options.maxRun - longest run, starts (an integer ≥ 1; default {@link DEFAULT_MAX_RUN}).
 * @throws RangeError (`campaign: …`) for a `maxRun` that is not an integer ≥ 1.
 */
export function campaign(options: { readonly maxRun?: number } = {}): DispatchPolicy {
  const maxRun = options.maxRun ?? DEFAULT_MAX_RUN;
  if (!(Number.isInteger(maxRun) && maxRun >= 1))
    throw new RangeError(`campaign: maxRun must be an integer >= 1 (got ${maxRun})`);
  return {
    name: 'campaign',
    decide: (p) => {
      const last = p.lastProduct;
      if (last === undefined) return 0;
      if ((p.runLength ?? 0) >= maxRun) {
        const other = firstOther(p, last);
        if (other >= 0) return other;
      }
      const same = firstOf(p, last);
      return same < 0 ? 0 : same;
    },
  };
}
