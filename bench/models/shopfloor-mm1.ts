import { Exponential, Resource, Simulation, Tally } from '../../src/index.js';
import type { QueueModelParams, QueueModelResult } from './types.js';

/**
 * M/M/1 written as a shopfloor user would with the callback API: a resource, two named random
 * streams, and three small handlers. Each job carries only its arrival time.
 */
export function shopfloorMm1({ lambda, mu, horizon, seed }: QueueModelParams): QueueModelResult {
  const sim = new Simulation({ seed });
  const server = new Resource(sim, { name: 'server' });
  const interarrival = new Exponential({ mean: 1 / lambda });
  const service = new Exponential({ mean: 1 / mu });
  const arrivals = sim.streams.get('arrivals');
  const services = sim.streams.get('service');
  const timeInSystem = new Tally({ quantiles: false });

  const depart = (arrivedAt: number): void => {
    server.release();
    timeInSystem.add(sim.now - arrivedAt);
  };
  const startService = (arrivedAt: number): void => {
    sim.schedule(service.sample(services), depart, arrivedAt);
  };
  const arrive = (): void => {
    server.acquire(startService, sim.now);
    sim.schedule(interarrival.sample(arrivals), arrive);
  };

  sim.schedule(interarrival.sample(arrivals), arrive);
  sim.run({ until: horizon });
  return { jobs: timeInSystem.count, meanTimeInSystem: timeInSystem.mean };
}
