import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atc,
  atcIndex,
  byPriority,
  cr,
  criticalRatio,
  type DispatchPoint,
  type DispatchPolicy,
  edd,
  fddMwkr,
  fifo,
  flowDueDate,
  lifo,
  lpt,
  lwkr,
  mopnr,
  mwkr,
  type PartView,
  randomRule,
  spt,
} from '../../src/policies/index.js';
import { dispatchPoint } from './_support/points.js';

/**
 * Waiting parts with small integer figures (so that ties are frequent and every sum is exact): a routing of
 * `total` s of which `left` s remain, this step `p` s, due `due` s (or none), entered the queue at `queued`.
 */
const partArb = (id: number, nowS: number): fc.Arbitrary<PartView> =>
  fc
    .record({
      p: fc.integer({ min: 1, max: 6 }),
      later: fc.integer({ min: 0, max: 12 }),
      done: fc.integer({ min: 0, max: 12 }),
      opsLater: fc.integer({ min: 0, max: 4 }),
      release: fc.integer({ min: 0, max: nowS }),
      queuedLag: fc.integer({ min: 0, max: 5 }),
      due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      priority: fc.integer({ min: 0, max: 2 }),
    })
    .map((r) => ({
      id,
      product: `job${id}`,
      priority: r.priority,
      releaseS: r.release,
      dueS: r.due ?? Number.POSITIVE_INFINITY,
      queuedS: Math.max(r.release, nowS - r.queuedLag),
      step: r.opsLater,
      processTimeS: r.p,
      operationsRemaining: 1 + r.opsLater,
      workRemainingS: r.p + r.later,
      totalWorkS: r.done + r.p + r.later,
      nextStation: undefined,
    }));

const pointArb: fc.Arbitrary<DispatchPoint> = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 }))
  .chain(([now, n]) =>
    fc
      .tuple(...Array.from({ length: n }, (_, i) => partArb(i, now)))
      .map((parts) => dispatchPoint(parts, now)),
  );

const meanP = (p: DispatchPoint) => p.options.reduce((s, o) => s + o.processTimeS, 0) / p.options.length;

/** Each key-ranked rule with the key it ranks by and whether the smallest or the largest key wins. */
const KEYED: readonly [DispatchPolicy, (o: PartView, p: DispatchPoint) => number, 'min' | 'max'][] = [
  [lifo, (o) => o.queuedS, 'max'],
  [spt, (o) => o.processTimeS, 'min'],
  [lpt, (o) => o.processTimeS, 'max'],
  [mwkr, (o) => o.workRemainingS, 'max'],
  [lwkr, (o) => o.workRemainingS, 'min'],
  [mopnr, (o) => o.operationsRemaining, 'max'],
  [edd, (o) => o.dueS, 'min'],
  [cr, (o, p) => criticalRatio(o, p.now), 'min'],
  [fddMwkr, (o) => flowDueDate(o) / o.workRemainingS, 'min'],
  [byPriority, (o) => o.priority, 'max'],
  [atc(), (o, p) => atcIndex(o, p.now, 2, meanP(p)), 'max'],
  [atc({ k: 0.5 }), (o, p) => atcIndex(o, p.now, 0.5, meanP(p)), 'max'],
];

const EVERY: readonly DispatchPolicy[] = [fifo, ...KEYED.map(([rule]) => rule)];

/** Every time of the point multiplied by `c` (a power of two, so every figure scales exactly). */
function scaled(p: DispatchPoint, c: number): DispatchPoint {
  return dispatchPoint(
    p.options.map((o) => ({
      ...o,
      releaseS: o.releaseS * c,
      dueS: o.dueS * c,
      queuedS: o.queuedS * c,
      processTimeS: o.processTimeS * c,
      workRemainingS: o.workRemainingS * c,
      totalWorkS: o.totalWorkS * c,
    })),
    p.now * c,
  );
}

describe('dispatch rules: properties over random decision points', () => {
  it('every rule answers an integer index into the options', () => {
    fc.assert(
      fc.property(pointArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (p, u) => {
        for (const rule of [...EVERY, randomRule(() => u)]) {
          const i = rule.decide(p);
          expect(Number.isInteger(i) && i >= 0 && i < p.options.length, rule.name).toBe(true);
        }
      }),
    );
  });

  it('a ranked rule takes an option with the best key, and the earliest such option', () => {
    fc.assert(
      fc.property(pointArb, (p) => {
        for (const [rule, key, sense] of KEYED) {
          const keys = p.options.map((o) => key(o, p));
          const best = sense === 'min' ? Math.min(...keys) : Math.max(...keys);
          expect(rule.decide(p), rule.name).toBe(keys.indexOf(best));
        }
      }),
    );
  });

  it('the part taken does not depend on the order of the options, only which of equals is taken does', () => {
    fc.assert(
      fc.property(pointArb, fc.infiniteStream(fc.nat()), (p, seeds) => {
        const shuffled = [...p.options];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const q = dispatchPoint(shuffled, p.now);
        for (const [rule, key] of KEYED) {
          expect(key(q.options[rule.decide(q)]!, q), rule.name).toBe(key(p.options[rule.decide(p)]!, p));
        }
      }),
    );
  });

  it('no rule depends on the time unit: every time × 2^j gives the same answer', () => {
    fc.assert(
      fc.property(pointArb, fc.integer({ min: -6, max: 6 }), (p, j) => {
        const q = scaled(p, 2 ** j);
        for (const rule of EVERY) expect(rule.decide(q), rule.name).toBe(rule.decide(p));
      }),
    );
  });

  it('removing a part that was not taken leaves the choice unchanged, except for ATC (p̄ is over the options)', () => {
    fc.assert(
      fc.property(pointArb, fc.nat(), (p, r) => {
        if (p.options.length < 2) return;
        for (const [rule] of KEYED) {
          if (rule.name === 'atc') continue;
          const taken = p.options[rule.decide(p)]!;
          const others = p.options.filter((o) => o !== taken);
          const drop = others[r % others.length]!;
          const q = dispatchPoint(
            p.options.filter((o) => o !== drop),
            p.now,
          );
          expect(q.options[rule.decide(q)], rule.name).toBe(taken);
        }
      }),
    );
  });
});
