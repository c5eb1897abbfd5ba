/**
 * Property factories for distributions, written once and applied to every family in
 * `distribution-cases.ts`.
 */

import quantile from '@stdlib/stats-base-dists-normal-quantile';
import fc from 'fast-check';
import { expect } from 'vitest';
import { RandomStreams } from '../../../src/engine/random/index.js';
import type { DistributionCase, Subject } from './distribution-cases.js';

/** Samples per moments check. */
export const MOMENT_SAMPLES = 20_000;
/** Parameter sets (fast-check runs) per family in the moments test. */
export const MOMENT_RUNS = 25;

/**
 * Band half-width, in standard errors, of every moments check.
 *
 * The moments test makes `families × MOMENT_RUNS × 2` checks (≈ 750). At 99.9 % each, a correct
 * sampler would fail one of them in about half of all test runs, so the 0.1 % false-alarm budget is
 * spent on the whole file instead (Bonferroni): each check uses the two-sided level
 * 0.001 / checks, z ≈ 4.8. A bug that moves a mean by a few per cent still misses the band by a wide
 * margin at n = 20 000.
 */
export function bandZ(checks: number): number {
  return -quantile(0.001 / checks / 2, 0, 1);
}

/** Sample mean, unbiased sample variance and fourth central moment of `xs`. */
export function sampleMoments(xs: Float64Array): { mean: number; variance: number; m4: number } {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { mean, variance: m2 / (n - 1), m4: m4 / n };
}

/**
 * Checks that the moments of `n` draws from `subject` agree with its theoretical mean and variance.
 *
 * - mean: |x̄ − μ| <= z·√(σ²/n) (central limit theorem);
 * - variance: Var(s²) ≈ (μ₄ − σ⁴)/n, with μ₄ estimated by the sample's fourth central moment, so
 *   |s² − σ²| <= z·√((m₄ − σ⁴)/n) + z²σ²/n. The second term is the next order of the expansion; it
 *   matters only when μ₄ = σ⁴ (Bernoulli(1/2), where s² − σ² = −(p̂ − 1/2)²).
 *
 * Both bands get a floating-point allowance of 1e-9 relative, for degenerate laws (constants).
 */
export function expectMomentsMatch(subject: Subject, seed: number, n: number, z: number): void {
  const rng = new RandomStreams(seed).get('moments');
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = subject.draw(rng);
  const { mean, variance, m4 } = sampleMoments(xs);
  const mu = subject.dist.mean;
  const s2 = subject.dist.variance;
  const fp = 1e-9 * (Math.abs(mu) + Math.sqrt(s2));
  const label = `${subject.dist} seed=${seed}`;
  expect(Math.abs(mean - mu), `${label}: sample mean ${mean} vs ${mu}`).toBeLessThanOrEqual(
    z * Math.sqrt(s2 / n) + fp,
  );
  const band = z * Math.sqrt(Math.max(m4 - s2 * s2, 0) / n) + (z * z * s2) / n + fp * fp + 1e-9 * s2;
  expect(Math.abs(variance - s2), `${label}: sample variance ${variance} vs ${s2}`).toBeLessThanOrEqual(band);
}

/** Property: sample mean and variance agree with the theoretical ones, over valid moderate parameters. */
export function momentsMatch(c: DistributionCase, z: number): void {
  fc.assert(
    fc.property(c.moderate, fc.integer(), (subject, seed) =>
      expectMomentsMatch(subject, seed, MOMENT_SAMPLES, z),
    ),
    // A statistical failure does not shrink to anything simpler: report the first one.
    { numRuns: MOMENT_RUNS, endOnFailure: true },
  );
}

/** Property: every draw lies in the support, over the whole valid parameter domain. */
export function samplesStayInSupport(c: DistributionCase, draws = 2_000): void {
  fc.assert(
    fc.property(c.valid, fc.integer(), (subject, seed) => {
      const rng = new RandomStreams(seed).get('support');
      for (let i = 0; i < draws; i++) {
        const x = subject.draw(rng);
        if (!subject.inSupport(x)) expect.fail(`${subject.dist}: draw ${i} = ${x} is outside the support`);
      }
    }),
    { numRuns: 50 },
  );
}
