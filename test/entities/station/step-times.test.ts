import { describe, expect, it } from 'vitest';
import { StepTimes } from '../../../src/entities/station/step-times.js';

describe('step times (a station keeps per-step figures only over the steps done there)', () => {
  it('one value per product holds for every step', () => {
    const t = new StepTimes({ a: 5 });
    expect([t.get('a', 0), t.get('a', 7), t.get('b', 0)]).toEqual([5, 5, undefined]);
  });

  it('per-step values answer exactly as the full per-step array would', () => {
    const full: Record<string, (number | undefined)[]> = {
      a: [undefined, undefined, 3, undefined, 4, undefined],
      b: [undefined, 9],
      c: [1, 2],
    };
    const t = new StepTimes<number>({ ...full, d: 8 });
    for (const [product, steps] of Object.entries(full)) {
      for (let k = -1; k <= steps.length + 1; k++) expect(t.get(product, k)).toBe(steps[k]);
    }
    expect(t.get('d', 3)).toBe(8);
  });

  it('a sole product visiting once answers its step only', () => {
    const steps = new Array<number | undefined>(1000);
    steps[537] = 60;
    const t = new StepTimes({ part: steps });
    expect([t.get('part', 537), t.get('part', 536), t.get('part', 538), t.get('other', 537)]).toEqual([
      60,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('no product: empty', () => {
    expect(new StepTimes({}).empty).toBe(true);
    expect(new StepTimes({ a: [undefined] }).empty).toBe(false);
  });
});

describe('StepTimes.of (plants built from one plan share their tables)', () => {
  it('a frozen spec with frozen arrays gives the same table every time', () => {
    const spec = Object.freeze({ a: Object.freeze([undefined, 3]), b: 4 });
    expect(StepTimes.of(spec)).toBe(StepTimes.of(spec));
    expect(StepTimes.of(spec).get('a', 1)).toBe(3);
  });

  it('a spec that can still change gets a table of its own each time (no stale figures)', () => {
    const open = { a: 5 };
    const first = StepTimes.of(open);
    open.a = 6;
    expect(StepTimes.of(open)).not.toBe(first);
    expect(StepTimes.of(open).get('a', 0)).toBe(6);
    const openArray = Object.freeze({ a: [1, 2] });
    expect(StepTimes.of(openArray)).not.toBe(StepTimes.of(openArray));
  });
});
