import {
  CREW_STATES,
  type DeltaFrame,
  type Frame,
  type PlantSnapshot,
  type Point,
  ROBOT_STATES,
  type RunInfo,
  SERVER_STATES,
} from './types.js';

/**
 * The observable state of the plant at one instant, rebuilt from frames: per server its state, since when,
 * time in each state so far and its parts; buffer levels; items on belts; robots and crews with their trips;
 * counters. Entities are numbered once from the layout, and those numbers are the scene's instance indices
 * (the join key between data, drawing and picking). Plain data throughout, so `structuredClone` copies it.
 */
export interface PlantState {
  /** Simulated time of the last frame applied, seconds. */
  t: number;
  servers: ServerRec[];
  /** Level by buffer id (station input queues included). */
  levels: Record<string, number>;
  /** Items on each conveyor, by conveyor index. */
  belts: BeltItem[][];
  movers: MoverRec[];
  /** Product of each part in the system. */
  products: Record<number, string>;
  released: number;
  finished: number;
  scrapped: number;
  consumed: number;
}

/** One server of a station. */
export interface ServerRec {
  /** Index into SERVER_STATES. */
  state: number;
  /** When the state began, seconds. */
  since: number;
  /** Seconds spent in each state before `since`, indexed like SERVER_STATES. */
  timeIn: number[];
  /** Parts on the machine. */
  parts: number[];
  /** Parts that started processing here. */
  started: number;
  failures: number;
}

/** An item on a belt: at `pos` metres at time `t0`, moving at `speed` m/s. */
export interface BeltItem {
  part: number;
  pos: number;
  speed: number;
  t0: number;
}

/** A robot or a crew member: a state and the straight trip it is on (or last made). */
export interface MoverRec {
  /** Index into ROBOT_STATES (robots) or CREW_STATES (crews). */
  state: number;
  since: number;
  /** Trip: at (fx, fy) at t0, at (tx, ty) at t1 (metres, seconds). */
  fx: number;
  fy: number;
  tx: number;
  ty: number;
  t0: number;
  t1: number;
  /** Part of its job (robots), or -1. */
  part: number;
  trips: number;
}

/** Index tables of a layout: names → instance numbers. Built once, shared by feed, scene and panels. */
export interface LayoutIndex {
  readonly info: RunInfo;
  /** Station id → index of its first server (servers are consecutive). */
  readonly firstServer: ReadonlyMap<string, number>;
  /** Per server: its station id and server number. */
  readonly serverOf: readonly { readonly station: string; readonly server: number }[];
  /** Conveyor id → conveyor index (layout order). */
  readonly belt: ReadonlyMap<string, number>;
  /** `group/member` → mover index (robots first, then crews). */
  readonly mover: ReadonlyMap<string, number>;
  /** Per mover: group, member, whether it is a robot (else a crew), and its home. */
  readonly moverOf: readonly {
    readonly group: string;
    readonly member: string;
    readonly robot: boolean;
    readonly home: Point;
  }[];
  readonly robotCount: number;
}

/** Numbers the entities of a layout. */
export function indexLayout(info: RunInfo): LayoutIndex {
  const { layout } = info;
  const firstServer = new Map<string, number>();
  const serverOf: { station: string; server: number }[] = [];
  for (const st of layout.stations) {
    firstServer.set(st.id, serverOf.length);
    for (let s = 0; s < st.servers; s++) serverOf.push({ station: st.id, server: s });
  }
  const belt = new Map(layout.conveyors.map((c, i) => [c.id, i]));
  const mover = new Map<string, number>();
  const moverOf: { group: string; member: string; robot: boolean; home: Point }[] = [];
  for (const f of layout.robots)
    for (const r of f.robots) {
      mover.set(`${f.id}/${r.id}`, moverOf.length);
      moverOf.push({ group: f.id, member: r.id, robot: true, home: r.home });
    }
  const robotCount = moverOf.length;
  for (const p of layout.crews)
    for (const c of p.crews) {
      mover.set(`${p.id}/${c.id}`, moverOf.length);
      moverOf.push({ group: p.id, member: c.id, robot: false, home: c.home });
    }
  return { info, firstServer, serverOf, belt, mover, moverOf, robotCount };
}

/** The state at time 0 before any frame: every server idle, nothing anywhere, movers at home. */
export function emptyState(index: LayoutIndex): PlantState {
  return {
    t: 0,
    servers: index.serverOf.map(() => ({
      state: SERVER_STATES.indexOf('idle'),
      since: 0,
      timeIn: SERVER_STATES.map(() => 0),
      parts: [],
      started: 0,
      failures: 0,
    })),
    levels: {},
    belts: index.info.layout.conveyors.map(() => []),
    movers: index.moverOf.map((m) => ({
      state: 0,
      since: 0,
      fx: m.home.x,
      fy: m.home.y,
      tx: m.home.x,
      ty: m.home.y,
      t0: 0,
      t1: 0,
      part: -1,
      trips: 0,
    })),
    products: {},
    released: 0,
    finished: 0,
    scrapped: 0,
    consumed: 0,
  };
}

/** Parts in the system now. */
export function wip(state: PlantState): number {
  return state.released - state.finished - state.scrapped - state.consumed;
}

/**
 * Applies one frame to the state (frames must come in time order). A keyframe replaces what it describes
 * (states, contents, positions, counters) and keeps the time-in-state totals gathered so far. Unknown ids
 * are skipped: the rest of the view must still work.
 */
export function applyFrame(index: LayoutIndex, s: PlantState, f: Frame): void {
  if (f.t > s.t) s.t = f.t;
  if (f.k === 'keyframe') {
    applySnapshot(index, s, f.snapshot);
    return;
  }
  if (f.k === 'end') return;
  applyDelta(index, s, f);
}

function applyDelta(index: LayoutIndex, s: PlantState, f: DeltaFrame): void {
  switch (f.k) {
    case 'server': {
      const rec = server(index, s, f.station, f.server);
      if (rec === undefined) return;
      setServerState(rec, SERVER_STATES.indexOf(f.state), f.t);
      return;
    }
    case 'buffer':
      s.levels[f.buffer] = f.level;
      return;
    case 'item': {
      const items = s.belts[index.belt.get(f.conveyor) ?? -1];
      if (items === undefined) return;
      const item = items.find((i) => i.part === f.part);
      if (item === undefined) items.push({ part: f.part, pos: f.positionM, speed: f.speedMps, t0: f.t });
      else {
        item.pos = f.positionM;
        item.speed = f.speedMps;
        item.t0 = f.t;
      }
      return;
    }
    case 'moved': {
      const items = s.belts[index.belt.get(f.from) ?? -1];
      if (items !== undefined) {
        const at = items.findIndex((i) => i.part === f.part);
        if (at >= 0) items.splice(at, 1);
      }
      const from = holder(index, s, f.from);
      if (from !== undefined) remove(from.parts, f.part);
      holder(index, s, f.to)?.parts.push(f.part);
      return;
    }
    case 'started': {
      const rec = server(index, s, f.station, f.server);
      if (rec === undefined) return;
      rec.started++;
      if (!rec.parts.includes(f.part)) rec.parts.push(f.part);
      return;
    }
    case 'released':
      s.released++;
      s.products[f.part] = f.product;
      return;
    case 'left':
      if (f.why === 'finished') s.finished++;
      else if (f.why === 'scrapped') s.scrapped++;
      else s.consumed++;
      for (const srv of s.servers) remove(srv.parts, f.part);
      delete s.products[f.part];
      return;
    case 'counters':
      s.released = f.counters.released + f.counters.assembled;
      s.finished = f.counters.finished;
      s.scrapped = f.counters.scrapped;
      s.consumed = f.counters.consumed;
      return;
    case 'robot': {
      const m = s.movers[index.mover.get(`${f.fleet}/${f.robot}`) ?? -1];
      if (m === undefined) return;
      m.state = ROBOT_STATES.indexOf(f.state);
      m.since = f.t;
      return;
    }
    case 'robot-job': {
      const m = s.movers[index.mover.get(`${f.fleet}/${f.robot}`) ?? -1];
      if (m !== undefined) m.part = f.phase === 'start' ? f.part : -1;
      return;
    }
    case 'crew': {
      const m = s.movers[index.mover.get(`${f.pool}/${f.crew}`) ?? -1];
      if (m === undefined) return;
      m.state = CREW_STATES.indexOf(f.state);
      m.since = f.t;
      return;
    }
    case 'robot-move':
    case 'crew-move': {
      const m = s.movers[index.mover.get(`${f.group}/${f.member}`) ?? -1];
      if (m === undefined) return;
      m.fx = f.from.x;
      m.fy = f.from.y;
      m.tx = f.to.x;
      m.ty = f.to.y;
      m.t0 = f.t;
      m.t1 = f.arriveT;
      m.trips++;
      return;
    }
    case 'failed': {
      const rec = server(index, s, f.station, f.server);
      if (rec !== undefined) rec.failures++;
      return;
    }
    default:
      return;
  }
}

/** Takes states, contents, positions and counters from a snapshot; time-in-state totals carry on. */
function applySnapshot(index: LayoutIndex, s: PlantState, snap: PlantSnapshot): void {
  const t = snap.t;
  for (const [id, st] of Object.entries(snap.stations)) {
    st.servers.forEach((sv, i) => {
      const rec = server(index, s, id, i);
      if (rec === undefined) return;
      const state = SERVER_STATES.indexOf(sv.state);
      if (state !== rec.state) setServerState(rec, state, t);
      rec.parts = [...sv.parts];
    });
  }
  for (const [id, b] of Object.entries(snap.buffers)) s.levels[id] = b.parts.length;
  for (const [id, c] of Object.entries(snap.conveyors)) {
    const b = index.belt.get(id);
    if (b === undefined) continue;
    s.belts[b] = c.items.map((i) => ({ part: i.part, pos: i.positionM, speed: i.speedMps, t0: t }));
  }
  const movers: [
    string,
    { id: string; state: string; position: { x: number; y: number } | null; motion: unknown },
  ][] = [];
  for (const [fleet, f] of Object.entries(snap.robots)) for (const r of f.robots) movers.push([fleet, r]);
  for (const [pool, p] of Object.entries(snap.crews)) for (const c of p.crews) movers.push([pool, c]);
  for (const [group, m] of movers) {
    const i = index.mover.get(`${group}/${m.id}`);
    const rec = i === undefined ? undefined : s.movers[i];
    if (rec === undefined) continue;
    const robot = index.moverOf[i!]!.robot;
    const state = (robot ? (ROBOT_STATES as readonly string[]) : (CREW_STATES as readonly string[])).indexOf(
      m.state,
    );
    if (state !== rec.state) {
      rec.state = state;
      rec.since = t;
    }
    const motion = m.motion as { from: Point; to: Point; fromT: number; toT: number } | null;
    if (motion !== null) {
      rec.fx = motion.from.x;
      rec.fy = motion.from.y;
      rec.tx = motion.to.x;
      rec.ty = motion.to.y;
      rec.t0 = motion.fromT;
      rec.t1 = motion.toT;
    } else if (m.position !== null) {
      rec.fx = rec.tx = m.position.x;
      rec.fy = rec.ty = m.position.y;
      rec.t0 = rec.t1 = t;
    }
  }
  for (const [fleet, f] of Object.entries(snap.robots))
    for (const r of f.robots) {
      const rec = s.movers[index.mover.get(`${fleet}/${r.id}`) ?? -1];
      if (rec !== undefined) rec.part = r.job?.part ?? -1;
    }
  s.products = {};
  for (const p of snap.parts) s.products[p.id] = p.product;
  const c = snap.counters;
  s.released = c.released + c.assembled;
  s.finished = c.finished;
  s.scrapped = c.scrapped;
  s.consumed = c.consumed;
}

function setServerState(rec: ServerRec, state: number, t: number): void {
  rec.timeIn[rec.state]! += Math.max(0, t - rec.since);
  rec.state = state;
  rec.since = t;
}

function server(index: LayoutIndex, s: PlantState, station: string, n: number): ServerRec | undefined {
  const first = index.firstServer.get(station);
  return first === undefined ? undefined : s.servers[first + n];
}

/** The server a holder id `station/server` names, if any. */
function holder(index: LayoutIndex, s: PlantState, id: string): ServerRec | undefined {
  const slash = id.lastIndexOf('/');
  if (slash < 0) return undefined;
  return server(index, s, id.slice(0, slash), Number(id.slice(slash + 1)));
}

function remove(list: number[], part: number): void {
  const at = list.indexOf(part);
  if (at >= 0) list.splice(at, 1);
}

/**
 * Where a mover is at time `t` (seconds), written into `out` (no allocation): linear along its trip from
 * `(fx, fy)` at `t0` to `(tx, ty)` at `t1`, clamped to the ends.
 */
export function moverAt(m: MoverRec, t: number, out: { x: number; y: number }): void {
  const f = m.t1 <= m.t0 ? 1 : Math.min(1, Math.max(0, (t - m.t0) / (m.t1 - m.t0)));
  out.x = m.fx + (m.tx - m.fx) * f;
  out.y = m.fy + (m.ty - m.fy) * f;
}

/** Distance of a belt item from the entrance at time `t`, metres, clamped to `[0, lengthM]`. */
export function beltPos(item: BeltItem, t: number, lengthM: number): number {
  return Math.min(lengthM, Math.max(0, item.pos + item.speed * (t - item.t0)));
}
