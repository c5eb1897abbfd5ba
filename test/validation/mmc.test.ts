import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  Exponential,
  Resource,
  Simulation,
  scheduleWarmup,
  Tally,
  TimeWeighted,
} from '../../src/index.js';
import { mmcQueueLength, mmcTimeInSystem } from './_support/queueing.js';

/**
 * M/M/c on the bare kernel, written with generator processes: one process per customer requests one
 * of c servers. Theory (Erlang C): W = C(c, λ/μ)/(cμ − λ) + 1/μ and Lq = C(c, λ/μ)·ρ/(1 − ρ).
 * 30 replications × 20 000 s, warm-up 2 000 s; both analytic values inside the 95% CIs. About 1 s.
 */
function replicate(c: number, lambda: number, mu: number, seed: number): { w: number; lq: number } {
  const sim = new Simulation({ seed });
  const servers = new Resource(sim, { capacity: c, name: 'servers' });
  const interarrival = new Exponential({ mean: 1 / lambda });
  const service = new Exponential({ mean: 1 / mu });
  const arrivals = sim.streams.get('arrivals');
  const services = sim.streams.get('servers/service');
  const timeInSystem = new Tally({ quantiles: false });
  const queueLength = new TimeWeighted();

  function* customer() {
    const arrivedAt = sim.now;
    const req = servers.request();
    queueLength.update(sim.now, servers.queueLength);
    yield req;
    queueLength.update(sim.now, servers.queueLength);
    yield service.sample(services);
    servers.release(req);
    timeInSystem.add(sim.now - arrivedAt);
  }
  sim.process(function* () {
    for (;;) {
      yield interarrival.sample(arrivals);
      sim.process(customer);
    }
  });
  scheduleWarmup(sim, 2_000, [timeInSystem, queueLength]);
  sim.run({ until: 20_000 });
  return { w: timeInSystem.mean, lq: queueLength.mean(sim.now) };
}

describe('validation: M/M/c (Erlang C) on the kernel', () => {
  it.each([
    [3, 2.4, 1],
    [2, 1.5, 1],
  ])('c=%s, λ=%s, μ=%s: time in system and queue length match Erlang C within the 95% CIs', (c, lambda, mu) => {
    const reps = Array.from({ length: 30 }, (_, i) => replicate(c, lambda, mu, 100 + i));
    const w = confidenceInterval(reps.map((r) => r.w));
    const lq = confidenceInterval(reps.map((r) => r.lq));
    const wTheory = mmcTimeInSystem(c, lambda, mu);
    const lqTheory = mmcQueueLength(c, lambda, mu);
    expect(wTheory).toBeGreaterThanOrEqual(w.lower);
    expect(wTheory).toBeLessThanOrEqual(w.upper);
    expect(lqTheory).toBeGreaterThanOrEqual(lq.lower);
    expect(lqTheory).toBeLessThanOrEqual(lq.upper);
    expect(w.halfWidth / wTheory).toBeLessThan(0.1);
  });
});
