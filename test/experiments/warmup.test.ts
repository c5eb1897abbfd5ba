/**
 * MSER-5 warm-up detection on models with a known initial transient (about 2 s on one core).
 */
import { describe, expect, it } from 'vitest';
import { detectWarmup } from '../../src/experiments/warmup.js';

const EMPTY = 'test/experiments/fixtures/mm1-empty.yaml';
const FULL = 'test/experiments/fixtures/mm1-100.yaml';
const H = 3600;

describe('detectWarmup (MSER-5 on pilot replications)', () => {
  it.each([
    1, 11,
  ])('an M/M/1 at ρ = 0.9 started with 100 parts needs a warm-up of at least most of the drain time (≈ 15 h; pilots from seed %i)', async (seed) => {
    const d = await detectWarmup({ file: FULL, seed, pilots: 5 });
    // 100 parts drain at μ − λ = 0.111/min: ~15 h to reach L = 9; MSER cannot cut before the average series
    // is back near its mean (measured: 12.8 h from seed 1; from seed 11 a late excursion makes it 85 h).
    expect(d.warmupS).toBeGreaterThan(8 * H);
    expect(d.wip.warmupS).toBeGreaterThan(8 * H);
    expect(d.cycleTime).not.toBeNull();
    expect(d.cycleTime!.warmupS).toBeGreaterThan(8 * H);
    expect(d.warning).toBeNull();
  });

  it('started empty the same queue needs a much shorter warm-up than started with 100 parts', async () => {
    const empty = await detectWarmup({ file: EMPTY, seed: 1, pilots: 5 });
    const full = await detectWarmup({ file: FULL, seed: 1, pilots: 5 });
    expect(empty.warmupS).toBeLessThan(15 * H);
    expect(empty.warmupS).toBeLessThan(full.warmupS / 2);
    expect(empty.warning).toBeNull();
  });

  it('the WIP after the detected warm-up is closer to the steady state L = 9 than the whole-run average', async () => {
    const d = await detectWarmup({ file: FULL, seed: 1, pilots: 5 });
    const { runReplication } = await import('../../src/experiments/replication.js');
    const cut = [];
    const whole = [];
    for (let r = 0; r < 10; r++) {
      cut.push(
        (await runReplication({ file: FULL, overrides: [], seed: 100 + r, warmupS: d.warmupS })).values[
          'kpis.wip'
        ]!,
      );
      whole.push(
        (await runReplication({ file: FULL, overrides: [], seed: 100 + r, warmupS: 0 })).values['kpis.wip']!,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean(cut) - 9)).toBeLessThan(Math.abs(mean(whole) - 9));
  });

  it('a horizon too short to see the transient end is flagged (truncation in the second half)', async () => {
    const d = await detectWarmup({ file: FULL, seed: 1, pilots: 5, horizonS: 16 * H });
    expect(d.warning).toMatch(/second half/);
  });
});
