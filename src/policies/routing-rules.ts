import { argMin } from './_internal/arg-best.js';
import type { RouteView, RoutingPolicy } from './contract.js';

/** The first alternative station, in the order the routing step lists them. */
export const firstAlternative: RoutingPolicy = { name: 'first', alwaysFirst: true, decide: () => 0 };

/**
 * Shortest queue: the station with the fewest parts waiting (`queueLength`); ties go to the station with
 * fewer busy servers (`servers − idleServers`), then to the earlier alternative.
 */
export const shortestQueue: RoutingPolicy = {
  name: 'shortest-queue',
  decide: (p) => {
    const opts = p.options;
    let best = 0;
    for (let i = 1; i < opts.length; i++) {
      const a = opts[i]!;
      const b = opts[best]!;
      if (a.queueLength < b.queueLength || (a.queueLength === b.queueLength && busy(a) < busy(b))) best = i;
    }
    return best;
  },
};

function busy(s: RouteView): number {
  return s.servers - s.idleServers;
}

/**
 * Least work: the station where the part's own step plus the work already waiting is smallest,
 * `workInQueueS + processTimeS` (s); ties go to the earlier alternative. (It does not divide by the number
 * of servers: a station with more servers is not preferred for that alone.)
 */
export const leastWork: RoutingPolicy = {
  name: 'least-work',
  decide: (p) => argMin(p.options, (o) => o.workInQueueS + o.processTimeS),
};

/** Fastest: the station with the smallest mean process time for the part's step (`processTimeS`, s). */
export const fastest: RoutingPolicy = {
  name: 'fastest',
  decide: (p) => argMin(p.options, (o) => o.processTimeS),
};

/** The built-in routing rules by the name a scenario file uses. */
export const ROUTING_RULES: Readonly<
  Record<'first' | 'shortest-queue' | 'least-work' | 'fastest', RoutingPolicy>
> = {
  first: firstAlternative,
  'shortest-queue': shortestQueue,
  'least-work': leastWork,
  fastest,
};
