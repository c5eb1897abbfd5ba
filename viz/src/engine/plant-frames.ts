import type { BuiltModel } from '../../../src/index.js';
import type { Frame } from '../feed/types.js';

/**
 * Subscribes to a built model's plant events and pushes the equivalent `src/stream` frames to `out` (plain
 * data: a part is its id). Used by the in-page engine worker, which has no trace file to read.
 */
export function observeFrames(model: BuiltModel, out: Frame[]): void {
  const ev = model.plant.events;
  ev.on('serverStateChanged', (station, server, _from, state, t) =>
    out.push({ k: 'server', t, station, server, state }),
  );
  ev.on('bufferLevelChanged', (buffer, level, t) => out.push({ k: 'buffer', t, buffer, level }));
  ev.on('conveyorItemMoved', (conveyor, part, positionM, speedMps, t) =>
    out.push({ k: 'item', t, conveyor, part, positionM, speedMps }),
  );
  ev.on('partMoved', (part, from, to, t) => out.push({ k: 'moved', t, part: part.id, from, to }));
  ev.on('processStarted', (part, station, server, t) =>
    out.push({ k: 'started', t, part: part.id, station, server }),
  );
  ev.on('partReleased', (part, t) =>
    out.push({
      k: 'released',
      t,
      part: part.id,
      product: part.product,
      at: part.location,
      assembled: false,
      releaseS: part.releaseS,
    }),
  );
  ev.on('partAssembled', (part, at, t) =>
    out.push({
      k: 'released',
      t,
      part: part.id,
      product: part.product,
      at,
      assembled: true,
      releaseS: part.releaseS,
    }),
  );
  ev.on('partFinished', (part, at, t) => out.push({ k: 'left', t, part: part.id, why: 'finished', at }));
  ev.on('partScrapped', (part, at, t) => out.push({ k: 'left', t, part: part.id, why: 'scrapped', at }));
  ev.on('partConsumed', (part, at, t) => out.push({ k: 'left', t, part: part.id, why: 'consumed', at }));
  ev.on('robotStateChanged', (fleet, robot, _from, state, t) =>
    out.push({ k: 'robot', t, fleet, robot, state }),
  );
  ev.on('robotMoved', (group, member, from, to, speedMps, t) =>
    out.push({
      k: 'robot-move',
      t,
      group,
      member,
      from: { x: from.x, y: from.y },
      to: { x: to.x, y: to.y },
      arriveT: t + Math.hypot(to.x - from.x, to.y - from.y) / speedMps,
    }),
  );
  ev.on('robotJobStarted', (fleet, robot, kind, part, _req, t) =>
    out.push({ k: 'robot-job', t, fleet, robot, phase: 'start', kind, part: part.id }),
  );
  ev.on('robotJobDone', (fleet, robot, kind, part, _req, t) =>
    out.push({ k: 'robot-job', t, fleet, robot, phase: 'done', kind, part: part.id }),
  );
  ev.on('crewStateChanged', (pool, crew, _from, state, t) => out.push({ k: 'crew', t, pool, crew, state }));
  ev.on('crewMoved', (group, member, from, to, arriveT, t) =>
    out.push({
      k: 'crew-move',
      t,
      group,
      member,
      from: { x: from.x, y: from.y },
      to: { x: to.x, y: to.y },
      arriveT,
    }),
  );
  ev.on('failed', (station, server, what, t) => out.push({ k: 'failed', t, station, server, what }));
}
