import { describe, expect, it } from 'vitest';
import {
  atc,
  atcIndex,
  byPriority,
  cr,
  criticalRatio,
  edd,
  fddMwkr,
  fifo,
  flowDueDate,
  lifo,
  lpt,
  lwkr,
  mopnr,
  mwkr,
  randomRule,
  spt,
} from '../../src/policies/index.js';
import { dispatchPoint, part } from './_support/points.js';

const INF = Number.POSITIVE_INFINITY;

describe('FIFO and LIFO', () => {
  it('FIFO takes option 0, whatever the figures', () => {
    const p = dispatchPoint([part(1, { queuedS: 4 }), part(2, { queuedS: 1 }), part(3, { queuedS: 9 })]);
    expect(fifo.decide(p)).toBe(0);
    expect(fifo.alwaysFirst).toBe(true);
  });

  it('LIFO takes the latest queue entry; two parts that entered together keep the earlier option', () => {
    const queued = [0, 5, 5, 3];
    expect(
      lifo.decide(
        dispatchPoint(
          queued.map((q, i) => part(i, { queuedS: q })),
          6,
        ),
      ),
    ).toBe(1);
    expect(lifo.decide(dispatchPoint([part(1), part(2), part(3)]))).toBe(0);
  });
});

describe('SPT and LPT', () => {
  it('SPT takes the shortest current step (4, 2, 7, 2 s → option 1, not the tied option 3)', () => {
    const p = dispatchPoint([4, 2, 7, 2].map((t, i) => part(i, { processTimeS: t })));
    expect(spt.decide(p)).toBe(1);
  });

  it('LPT takes the longest current step (4, 7, 2, 7 s → option 1)', () => {
    const p = dispatchPoint([4, 7, 2, 7].map((t, i) => part(i, { processTimeS: t })));
    expect(lpt.decide(p)).toBe(1);
  });

  it('an unknown process time (NaN) never beats a known one', () => {
    const p = dispatchPoint([Number.NaN, 3, 2].map((t, i) => part(i, { processTimeS: t })));
    expect(spt.decide(p)).toBe(2);
    expect(lpt.decide(p)).toBe(1);
  });
});

describe('MWKR, LWKR and MOPNR', () => {
  it('MWKR takes the most work left (10, 30, 30, 5 s → option 1)', () => {
    const p = dispatchPoint([10, 30, 30, 5].map((w, i) => part(i, { workRemainingS: w })));
    expect(mwkr.decide(p)).toBe(1);
  });

  it('LWKR takes the least work left (10, 5, 30, 5 s → option 1)', () => {
    const p = dispatchPoint([10, 5, 30, 5].map((w, i) => part(i, { workRemainingS: w })));
    expect(lwkr.decide(p)).toBe(1);
  });

  it('MOPNR takes the most steps left (2, 4, 1, 4 → option 1), not the most work', () => {
    const p = dispatchPoint([
      part(0, { operationsRemaining: 2, workRemainingS: 90 }),
      part(1, { operationsRemaining: 4, workRemainingS: 10 }),
      part(2, { operationsRemaining: 1, workRemainingS: 5 }),
      part(3, { operationsRemaining: 4, workRemainingS: 40 }),
    ]);
    expect(mopnr.decide(p)).toBe(1);
  });
});

describe('EDD and critical ratio', () => {
  it('EDD takes the earliest due date (none, 20, 15, 15 s → option 2); no due dates at all → option 0', () => {
    expect(edd.decide(dispatchPoint([INF, 20, 15, 15].map((d, i) => part(i, { dueS: d }))))).toBe(2);
    expect(edd.decide(dispatchPoint([part(1), part(2)]))).toBe(0);
  });

  it('CR at t = 10 s: ratios 2, 0.5, ∞ (no due date), 0.5 → option 1', () => {
    const options = [
      part(0, { dueS: 30, workRemainingS: 10 }),
      part(1, { dueS: 20, workRemainingS: 20 }),
      part(2, { dueS: INF, workRemainingS: 5 }),
      part(3, { dueS: 15, workRemainingS: 10 }),
    ];
    expect(options.map((o) => criticalRatio(o, 10))).toEqual([2, 0.5, INF, 0.5]);
    expect(cr.decide(dispatchPoint(options, 10))).toBe(1);
  });

  it('CR: a late part goes before parts on time; among late parts the one with less work left goes first', () => {
    // t = 50: due 40 with 40 s left → −0.25; due 40 with 10 s left → −1; due 60 with 20 s left → 0.5.
    const options = [
      part(0, { dueS: 40, workRemainingS: 40 }),
      part(1, { dueS: 40, workRemainingS: 10 }),
      part(2, { dueS: 60, workRemainingS: 20 }),
    ];
    expect(options.map((o) => criticalRatio(o, 50))).toEqual([-0.25, -1, 0.5]);
    expect(cr.decide(dispatchPoint(options, 50))).toBe(1);
  });

  it('CR with no work left: −∞ when late, +∞ when early, 0 when due now', () => {
    expect(criticalRatio(part(0, { dueS: 5, workRemainingS: 0 }), 10)).toBe(-INF);
    expect(criticalRatio(part(0, { dueS: 15, workRemainingS: 0 }), 10)).toBe(INF);
    expect(criticalRatio(part(0, { dueS: 10, workRemainingS: 0 }), 10)).toBe(0);
  });
});

describe('ATC', () => {
  // t = 0, k = 2, p̄ = (4 + 2 + 5 + 1) / 4 = 3 s, so k·p̄ = 6 s.
  const options = [
    part(0, { processTimeS: 4, dueS: 20, workRemainingS: 10 }), // slack 10 → e^(−10/6)/4 ≈ 0.0472
    part(1, { processTimeS: 2, dueS: INF, workRemainingS: 2 }), // no due date → 0
    part(2, { processTimeS: 5, dueS: 8, workRemainingS: 12 }), // slack −4 → 0 → 1/5 = 0.2
    part(3, { processTimeS: 1, dueS: 40, workRemainingS: 6 }), // slack 34 → e^(−34/6) ≈ 0.00346
  ];

  it('k = 2: the part without slack wins (index 0.2 against 0.047, 0 and 0.0035)', () => {
    expect(atcIndex(options[0]!, 0, 2, 3)).toBeCloseTo(0.04722, 5);
    expect(atcIndex(options[1]!, 0, 2, 3)).toBe(0);
    expect(atcIndex(options[2]!, 0, 2, 3)).toBeCloseTo(0.2, 12);
    expect(atcIndex(options[3]!, 0, 2, 3)).toBeCloseTo(0.0034594, 6);
    expect(atc().decide(dispatchPoint(options))).toBe(2);
    expect(atc({ k: 2 }).decide(dispatchPoint(options))).toBe(2);
  });

  it('a large k looks far ahead and turns into SPT among the parts with due dates (k = 100 → option 3)', () => {
    // k·p̄ = 300: 0.2418, 0, 0.2, 0.8929.
    expect(atc({ k: 100 }).decide(dispatchPoint(options))).toBe(3);
  });

  it('the slack counts all the work left: a part whose later steps cannot fit is urgent now', () => {
    // p̄ = 1.5 s, k·p̄ = 3 s. Part 0: 2 s now but 10 s left, due at 10 → slack 0 → 0.5. Part 1: 1 s left,
    // due at 6 → slack 5 → e^(−5/3) ≈ 0.189. Counting only this step (slack 8 for part 0) would pick part 1.
    const p = dispatchPoint([
      part(0, { processTimeS: 2, dueS: 10, workRemainingS: 10 }),
      part(1, { processTimeS: 1, dueS: 6, workRemainingS: 1 }),
    ]);
    expect(atc().decide(p)).toBe(0);
  });

  it('equal parts keep the earliest option; no due dates at all → option 0', () => {
    const twin = { processTimeS: 3, dueS: 12, workRemainingS: 6 };
    expect(
      atc().decide(dispatchPoint([part(0, { processTimeS: 9, dueS: 99 }), part(1, twin), part(2, twin)])),
    ).toBe(1);
    expect(atc().decide(dispatchPoint([part(0, { processTimeS: 5 }), part(1, { processTimeS: 1 })]))).toBe(0);
  });

  it('depends on the other waiting parts through p̄: a long third part can change the choice between two', () => {
    const a = part(0, { processTimeS: 1, workRemainingS: 1, dueS: 4 }); // slack 3
    const b = part(1, { processTimeS: 2, workRemainingS: 2, dueS: 2 }); // slack 0 → 1/2
    const c = part(2, { processTimeS: 9, workRemainingS: 9 }); // no due date → 0
    // p̄ = 1.5: a scores e^(−3/3) ≈ 0.37 < 0.5 → b. With c, p̄ = 4: a scores e^(−3/8) ≈ 0.69 > 0.5 → a.
    expect(atc().decide(dispatchPoint([a, b]))).toBe(1);
    expect(atc().decide(dispatchPoint([a, b, c]))).toBe(0);
  });

  it('rejects k ≤ 0 or not finite, with an error starting "atc:"', () => {
    for (const k of [0, -1, Number.NaN, INF])
      expect(() => atc({ k })).toThrow(/^atc: k must be a finite number > 0/);
  });
});

describe('FDD/MWKR', () => {
  const options = [
    part(0, { releaseS: 0, totalWorkS: 40, workRemainingS: 20, processTimeS: 5 }), // FDD 25 → 1.25
    part(1, { releaseS: 0, totalWorkS: 30, workRemainingS: 10, processTimeS: 4 }), // FDD 24 → 2.4
    part(2, { releaseS: 0, totalWorkS: 20, workRemainingS: 20, processTimeS: 5 }), // FDD 5 → 0.25
    part(3, { releaseS: 10, totalWorkS: 12, workRemainingS: 12, processTimeS: 2 }), // FDD 12 → 1
    part(4, { releaseS: 0, totalWorkS: 8, workRemainingS: 8, processTimeS: 2 }), // FDD 2 → 0.25 (tie)
  ];

  it('the flow due date is release + the work up to and including this step', () => {
    expect(options.map(flowDueDate)).toEqual([25, 24, 5, 12, 2]);
  });

  it('takes the smallest FDD / work left (1.25, 2.4, 0.25, 1, 0.25 → option 2, the tie keeps the earlier)', () => {
    expect(fddMwkr.decide(dispatchPoint(options))).toBe(2);
  });
});

describe('priority and random', () => {
  it('priority takes the highest priority (1, 3, 0, 3 → option 1)', () => {
    expect(byPriority.decide(dispatchPoint([1, 3, 0, 3].map((q, i) => part(i, { priority: q }))))).toBe(1);
  });

  it('random takes option ⌊u · n⌋ for each draw u of its stream', () => {
    const draws = [0, 0.74, 0.999, 0.5];
    const rule = randomRule(() => draws.shift()!);
    const p = dispatchPoint([part(0), part(1), part(2), part(3)]);
    expect([rule.decide(p), rule.decide(p), rule.decide(p), rule.decide(p)]).toEqual([0, 2, 3, 2]);
  });

  it('random draws nothing when one part waits, and rejects a draw outside [0, 1)', () => {
    let calls = 0;
    const one = randomRule(() => {
      calls++;
      return 0.5;
    });
    expect(one.decide(dispatchPoint([part(0)]))).toBe(0);
    expect(calls).toBe(0);
    expect(() => randomRule(() => 1).decide(dispatchPoint([part(0), part(1)]))).toThrow(
      /^randomRule: uniform\(\) must return a number in \[0, 1\) \(got 1\)/,
    );
  });
});
