/**
 * The statistical core of experiments, against hand-computed values and known distributions (under 2 s).
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { kimNelson, kimNelsonH2 } from '../../src/experiments/kim-nelson.js';
import { MSER_MIN_KEPT, mser } from '../../src/experiments/mser.js';
import { pairedDifference, welchDifference } from '../../src/experiments/paired.js';
import { sequentialReplications } from '../../src/experiments/precision.js';

function normals(seed: number, name: string) {
  const s = new RandomStreams(seed).get(name);
  return () => {
    // Box–Muller from the stream (tests only need a plain normal).
    const u = 1 - s.next();
    const v = s.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

describe('pairedDifference', () => {
  it('is the t interval of the differences (hand computation: d = 1, 2, 3 → 2 ± 4.303·1/√3)', () => {
    const ci = pairedDifference([10, 10, 10], [11, 12, 13]);
    expect(ci.mean).toBeCloseTo(2, 12);
    expect(ci.halfWidth).toBeCloseTo((4.302652729911275 * 1) / Math.sqrt(3), 9);
    // 2 ± 2.48 holds 0: not significant with 3 pairs.
    expect(ci.significant).toBe(false);
    expect(pairedDifference([10, 10, 10], [12, 12.1, 11.9]).significant).toBe(true);
  });
  it('a difference whose interval holds 0 is not significant', () => {
    expect(pairedDifference([1, 2, 3, 4], [1.5, 1.5, 3.5, 3.5]).significant).toBe(false);
  });
  it('rejects samples that do not pair up', () => {
    expect(() => pairedDifference([1, 2], [1, 2, 3])).toThrow(/pair up/);
  });
  it('Welch on equal-size samples with equal variances has 2n − 2 degrees of freedom', () => {
    const ci = welchDifference([1, 2, 3], [2, 3, 4]);
    expect(ci.df).toBeCloseTo(4, 12);
    expect(ci.mean).toBe(1);
  });
  it('covers the true difference about 95 % of the time (1,000 paired normal samples of 10)', () => {
    const z = normals(3, 'paired');
    let covered = 0;
    for (let m = 0; m < 1000; m++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 10; i++) {
        const common = z();
        a.push(common + 0.3 * z());
        b.push(0.5 + common + 0.3 * z());
      }
      const ci = pairedDifference(a, b);
      if (ci.lower <= 0.5 && 0.5 <= ci.upper) covered++;
    }
    // Binomial(1000, 0.95): sd ≈ 7.
    expect(covered).toBeGreaterThan(925);
    expect(covered).toBeLessThan(975);
  });
});

describe('Kim–Nelson KN', () => {
  it('h² follows the closed form: k = 2, n0 = 10, α = 0.05 gives 2·½(0.1^(−2/9) − 1)·9 ≈ 6.0129', () => {
    expect(kimNelsonH2(2, 10, 0.05)).toBeCloseTo(9 * (0.1 ** (-2 / 9) - 1), 12);
    expect(kimNelsonH2(2, 10, 0.05)).toBeCloseTo(6.0129, 3);
  });

  it('selects the best with probability ≥ 1 − α in the slippage configuration (400 macro-replications, 5 systems)', async () => {
    const z = normals(7, 'kn');
    const k = 5;
    const delta = 0.5;
    let correct = 0;
    let total = 0;
    for (let m = 0; m < 400; m++) {
      // System 0 is best by exactly δ; the others tie. Unit variances, independent.
      const res = await kimNelson({ k, n0: 10, delta, alpha: 0.05 }, async (_r, alts) =>
        alts.map((i) => (i === 0 ? delta : 0) + z()),
      );
      if (res.selected === 0) correct++;
      total += res.replications.reduce((a, b) => a + b, 0);
    }
    // KN is conservative: its PCS in this configuration is well above 0.95. Binomial sd ≈ 0.011.
    expect(correct / 400).toBeGreaterThan(0.93);
    // And it stops early: far fewer than k × (max N + 1) replications on average.
    expect(total / 400).toBeLessThan(k * 200);
  });

  it('with common random numbers (positively correlated systems) it needs fewer replications', async () => {
    const z = normals(8, 'kn-crn');
    const run = async (rho: number) => {
      let reps = 0;
      for (let m = 0; m < 100; m++) {
        const res = await kimNelson({ k: 3, n0: 10, delta: 0.5 }, async (_r, alts) => {
          const common = z();
          return alts.map((i) => i * 0.5 + Math.sqrt(rho) * common + Math.sqrt(1 - rho) * z());
        });
        reps += res.replications.reduce((a, b) => a + b, 0);
      }
      return reps;
    };
    expect(await run(0.9)).toBeLessThan((await run(0)) / 2);
  });

  it('minimises when asked: the smallest mean is selected', async () => {
    const res = await kimNelson({ k: 3, n0: 5, delta: 1, maximize: false }, async (r, alts) =>
      alts.map((i) => [5, 1, 9][i]! + (r % 2 === 0 ? 0.1 : -0.1)),
    );
    expect(res.selected).toBe(1);
  });

  it('rejects an α that makes the procedure meaningless', async () => {
    await expect(kimNelson({ k: 2, n0: 5, delta: 1, alpha: 0.6 }, async () => [0, 0])).rejects.toThrow(
      /alpha/,
    );
  });
});

describe('MSER-5', () => {
  it('finds the end of a step transient: 100 high values then a noisy level', () => {
    const z = normals(1, 'mser');
    const series = [
      ...Array.from({ length: 100 }, () => 50 + z()),
      ...Array.from({ length: 900 }, () => 10 + z()),
    ];
    const r = mser(series);
    expect(r.truncatedObservations).toBe(100);
    expect(r.secondHalf).toBe(false);
  });
  it('cuts nothing from a stationary series, up to a few batches', () => {
    const z = normals(2, 'mser');
    const r = mser(Array.from({ length: 1000 }, () => z()));
    expect(r.truncatedBatches).toBeLessThan(20);
  });
  it('flags a truncation in the second half (a trend that never settles)', () => {
    const r = mser(Array.from({ length: 500 }, (_, i) => 1000 - i));
    expect(r.secondHalf).toBe(true);
  });
  it(`keeps at least ${MSER_MIN_KEPT} batches and needs that many`, () => {
    expect(() => mser([1, 2, 3], 5)).toThrow(/at least 25/);
    const r = mser(Array.from({ length: 100 }, (_, i) => (i < 99 ? 0 : 1000)));
    expect(r.batches - r.truncatedBatches).toBeGreaterThanOrEqual(MSER_MIN_KEPT);
  });
});

describe('sequentialReplications (Law & Kelton)', () => {
  const sampleOf = (seed: number, mean: number, sd: number) => {
    const z = normals(seed, 'precision');
    const xs = Array.from({ length: 2000 }, () => mean + sd * z());
    return async (from: number, count: number) => xs.slice(from, from + count);
  };
  it('stops at the first n where the relative half-width is within γ/(1+γ), and not before', async () => {
    const res = await sequentialReplications({ relative: 0.05, max: 1000 }, sampleOf(4, 100, 20), (x) => ({
      x,
    }));
    expect(res.met).toBe(true);
    expect(res.figures[0]!.relativeHalfWidth).toBeLessThanOrEqual(0.05 / 1.05);
    // Roughly (1.96·20/(100·0.0476))² ≈ 68 replications.
    expect(res.replications).toBeGreaterThan(35);
    expect(res.replications).toBeLessThan(130);
    const before = await sequentialReplications(
      { relative: 0.05, min: 5, max: res.replications - 1 },
      sampleOf(4, 100, 20),
      (x) => ({ x }),
    );
    expect(before.met).toBe(false);
  });
  it('does not depend on how many replications are computed at once', async () => {
    const one = await sequentialReplications({ relative: 0.03 }, sampleOf(5, 50, 5), (x) => ({ x }));
    const eight = await sequentialReplications({ relative: 0.03, chunk: 8 }, sampleOf(5, 50, 5), (x) => ({
      x,
    }));
    expect(eight.replications).toBe(one.replications);
    expect(eight.results).toEqual(one.results);
  });
  it('needs at least the minimum of 5 and stops at the cap, saying the target was not met', async () => {
    const res = await sequentialReplications({ relative: 0.001, max: 12 }, sampleOf(6, 10, 5), (x) => ({
      x,
    }));
    expect(res.replications).toBe(12);
    expect(res.met).toBe(false);
    const easy = await sequentialReplications({ relative: 0.5 }, sampleOf(6, 10, 0.01), (x) => ({ x }));
    expect(easy.replications).toBe(5);
  });
});
