/**
 * Rebuilds the plant's state from a keyframe and the frames after it: what the trace reader's `stateAt`
 * and a live viewer use. Browser-safe. The rules mirror `plant.snapshot()` exactly (a property test holds
 * them to it): a part is where the last `moved` frame put it; a server holds the parts located at it, a
 * fleet's pickup spot the parts located at the fleet; an item on a conveyor moves uniformly from its last
 * `item` frame; a robot, crew or operator moves along its last motion until it arrives.
 */
import type {
  ConveyorState,
  CrewState,
  Frame,
  Motion,
  OperatorState,
  OperatorTaskName,
  PartSnapshot,
  PlantSnapshot,
  Point,
  RobotJobKind,
  RobotState,
  ServerState,
} from './frames.js';
import { positionAt } from './frames.js';

interface Mover<S> {
  id: string;
  state: S;
  position: Point | null;
  motion: Motion | null;
}

interface RobotM extends Mover<RobotState> {
  job: { kind: RobotJobKind; part: number } | null;
}

interface CrewM extends Mover<CrewState> {
  job: { kind: 'repair' | 'maintenance'; station: string; server: number } | null;
}

interface OperatorM extends Mover<OperatorState> {
  job: { task: OperatorTaskName; station: string; server: number } | null;
}

interface Item {
  positionM: number;
  speedMps: number;
  /** Time of the item's last frame, s. */
  t: number;
}

/** A mutable plant state that frames are applied to, in time order. */
export class StateBuilder {
  private t: number;
  private counters: {
    released: number;
    finished: number;
    scrapped: number;
    consumed: number;
    assembled: number;
    wip: number;
  };
  private readonly stations = new Map<string, ServerState[]>();
  private readonly buffers = new Map<string, number[]>();
  private readonly conveyors = new Map<string, { state: ConveyorState; items: Map<number, Item> }>();
  private readonly robots = new Map<string, Map<string, RobotM>>();
  private readonly crews = new Map<string, Map<string, CrewM>>();
  private readonly operators = new Map<string, Map<string, OperatorM>>();
  private readonly shifts = new Map<string, boolean>();
  private readonly parts = new Map<
    number,
    { id: number; product: string; location: string; releaseS: number }
  >();
  /** Holder id → the conveyor or buffer it is, for the `moved` frames. */
  private readonly conveyorOf = new Map<string, Map<number, Item>>();

  /** Starts from a keyframe's snapshot (copied: the snapshot is not changed). */
  constructor(snapshot: PlantSnapshot) {
    this.t = snapshot.t;
    this.counters = { ...snapshot.counters };
    for (const [id, st] of Object.entries(snapshot.stations)) {
      this.stations.set(
        id,
        st.servers.map((s) => s.state),
      );
    }
    for (const [id, b] of Object.entries(snapshot.buffers)) this.buffers.set(id, [...b.parts]);
    for (const [id, c] of Object.entries(snapshot.conveyors)) {
      const items = new Map<number, Item>();
      for (const it of c.items)
        items.set(it.part, { positionM: it.positionM, speedMps: it.speedMps, t: snapshot.t });
      this.conveyors.set(id, { state: c.state, items });
      this.conveyorOf.set(id, items);
    }
    for (const [id, f] of Object.entries(snapshot.robots)) {
      this.robots.set(
        id,
        new Map(
          f.robots.map((r) => [
            r.id,
            { id: r.id, state: r.state, position: r.position, motion: r.motion, job: r.job },
          ]),
        ),
      );
    }
    for (const [id, p] of Object.entries(snapshot.crews)) {
      this.crews.set(
        id,
        new Map(
          p.crews.map((c) => [
            c.id,
            { id: c.id, state: c.state, position: c.position, motion: c.motion, job: c.job },
          ]),
        ),
      );
    }
    // `?? {}`: a keyframe written before operator pools existed has no `operators`.
    for (const [id, p] of Object.entries(snapshot.operators ?? {})) {
      this.operators.set(
        id,
        new Map(
          p.operators.map((o) => [
            o.id,
            { id: o.id, state: o.state, position: o.position, motion: o.motion, job: o.job },
          ]),
        ),
      );
    }
    for (const [id, on] of Object.entries(snapshot.shifts)) this.shifts.set(id, on);
    for (const p of snapshot.parts) this.parts.set(p.id, { ...p });
  }

  /** Time of the last frame applied (or of the starting snapshot), s. */
  get time(): number {
    return this.t;
  }

  /** Applies one frame (frames must come in time order). A keyframe replaces the whole state. */
  apply(f: Frame): void {
    this.t = f.t;
    switch (f.k) {
      case 'keyframe': {
        const fresh = new StateBuilder(f.snapshot);
        Object.assign(this, fresh);
        return;
      }
      case 'released': {
        if (f.assembled) this.counters.assembled++;
        else this.counters.released++;
        this.counters.wip++;
        this.parts.set(f.part, { id: f.part, product: f.product, location: f.at, releaseS: f.releaseS });
        return;
      }
      case 'moved': {
        const p = this.parts.get(f.part);
        if (p !== undefined) p.location = f.to;
        this.takeOut(f.part, f.from);
        const into = this.buffers.get(f.to);
        if (into !== undefined) into.push(f.part);
        return;
      }
      case 'left': {
        if (f.why === 'finished') this.counters.finished++;
        else if (f.why === 'scrapped') this.counters.scrapped++;
        else this.counters.consumed++;
        this.counters.wip--;
        const p = this.parts.get(f.part);
        if (p !== undefined) this.takeOut(f.part, p.location);
        this.parts.delete(f.part);
        return;
      }
      case 'server': {
        const servers = this.stations.get(f.station);
        if (servers !== undefined) servers[f.server] = f.state;
        return;
      }
      case 'shift':
        this.shifts.set(f.entity, f.on);
        return;
      case 'conveyor': {
        const c = this.conveyors.get(f.conveyor);
        if (c !== undefined) c.state = f.state;
        return;
      }
      case 'item': {
        const items = this.conveyorOf.get(f.conveyor);
        if (items === undefined) return;
        const it = items.get(f.part);
        if (it === undefined) items.set(f.part, { positionM: f.positionM, speedMps: f.speedMps, t: f.t });
        else {
          it.positionM = f.positionM;
          it.speedMps = f.speedMps;
          it.t = f.t;
        }
        return;
      }
      case 'robot': {
        const r = this.robots.get(f.fleet)?.get(f.robot);
        if (r !== undefined) r.state = f.state;
        return;
      }
      case 'robot-job': {
        const r = this.robots.get(f.fleet)?.get(f.robot);
        if (r !== undefined) r.job = f.phase === 'start' ? { kind: f.kind, part: f.part } : null;
        return;
      }
      case 'crew': {
        const c = this.crews.get(f.pool)?.get(f.crew);
        if (c !== undefined) c.state = f.state;
        return;
      }
      case 'crew-job': {
        const c = this.crews.get(f.pool)?.get(f.crew);
        if (c !== undefined) c.job = f.job;
        return;
      }
      case 'operator': {
        const o = this.operators.get(f.pool)?.get(f.operator);
        if (o !== undefined) o.state = f.state;
        return;
      }
      case 'operator-job': {
        const o = this.operators.get(f.pool)?.get(f.operator);
        if (o !== undefined) o.job = f.job;
        return;
      }
      case 'robot-move':
      case 'crew-move':
      case 'operator-move': {
        const movers = f.k === 'robot-move' ? this.robots : f.k === 'crew-move' ? this.crews : this.operators;
        const m: Mover<unknown> | undefined = movers.get(f.group)?.get(f.member);
        if (m !== undefined) {
          m.motion = { from: f.from, to: f.to, fromT: f.t, toT: f.arriveT };
          m.position = f.from;
        }
        return;
      }
      default:
        // started, finished, upkeep, inspected, buffer levels, counters, end: nothing to keep (the state
        // they describe comes with the frames above).
        return;
    }
  }

  /** Removes `part` from the buffer or conveyor `holder`, if it is one. */
  private takeOut(part: number, holder: string): void {
    const buffer = this.buffers.get(holder);
    if (buffer !== undefined) {
      const i = buffer.indexOf(part);
      if (i >= 0) buffer.splice(i, 1);
      return;
    }
    this.conveyorOf.get(holder)?.delete(part);
  }

  /**
   * The state at `t` (≥ the last frame's time, s) as a {@link PlantSnapshot}: items and movers advanced
   * to `t` along their last motion.
   */
  snapshot(t: number = this.t): PlantSnapshot {
    const parts: PartSnapshot[] = [...this.parts.values()].sort((a, b) => a.id - b.id).map((p) => ({ ...p }));
    const at = new Map<string, number[]>();
    for (const p of parts) {
      const list = at.get(p.location);
      if (list === undefined) at.set(p.location, [p.id]);
      else list.push(p.id);
    }
    const stations: Record<string, PlantSnapshot['stations'][string]> = {};
    for (const [id, servers] of this.stations) {
      stations[id] = { servers: servers.map((state, i) => ({ state, parts: at.get(`${id}/${i}`) ?? [] })) };
    }
    const buffers: Record<string, PlantSnapshot['buffers'][string]> = {};
    for (const [id, list] of this.buffers) buffers[id] = { parts: [...list] };
    const conveyors: Record<string, PlantSnapshot['conveyors'][string]> = {};
    for (const [id, c] of this.conveyors) {
      conveyors[id] = {
        state: c.state,
        items: [...c.items].map(([part, it]) => ({
          part,
          positionM: it.speedMps === 0 ? it.positionM : it.positionM + it.speedMps * (t - it.t),
          speedMps: it.speedMps,
        })),
      };
    }
    const robots: Record<string, PlantSnapshot['robots'][string]> = {};
    for (const [id, fleet] of this.robots) {
      robots[id] = {
        robots: [...fleet.values()].map((r) => {
          const { position, motion } = moverAt(r, t);
          const carrying = at.get(`${id}/${r.id}`)?.[0] ?? null;
          return { id: r.id, state: r.state, position, motion, job: r.job, carrying };
        }),
        waiting: at.get(id) ?? [],
      };
    }
    const crews: Record<string, PlantSnapshot['crews'][string]> = {};
    for (const [id, pool] of this.crews) {
      crews[id] = {
        crews: [...pool.values()].map((c) => {
          const { position, motion } = moverAt(c, t);
          return { id: c.id, state: c.state, position, motion, job: c.job };
        }),
      };
    }
    const operators: Record<string, PlantSnapshot['operators'][string]> = {};
    for (const [id, pool] of this.operators) {
      operators[id] = {
        operators: [...pool.values()].map((o) => {
          const { position, motion } = moverAt(o, t);
          return { id: o.id, state: o.state, position, motion, job: o.job };
        }),
      };
    }
    return {
      t,
      counters: { ...this.counters },
      stations,
      buffers,
      conveyors,
      robots,
      crews,
      operators,
      shifts: Object.fromEntries(this.shifts),
      parts,
    };
  }
}

/** Where a mover is at `t`: on its motion while under way, else where its last motion ended. */
function moverAt(m: Mover<unknown>, t: number): { position: Point | null; motion: Motion | null } {
  const motion = m.motion;
  if (motion === null) return { position: m.position, motion: null };
  if (t < motion.toT) return { position: positionAt(motion, t), motion };
  return { position: motion.to, motion: null };
}
