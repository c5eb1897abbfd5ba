import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation, Uniform } from '../../src/engine/index.js';
import { Plant, PlantStatistics, Sink, Source, Station } from '../../src/entities/index.js';
import { runScenario } from '../../src/report/index.js';
import { loadScenario } from '../../src/scenario/index.js';

const c = (v: number) => new Constant({ value: v });

/** One machine, exponential 2-min process times, close to saturation; optional batch and warm-up. */
function run(seed: number, opts: { batch?: number; warmupS?: number; standard?: number } = {}) {
  const sim = new Simulation({ seed });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, {
    id: 'M',
    processTimes: {
      p: opts.standard === undefined ? new Exponential({ mean: 120 }) : new Uniform({ min: 100, max: 140 }),
    },
    ...(opts.standard === undefined ? {} : { standardTimes: { p: opts.standard } }),
    ...(opts.batch === undefined ? {} : { batch: { size: opts.batch } }),
    failures: [{ name: 'f', timeToFailure: new Exponential({ mean: 7200 }), timeToRepair: c(600) }],
  });
  new Source(plant, { id: 's', product: 'p', interarrival: new Exponential({ mean: 125 }) });
  const stats = new PlantStatistics(plant);
  if (opts.warmupS !== undefined) {
    plant.run({ until: opts.warmupS });
    stats.reset(sim.now);
  }
  plant.run({ until: 50 * 3600 });
  return stats.report().stations.M!;
}

describe('OEE performance', () => {
  it('is ≤ 1 by construction with exponential process times, batches and a warm-up (was 1.058 with the mean as ideal)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
        fc.option(fc.double({ min: 1, max: 20_000, noNaN: true }), { nil: undefined }),
        (seed, batch, warmupS) => {
          const r = run(seed, {
            ...(batch === undefined ? {} : { batch }),
            ...(warmupS === undefined ? {} : { warmupS }),
          });
          expect(r.oee.performance).toBeLessThanOrEqual(1);
          expect(r.oee.oee).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('by default equals busy time of finished jobs over operating time (speed losses are not modelled)', () => {
    const r = run(7);
    // All losses are idle time: performance = utilisation / OEE availability, but for the job in process
    // at the end (at most one job: a few process times over ~1.8·10⁵ s).
    expect(Math.abs(r.oee.performance - r.utilization / r.oee.availability)).toBeLessThan(0.02);
  });

  it('with a standardTime, a job earns it: performance ≈ standard / mean process time × busy / operating', () => {
    const r = run(11, { standard: 100 });
    const expected = (100 / 120) * (r.utilization / r.oee.availability);
    expect(Math.abs(r.oee.performance - expected)).toBeLessThan(0.02);
    expect(r.oee.performance).toBeLessThan(1);
  });
});

const SCENARIO = (standard: string, processTime: string) => `run:
  horizon: 8h
products:
  - id: gear
    routing:
      - station: cut
        processTime: ${processTime}
        standardTime: ${standard}
sources:
  - id: src
    product: gear
    interarrival: { exponential: { mean: 3min } }
stations:
  - id: cut
sinks:
  - id: out
`;

describe('scenario standardTime', () => {
  it('is rejected above the lowest possible process time, naming the path', () => {
    const r = loadScenario(SCENARIO('2min', '{ exponential: { mean: 2min } }'), { fileName: 't.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.line])).toEqual([['products[0].routing[0].standardTime', 8]]);
    expect(r.problems[0]!.message).toContain('lowest possible process time');
  });

  it('is accepted at the minimum of a uniform process time and used by the run', () => {
    const r = loadScenario(SCENARIO('100s', '{ uniform: { min: 100s, max: 140s } }'), { fileName: 't.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const res = runScenario(r.scenario, { replications: 3 });
    expect(res.stations.cut!.oeePerformance!.mean).toBeLessThan(100 / 120 + 0.01);
  });
});

describe('OEE performance on every example scenario', () => {
  it('is ≤ 100 % at every station in every replication (rework, batches, assembly, robots, shifts)', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { loadScenarioFile } = await import('../../src/scenario/index.js');
    const dir = join(import.meta.dirname, '../../scenarios');
    for (const f of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n))) {
      const loaded = loadScenarioFile(join(dir, f));
      if (!loaded.ok) throw new Error(f);
      for (let r = 0; r < 2; r++) {
        const res = runScenario(loaded.scenario, { seed: loaded.scenario.run.seed + r, replications: 1 });
        for (const [id, st] of Object.entries(res.stations))
          if (st.oeePerformance !== null) expect(st.oeePerformance.mean, `${f} ${id}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
