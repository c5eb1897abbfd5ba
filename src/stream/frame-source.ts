/**
 * Turns what a plant publishes into frames: one plain-data frame per event (no live `Part` object leaves),
 * for the trace writer, the live stream and a viewer running the engine in the page. Browser-safe.
 */
import { distanceM, type Plant } from '../entities/index.js';
import type { Counters, Frame, PlantSnapshot } from './frames.js';

/**
 * Subscribes to `plant.events` and calls `push` with the frame of each event, at the event's instant.
 * `partRouted`, `maintenancePostponed` and level changes of conveyors (which the items give) make no frame.
 * @returns a function that unsubscribes.
 */
export function subscribeFrames(plant: Plant, push: (frame: Frame) => void): () => void {
  const ev = plant.events;
  const off = [
    ev.on('partReleased', (part, t) =>
      push({
        k: 'released',
        t,
        part: part.id,
        product: part.product,
        at: part.source,
        assembled: false,
        releaseS: part.releaseS,
      }),
    ),
    ev.on('partAssembled', (part, at, t) =>
      push({
        k: 'released',
        t,
        part: part.id,
        product: part.product,
        at,
        assembled: true,
        releaseS: part.releaseS,
      }),
    ),
    ev.on('partMoved', (part, from, to, t) => push({ k: 'moved', t, part: part.id, from, to })),
    ev.on('partFinished', (part, at, t) => push({ k: 'left', t, part: part.id, why: 'finished', at })),
    ev.on('partScrapped', (part, at, t) => push({ k: 'left', t, part: part.id, why: 'scrapped', at })),
    ev.on('partConsumed', (part, at, t) => push({ k: 'left', t, part: part.id, why: 'consumed', at })),
    ev.on('processStarted', (part, station, server, t) =>
      push({ k: 'started', t, part: part.id, station, server }),
    ),
    ev.on('processFinished', (part, station, server, t) =>
      push({ k: 'finished', t, part: part.id, station, server }),
    ),
    ev.on('serverStateChanged', (station, server, _from, state, t) =>
      push({ k: 'server', t, station, server, state }),
    ),
    ev.on('failed', (station, server, what, t) => push({ k: 'failed', t, station, server, what })),
    ev.on('repaired', (station, server, what, t) => push({ k: 'repaired', t, station, server, what })),
    ev.on('maintenanceStarted', (station, server, what, t) =>
      push({ k: 'maintenance-started', t, station, server, what }),
    ),
    ev.on('maintenanceEnded', (station, server, what, t) =>
      push({ k: 'maintenance-ended', t, station, server, what }),
    ),
    ev.on('setupStarted', (station, server, _from, to, t) =>
      push({ k: 'setup-started', t, station, server, what: to }),
    ),
    ev.on('inspected', (station, part, outcome, t) =>
      push({ k: 'inspected', t, station, part: part.id, outcome }),
    ),
    ev.on('bufferLevelChanged', (buffer, level, t) => push({ k: 'buffer', t, buffer, level })),
    ev.on('shiftChanged', (entity, on, t) => push({ k: 'shift', t, entity, on })),
    ev.on('conveyorStateChanged', (conveyor, _from, state, t) => push({ k: 'conveyor', t, conveyor, state })),
    ev.on('conveyorItemMoved', (conveyor, part, positionM, speedMps, t) =>
      push({ k: 'item', t, conveyor, part, positionM, speedMps }),
    ),
    ev.on('robotStateChanged', (fleet, robot, _from, state, t) =>
      push({ k: 'robot', t, fleet, robot, state }),
    ),
    ev.on('robotJobStarted', (fleet, robot, kind, part, _requestedS, t) =>
      push({ k: 'robot-job', t, fleet, robot, phase: 'start', kind, part: part.id }),
    ),
    ev.on('robotJobDone', (fleet, robot, kind, part, _requestedS, t) =>
      push({ k: 'robot-job', t, fleet, robot, phase: 'done', kind, part: part.id }),
    ),
    // The arrival is computed as the fleet computes it (same distance, same division), so it is bit-identical.
    ev.on('robotMoved', (group, member, from, to, speedMps, t) =>
      push({
        k: 'robot-move',
        t,
        group,
        member,
        from: { x: from.x, y: from.y },
        to: { x: to.x, y: to.y },
        arriveT: t + distanceM(from, to) / speedMps,
      }),
    ),
    ev.on('crewStateChanged', (pool, crew, _from, state, t) => push({ k: 'crew', t, pool, crew, state })),
    ev.on('crewJobChanged', (pool, crew, job, t) =>
      push({ k: 'crew-job', t, pool, crew, job: job === null ? null : { ...job } }),
    ),
    ev.on('crewMoved', (group, member, from, to, arriveT, t) =>
      push({
        k: 'crew-move',
        t,
        group,
        member,
        from: { x: from.x, y: from.y },
        to: { x: to.x, y: to.y },
        arriveT,
      }),
    ),
    ev.on('operatorStateChanged', (pool, operator, _from, state, t) =>
      push({ k: 'operator', t, pool, operator, state }),
    ),
    ev.on('operatorJobChanged', (pool, operator, job, t) =>
      push({
        k: 'operator-job',
        t,
        pool,
        operator,
        job: job === null ? null : { task: job.task, station: job.station, server: job.server },
      }),
    ),
    ev.on('operatorMoved', (group, member, from, to, arriveT, t) =>
      push({
        k: 'operator-move',
        t,
        group,
        member,
        from: { x: from.x, y: from.y },
        to: { x: to.x, y: to.y },
        arriveT,
      }),
    ),
  ];
  return () => {
    for (const f of off) f();
  };
}

/** The plant's running totals now. */
export function countersOf(plant: Plant): Counters {
  return {
    released: plant.released,
    finished: plant.finished,
    scrapped: plant.scrapped,
    consumed: plant.consumed,
    assembled: plant.assembled,
    wip: plant.inSystem,
  };
}

/** A keyframe of the plant now. */
export function keyframeOf(plant: Plant): { k: 'keyframe'; t: number; snapshot: PlantSnapshot } {
  return { k: 'keyframe', t: plant.sim.now, snapshot: plant.snapshot() };
}
