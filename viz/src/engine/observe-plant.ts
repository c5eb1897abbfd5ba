import type { BuiltModel } from '../../../src/index.js';
import type { FeedEvent } from '../feed/types.js';

/**
 * Subscribes to a built model's plant events and turns each into the viewer's plain {@link FeedEvent}s, pushed
 * to `out` (no live `Part` object leaves: parts are their ids). Also publishes the state every entity starts
 * in, at time 0, so a view built from these events never guesses.
 */
export function observePlant(model: BuiltModel, out: FeedEvent[]): void {
  const ev = model.plant.events;
  const crewOf = new Map<string, string>();
  for (const [crew, members] of model.crewMembers) for (const m of members) crewOf.set(m, crew);
  ev.on('serverStateChanged', (station, server, _from, to, t) => out.push({ k: 'server', t, station, server, state: to }));
  ev.on('bufferLevelChanged', (id, level, t) => out.push({ k: 'level', t, id, level }));
  ev.on('conveyorItemMoved', (id, part, pos, speed, t) => out.push({ k: 'belt', t, id, part, pos, speed }));
  ev.on('partMoved', (part, from, to, t) => out.push({ k: 'move', t, part: part.id, from, to }));
  ev.on('partReleased', (part, t) => out.push({ k: 'released', t, part: part.id, product: part.product }));
  ev.on('partAssembled', (part, _at, t) => out.push({ k: 'released', t, part: part.id, product: part.product }));
  ev.on('partFinished', (part, _sink, t) => out.push({ k: 'left', t, part: part.id, how: 'finished' }));
  ev.on('partScrapped', (part, _at, t) => out.push({ k: 'left', t, part: part.id, how: 'scrapped' }));
  ev.on('partConsumed', (part, _at, t) => out.push({ k: 'left', t, part: part.id, how: 'consumed' }));
  ev.on('robotStateChanged', (fleet, robot, _from, to, t) => out.push({ k: 'robot', t, fleet, robot, state: to }));
  ev.on('robotMoved', (group, member, from, to, speed, t) =>
    out.push({ k: 'trip', t, group, member, from: { x: from.x, y: from.y }, to: { x: to.x, y: to.y }, speed }),
  );
  ev.on('robotJobStarted', (fleet, robot, _kind, part, _req, t) => out.push({ k: 'carry', t, fleet, robot, part: part.id }));
  ev.on('crewStateChanged', (_pool, crew, _from, to, t) =>
    out.push({ k: 'crew', t, pool: crewOf.get(crew) ?? crew, crew, state: to }),
  );
  ev.on('failed', (station, server, mode, t) => out.push({ k: 'failed', t, station, server, mode }));
}
