import type { TransportPolicy } from './contract.js';

/** First come, first served: the oldest waiting job goes to the first idle robot (fleet order). */
export const fifoTransport: TransportPolicy = { name: 'fifo', alwaysFirst: true, decide: () => 0 };

/**
 * Nearest idle robot: the pair with the shortest robot → pickup distance; ties go to the older job, then
 * to the robot earlier in the fleet (the options' order). With one job waiting this sends the closest
 * idle robot; with one robot free it takes the closest pickup (which may leave an old, far job waiting).
 */
export const nearestIdle: TransportPolicy = {
  name: 'nearest',
  decide: (p) => {
    let best = 0;
    for (let i = 1; i < p.options.length; i++) {
      if (p.options[i]!.distanceM < p.options[best]!.distanceM) best = i;
    }
    return best;
  },
};

/** The built-in transport rules by the name a scenario file uses. */
export const TRANSPORT_RULES: Readonly<Record<'fifo' | 'nearest', TransportPolicy>> = {
  fifo: fifoTransport,
  nearest: nearestIdle,
};
