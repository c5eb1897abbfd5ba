import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  Exponential,
  Resource,
  Simulation,
  scheduleWarmup,
  Tally,
} from '../../src/index.js';
import { mm1TimeInSystem } from './_support/queueing.js';

/**
 * M/M/1 on the bare kernel (callback API): Poisson arrivals at rate λ, one exponential server at rate μ.
 * Theory: mean time in system W = 1/(μ − λ). 30 independent replications (seeds 1…30), each 20 000 s
 * with the first 2 000 s discarded; the 95% Student-t interval of the replication means must contain W.
 * About 0.3 s.
 */
function replicate(lambda: number, mu: number, seed: number): number {
  const sim = new Simulation({ seed });
  const server = new Resource(sim);
  const interarrival = new Exponential({ mean: 1 / lambda });
  const service = new Exponential({ mean: 1 / mu });
  const arrivals = sim.streams.get('arrivals');
  const services = sim.streams.get('server/service');
  const timeInSystem = new Tally({ quantiles: false });
  const depart = (arrivedAt: number) => {
    server.release();
    timeInSystem.add(sim.now - arrivedAt);
  };
  const start = (arrivedAt: number) => sim.schedule(service.sample(services), depart, arrivedAt);
  const arrive = () => {
    server.acquire(start, sim.now);
    sim.schedule(interarrival.sample(arrivals), arrive);
  };
  sim.schedule(interarrival.sample(arrivals), arrive);
  scheduleWarmup(sim, 2_000, [timeInSystem]);
  sim.run({ until: 20_000 });
  return timeInSystem.mean;
}

describe('validation: M/M/1 on the kernel', () => {
  it.each([
    [0.5, 1],
    [0.8, 1],
  ])('λ=%s, μ=%s: the 95% CI of mean time in system over 30 replications contains 1/(μ−λ)', (lambda, mu) => {
    const means = Array.from({ length: 30 }, (_, i) => replicate(lambda, mu, i + 1));
    const ci = confidenceInterval(means);
    const theory = mm1TimeInSystem(lambda, mu);
    expect(ci.lower).toBeLessThanOrEqual(theory);
    expect(ci.upper).toBeGreaterThanOrEqual(theory);
    // The interval must also be informative, not just wide: within 10% of the theory.
    expect(ci.halfWidth / theory).toBeLessThan(0.1);
  });
});
