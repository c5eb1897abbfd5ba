import type { PartView, StationView } from '../../policies/contract.js';
import type { Part } from '../part.js';
import type { Station } from '../station/station.js';

/**
 * The view of `part` for a decision (see `PartView`): its current step, figures from its product plan,
 * and `processTimeS`, the mean time of that step where it is decided (`NaN` for none yet).
 * @param queuedS when it entered the queue it waits in (or became ready to move), s.
 */
export function partView(part: Part, processTimeS: number, queuedS: number): PartView {
  const step = part.step;
  const work = part.plan.workFromS;
  const n = part.routing.length;
  return {
    id: part.id,
    product: part.product,
    priority: part.priority,
    releaseS: part.releaseS,
    dueS: part.dueS,
    queuedS,
    step,
    processTimeS,
    operationsRemaining: n - step,
    workRemainingS: work[step] ?? 0,
    totalWorkS: work[0] ?? 0,
    nextStation: step + 1 < n ? part.routing[step + 1] : undefined,
  };
}

/** The view of a station for a decision (see `StationView`). */
export function stationView(station: Station): StationView {
  return {
    id: station.id,
    servers: station.serverCount,
    idleServers: station.idleServers,
    queueLength: station.input.level,
    queueCapacity: station.input.capacity,
    workInQueueS: station.workInQueueS(),
    position: station.position,
  };
}
