import { Conveyor } from './conveyor.js';
import type { Plant } from './plant.js';
import { RobotFleet } from './robot-fleet.js';
import type {
  BufferSnapshot,
  ConveyorSnapshot,
  CrewPoolSnapshot,
  OperatorPoolSnapshot,
  PartSnapshot,
  PlantSnapshot,
  RobotFleetSnapshot,
  StationSnapshot,
} from './snapshot-types.js';

/**
 * The whole observable state of `plant` now, as plain data (see {@link PlantSnapshot}): no live object
 * leaks out. Where a part is comes from its `location` alone (the holder that `partMoved` last named), so
 * a reader of the published events rebuilds exactly the same snapshot.
 */
export function snapshotOf(plant: Plant): PlantSnapshot {
  const now = plant.sim.now;
  const parts: PartSnapshot[] = plant
    .partsInSystem()
    .sort((a, b) => a.id - b.id)
    .map((p) => ({ id: p.id, product: p.product, location: p.location, releaseS: p.releaseS }));
  const at = new Map<string, number[]>();
  for (const p of parts) {
    const list = at.get(p.location);
    if (list === undefined) at.set(p.location, [p.id]);
    else list.push(p.id);
  }
  const stations: Record<string, StationSnapshot> = {};
  const shifts: Record<string, boolean> = {};
  for (const [id, st] of plant.stations) {
    const servers = [];
    for (let i = 0; i < st.serverCount; i++) {
      servers.push({ state: st.serverState(i), parts: at.get(`${id}/${i}`) ?? [] });
    }
    stations[id] = { servers };
    shifts[id] = st.onShiftNow;
  }
  const buffers: Record<string, BufferSnapshot> = {};
  for (const [id, b] of plant.buffers) buffers[id] = { parts: b.contents.map((p) => p.id) };
  const conveyors: Record<string, ConveyorSnapshot> = {};
  const robots: Record<string, RobotFleetSnapshot> = {};
  const carrying = new Map<string, number>();
  for (const p of parts) if (p.location.includes('/')) carrying.set(p.location, p.id);
  for (const [id, c] of plant.carriers) {
    if (c instanceof Conveyor) {
      conveyors[id] = {
        state: c.state,
        items: c
          .positions()
          .map((it) => ({ part: it.part.id, positionM: it.positionM, speedMps: it.speedMps })),
      };
    } else if (c instanceof RobotFleet) {
      robots[id] = { robots: c.robotSnapshots(now, carrying), waiting: at.get(id) ?? [] };
    }
  }
  const crews: Record<string, CrewPoolSnapshot> = {};
  for (const [id, pool] of plant.crewPools) {
    crews[id] = { crews: pool.crewSnapshots(now) };
    for (const crew of pool.crewIds) shifts[`${id}/${crew}`] = pool.crewOnShift(crew);
  }
  const operators: Record<string, OperatorPoolSnapshot> = {};
  for (const [id, pool] of plant.operatorPools) {
    operators[id] = { operators: pool.operatorSnapshots(now) };
    for (const op of pool.operatorIds) shifts[`${id}/${op}`] = pool.operatorOnShift(op);
  }
  return {
    t: now,
    counters: {
      released: plant.released,
      finished: plant.finished,
      scrapped: plant.scrapped,
      consumed: plant.consumed,
      assembled: plant.assembled,
      wip: plant.inSystem,
    },
    stations,
    buffers,
    conveyors,
    robots,
    crews,
    operators,
    shifts,
    parts,
  };
}

/**
 * Publishes the current state of every entity through the ordinary change events, each with `from`
 * equal to `to` (an announcement, not a change): server, crew, operator, robot and conveyor states,
 * buffer and conveyor levels, and the working time of stations, crews and operators. So a listener that subscribed after the
 * build learns, for instance, that a station starts off shift (which the build sets without an event).
 */
export function announceState(plant: Plant): void {
  const ev = plant.events;
  const now = plant.sim.now;
  for (const [id, st] of plant.stations) {
    ev.emit('shiftChanged', id, st.onShiftNow, now);
    for (let i = 0; i < st.serverCount; i++) {
      const s = st.serverState(i);
      ev.emit('serverStateChanged', id, i, s, s, now, st.index);
    }
  }
  for (const [id, b] of plant.buffers) ev.emit('bufferLevelChanged', id, b.level, now, b.index);
  for (const [id, pool] of plant.crewPools) {
    for (const crew of pool.crewIds) {
      ev.emit('shiftChanged', `${id}/${crew}`, pool.crewOnShift(crew), now);
      const s = pool.crewState(crew);
      ev.emit('crewStateChanged', id, crew, s, s, now);
    }
  }
  for (const [id, pool] of plant.operatorPools) {
    for (const op of pool.operatorIds) {
      ev.emit('shiftChanged', `${id}/${op}`, pool.operatorOnShift(op), now);
      const s = pool.operatorState(op);
      ev.emit('operatorStateChanged', id, op, s, s, now);
    }
  }
  for (const [id, c] of plant.carriers) {
    if (c instanceof Conveyor) {
      ev.emit('conveyorStateChanged', id, c.state, c.state, now);
      ev.emit('conveyorLevelChanged', id, c.level, now);
    } else if (c instanceof RobotFleet) {
      for (const r of c.robotIds) {
        const s = c.robotState(r);
        ev.emit('robotStateChanged', id, r, s, s, now);
      }
    }
  }
}
