import { Interrupt } from '../../../src/engine/interrupt.js';
import type { Process } from '../../../src/engine/process.js';
import { Resource } from '../../../src/engine/resource.js';
import type { Simulation } from '../../../src/engine/simulation.js';

/** One line of an event log: what happened, and when (seconds). */
export type LogEntry = readonly [string, number];

/** Options of {@link buildRandomModel}. */
export interface RandomModelOptions {
  /** Number of worker processes competing for the resources. */
  workers: number;
  /** Units of the shared resource. */
  capacity: number;
  /** Use a priority queue on the resource. */
  priority: boolean;
}

/**
 * A small model that exercises every kernel feature with randomness drawn from the simulation's own
 * streams: callbacks with ties (integer times), cancellations, processes waiting on a resource,
 * interrupts, timeouts and anyOf. Everything observable goes to `log`. Used by the property tests:
 * the log must be a pure function of (options, seed), whatever the run is split into.
 */
export function buildRandomModel(sim: Simulation, options: RandomModelOptions, log: LogEntry[]): Resource {
  const res = new Resource(sim, {
    capacity: options.capacity,
    discipline: options.priority ? 'priority' : 'fifo',
  });
  const ticks = sim.streams.get('ticks');
  const workers: Process<void>[] = [];
  for (let w = 0; w < options.workers; w++) {
    const rng = sim.streams.get(`worker${w}`);
    workers.push(
      sim.process(function* () {
        for (let job = 0; job < 6; job++) {
          // An interrupt may arrive at any yield: the worker then gives up this job cleanly.
          let req: ReturnType<Resource['request']> | undefined;
          try {
            yield rng.int(0, 3); // integer delays produce many same-time events
            req = res.request({ priority: options.priority ? rng.int(0, 2) : 0 });
            const first = yield sim.anyOf<unknown>([req, sim.timeout(rng.int(1, 6))]);
            if (first.index === 1 && req.cancel()) {
              log.push([`w${w} balked`, sim.now]);
              continue;
            }
            if (first.index === 1) yield req; // granted at the same instant as the timeout
            log.push([`w${w} start`, sim.now]);
            yield rng.int(1, 4) + rng.next();
            log.push([`w${w} done`, sim.now]);
          } catch (e) {
            if (!(e instanceof Interrupt)) throw e;
            log.push([`w${w} interrupted ${e.remaining.toFixed(6)}`, sim.now]);
            if (req !== undefined && !req.cancel() && req.state === 'waiting') throw new Error('unreachable');
          }
          if (req?.state === 'granted') res.release(req);
        }
      }, `worker${w}`),
    );
  }
  // A ticking callback that also schedules and cancels, and interrupts a random busy worker.
  let pendingId = -1;
  const tick = (n: number): void => {
    log.push([`tick ${n} inUse=${res.inUse} queue=${res.queueLength}`, sim.now]);
    if (pendingId >= 0 && ticks.next() < 0.5) sim.cancel(pendingId);
    pendingId = sim.schedule(
      ticks.int(0, 2),
      (m: number) => log.push([`late ${m}`, sim.now]),
      n,
      ticks.int(-1, 1),
    );
    const victim = workers[ticks.int(0, workers.length - 1)];
    if (victim?.isAlive && ticks.next() < 0.2) victim.interrupt('tick');
    if (n < 40) sim.schedule(ticks.int(0, 2), tick, n + 1);
  };
  sim.schedule(0, tick, 0);
  return res;
}
