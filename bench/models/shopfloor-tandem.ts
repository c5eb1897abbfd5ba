import { Exponential, Resource, Simulation, Tally } from '../../src/index.js';
import type { QueueModelParams, QueueModelResult } from './types.js';

/**
 * A tandem line of `stations` exponential single servers with infinite buffers, written with the
 * callback API: one resource and one random stream per station; each job carries its arrival time.
 */
export function shopfloorTandem(params: QueueModelParams & { stations: number }): QueueModelResult {
  const { lambda, mu, horizon, seed, stations } = params;
  const sim = new Simulation({ seed });
  const interarrival = new Exponential({ mean: 1 / lambda });
  const service = new Exponential({ mean: 1 / mu });
  const arrivals = sim.streams.get('arrivals');
  const timeInSystem = new Tally({ quantiles: false });

  const servers: Resource[] = [];
  const starts: ((arrivedAt: number) => void)[] = [];
  for (let i = 0; i < stations; i++) {
    const server = new Resource(sim, { name: `station${i + 1}` });
    const stream = sim.streams.get(`station${i + 1}/service`);
    const finish =
      i + 1 < stations
        ? (arrivedAt: number): void => {
            server.release();
            servers[i + 1]!.acquire(starts[i + 1]!, arrivedAt);
          }
        : (arrivedAt: number): void => {
            server.release();
            timeInSystem.add(sim.now - arrivedAt);
          };
    servers.push(server);
    starts.push((arrivedAt: number): void => {
      sim.schedule(service.sample(stream), finish, arrivedAt);
    });
  }
  const first = servers[0]!;
  const startFirst = starts[0]!;
  const arrive = (): void => {
    first.acquire(startFirst, sim.now);
    sim.schedule(interarrival.sample(arrivals), arrive);
  };

  sim.schedule(interarrival.sample(arrivals), arrive);
  sim.run({ until: horizon });
  return { jobs: timeInSystem.count, meanTimeInSystem: timeInSystem.mean };
}
