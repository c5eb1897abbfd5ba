import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  campaign,
  DEFAULT_MAX_RUN,
  type DispatchPoint,
  dispatchPolicy,
  type PartView,
  sameProduct,
} from '../../src/policies/index.js';
import { dispatchPoint, part } from './_support/points.js';

/** A dispatch point whose options are parts of these products, in FIFO order, after `last` × `run`. */
function pointAfter(products: readonly string[], last?: string, run?: number): DispatchPoint {
  const options: PartView[] = products.map((product, i) => part(i + 1, { product, queuedS: i }));
  return { ...dispatchPoint(options, 10), lastProduct: last, runLength: run };
}

describe('same-product', () => {
  it('takes the earliest part of the product the server ran last', () => {
    expect(sameProduct.decide(pointAfter(['A', 'B', 'A', 'B'], 'B', 1))).toBe(1);
    expect(sameProduct.decide(pointAfter(['A', 'C', 'B', 'B'], 'B', 40))).toBe(2);
  });

  it('is FIFO when no part of that product waits, or before the first part', () => {
    expect(sameProduct.decide(pointAfter(['A', 'C'], 'B', 1))).toBe(0);
    expect(sameProduct.decide(pointAfter(['C', 'A']))).toBe(0);
  });
});

describe('campaign', () => {
  const rule = campaign({ maxRun: 3 });

  it('keeps to the same product while the run is shorter than maxRun', () => {
    expect(rule.decide(pointAfter(['A', 'B', 'B'], 'B', 1))).toBe(1);
    expect(rule.decide(pointAfter(['A', 'B', 'B'], 'B', 2))).toBe(1);
  });

  it('ends the campaign at maxRun: the earliest part of another product', () => {
    expect(rule.decide(pointAfter(['B', 'B', 'C', 'A'], 'B', 3))).toBe(2);
    expect(rule.decide(pointAfter(['B', 'A'], 'B', 7))).toBe(1);
  });

  it('goes on with the same product when nothing else waits (never idles to force a change)', () => {
    expect(rule.decide(pointAfter(['B', 'B'], 'B', 3))).toBe(0);
  });

  it('is FIFO before the first part and when the last product has no part waiting', () => {
    expect(rule.decide(pointAfter(['C', 'B']))).toBe(0);
    expect(rule.decide(pointAfter(['C', 'A'], 'B', 1))).toBe(0);
  });

  it('maxRun must be an integer >= 1; the default is DEFAULT_MAX_RUN', () => {
    expect(() => campaign({ maxRun: 0 })).toThrow('campaign: maxRun must be an integer >= 1 (got 0)');
    expect(() => campaign({ maxRun: 2.5 })).toThrow(/campaign: maxRun/);
    const d = campaign();
    expect(d.decide(pointAfter(['B', 'A'], 'B', DEFAULT_MAX_RUN - 1))).toBe(0);
    expect(d.decide(pointAfter(['B', 'A'], 'B', DEFAULT_MAX_RUN))).toBe(1);
  });

  it('dispatchPolicy builds campaign with its maxRun and rejects maxRun on another rule', () => {
    expect(dispatchPolicy({ rule: 'campaign', maxRun: 3 }).decide(pointAfter(['B', 'A'], 'B', 3))).toBe(1);
    expect(dispatchPolicy('same-product')).toBe(sameProduct);
    expect(() => dispatchPolicy({ rule: 'fifo', maxRun: 3 })).toThrow(
      'dispatchPolicy: rule fifo takes no maxRun',
    );
  });
});

describe('setup-minimising rules: properties', () => {
  /** A point with 1–6 parts of products A–C in FIFO order, after a server's run of `last` × `run`. */
  const arb = fc
    .record({
      products: fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 6 }),
      last: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
      run: fc.integer({ min: 1, max: 12 }),
      maxRun: fc.integer({ min: 1, max: 10 }),
    })
    .map((r) => ({ ...r, point: pointAfter(r.products, r.last, r.last === undefined ? undefined : r.run) }));

  it('the answer is an index into the options; it is the earliest part of the product it chooses', () => {
    fc.assert(
      fc.property(arb, ({ point, maxRun }) => {
        for (const rule of [sameProduct, campaign({ maxRun })]) {
          const i = rule.decide(point);
          expect(Number.isInteger(i) && i >= 0 && i < point.options.length).toBe(true);
          expect(point.options.findIndex((o) => o.product === point.options[i]!.product)).toBe(i);
        }
      }),
    );
  });

  it('campaign keeps the product below maxRun exactly as same-product does, and changes at maxRun when it can', () => {
    fc.assert(
      fc.property(arb, ({ point, products, last, run, maxRun }) => {
        const c = campaign({ maxRun }).decide(point);
        if (last === undefined || run < maxRun) expect(c).toBe(sameProduct.decide(point));
        else if (products.some((p) => p !== last)) expect(point.options[c]!.product).not.toBe(last);
      }),
    );
  });
});
