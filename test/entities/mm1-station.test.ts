import { describe, expect, it } from 'vitest';
import { confidenceInterval, Exponential, Simulation, scheduleWarmup } from '../../src/engine/index.js';
import { Plant, PlantStatistics, Sink, Source, Station } from '../../src/entities/index.js';

/**
 * M/M/1 built from entities: a Source with exponential interarrivals (rate λ) into one Station with
 * one exponential server (rate μ) and its own unbounded queue. Theory: time in system W = 1/(μ − λ),
 * time-average number waiting Lq = ρ²/(1 − ρ), utilisation ρ = λ/μ. 30 replications (seeds 1…30) of
 * 20 000 s, warm-up 2 000 s; each analytic value must lie in the 95% Student-t interval. About 1 s.
 */
function replicate(lambda: number, mu: number, seed: number) {
  const sim = new Simulation({ seed });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'job', routing: ['server'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, { id: 'server', processTimes: { job: new Exponential({ mean: 1 / mu }) } });
  new Source(plant, { id: 'arrivals', product: 'job', interarrival: new Exponential({ mean: 1 / lambda }) });
  const stats = new PlantStatistics(plant);
  scheduleWarmup(sim, 2_000, [stats]);
  plant.run({ until: 20_000 });
  return stats.report();
}

describe('M/M/1 station (validation against closed forms)', () => {
  it('mean time in system, queue length and utilisation match 1/(μ−λ), ρ²/(1−ρ), ρ within the 95% CI', () => {
    const lambda = 0.8;
    const mu = 1;
    const rho = lambda / mu;
    const reports = Array.from({ length: 30 }, (_, i) => replicate(lambda, mu, i + 1));
    const w = confidenceInterval(reports.map((r) => r.cycleTimeS.mean));
    const lq = confidenceInterval(reports.map((r) => r.stations.server!.queueLength.mean));
    const u = confidenceInterval(reports.map((r) => r.stations.server!.utilization));
    const expectInside = (ci: typeof w, x: number) => {
      expect(ci.lower).toBeLessThanOrEqual(x);
      expect(ci.upper).toBeGreaterThanOrEqual(x);
    };
    expectInside(w, 1 / (mu - lambda));
    expectInside(lq, (rho * rho) / (1 - rho));
    expectInside(u, rho);
    // Little's law on every replication: WIP ≈ throughput × cycle time (within 5%).
    for (const r of reports) {
      const little = (r.throughputPerHour / 3600) * r.cycleTimeS.mean;
      expect(Math.abs(r.wip.mean - little) / r.wip.mean).toBeLessThan(0.05);
    }
  });
});
