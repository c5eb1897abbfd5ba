import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { loadScenario } from '../../src/scenario/index.js';

const text = (pt: string) => `run:
  horizon: 8h
products:
  - id: p
    routing:
      - station: m
        processTime: ${pt}
sources:
  - { id: s, product: p, interarrival: 5min }
stations:
  - id: m
sinks:
  - id: out
`;

describe('a normal duration truncated at 0', () => {
  it('is valid but warned about where truncation moves its mean by more than 1 % (mean 60 s, sd 60 s → 77.3 s)', () => {
    const r = loadScenario(text('{ normal: { mean: 60s, sd: 60s } }'), { fileName: 't.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.scenario.products[0]!.routing[0]!.processTime!.mean).toBeCloseTo(77.26, 1);
    expect(r.warnings.map((w) => w.path)).toEqual(['products[0].routing[0].processTime']);
    expect(r.warnings[0]!.message).toMatch(/so its mean is 77\.\d+ s, not 60 s \(\+28\.8 %\)/);
  });

  it('is accepted at sd = mean / 2.5, and its draws average the configured mean within 1 % (10⁵ draws)', () => {
    const r = loadScenario(text('{ normal: { mean: 60s, sd: 24s } }'), { fileName: 't.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const d = r.scenario.products[0]!.routing[0]!.processTime!;
    expect(Math.abs(d.mean - 60) / 60).toBeLessThan(0.01);
    const rng = new RandomStreams(7).get('t');
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += d.sample(rng);
    // Standard error 24/√10⁵ ≈ 0.076 s: the sample mean lies within 0.4 s of the exact truncated mean.
    expect(Math.abs(sum / n - d.mean)).toBeLessThan(0.4);
    expect(Math.abs(sum / n - 60) / 60).toBeLessThan(0.01);
  });
});
