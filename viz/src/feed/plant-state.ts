import {
  CREW_STATES,
  type FeedEvent,
  type Layout,
  type Point,
  ROBOT_STATES,
  SERVER_STATES,
} from './types.js';

/**
 * The observable state of the plant at one instant, rebuilt from events: per server its state, since when,
 * time in each state so far and its part; buffer levels; items on belts; robots and crews with their trips;
 * counters. Entities are numbered once from the layout, and those numbers are the scene's instance indices
 * (the join key between data, drawing and picking). Plain data throughout, so `structuredClone` copies it
 * (keyframes) and a Web Worker can send it.
 */
export interface PlantState {
  /** Simulated time of the last event applied, seconds. */
  t: number;
  servers: ServerRec[];
  /** Level by buffer id (station input queues included). */
  levels: Record<string, number>;
  /** Items on each conveyor, by conveyor index. */
  belts: BeltItem[][];
  movers: MoverRec[];
  /** Where each part in the system is (holder id) and its product. */
  parts: Record<number, { where: string; product: string }>;
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
  /** Part on the server, or -1. */
  part: number;
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
  fx: number;
  fy: number;
  tx: number;
  ty: number;
  /** m/s; the trip started at `t0`. */
  speed: number;
  t0: number;
  /** Part held (robots), or -1. */
  part: number;
  trips: number;
}

/** Index tables of a layout: names → instance numbers. Built once, shared by feed, scene and panels. */
export interface LayoutIndex {
  readonly layout: Layout;
  /** Station id → index of its first server (servers are consecutive). */
  readonly firstServer: ReadonlyMap<string, number>;
  /** Per server: its station id and server number. */
  readonly serverOf: readonly { readonly station: string; readonly server: number }[];
  /** Conveyor id → conveyor index. */
  readonly belt: ReadonlyMap<string, number>;
  readonly beltIds: readonly string[];
  /** `group/member` → mover index (robots first, then crews). */
  readonly mover: ReadonlyMap<string, number>;
  /** Per mover: group, member, and whether it is a robot (else a crew). */
  readonly moverOf: readonly { readonly group: string; readonly member: string; readonly robot: boolean; readonly home: Point }[];
}

/** Numbers the entities of a layout. */
export function indexLayout(layout: Layout): LayoutIndex {
  const firstServer = new Map<string, number>();
  const serverOf: { station: string; server: number }[] = [];
  const belt = new Map<string, number>();
  const beltIds: string[] = [];
  const mover = new Map<string, number>();
  const moverOf: { group: string; member: string; robot: boolean; home: Point }[] = [];
  for (const e of layout.entities) {
    if (e.kind === 'station') {
      firstServer.set(e.id, serverOf.length);
      for (let s = 0; s < (e.servers ?? 1); s++) serverOf.push({ station: e.id, server: s });
    } else if (e.kind === 'conveyor') {
      belt.set(e.id, beltIds.length);
      beltIds.push(e.id);
    }
  }
  for (const robots of [true, false]) {
    for (const e of layout.entities) {
      if (e.kind !== (robots ? 'robot' : 'crew')) continue;
      for (const m of e.members ?? [e.id]) {
        mover.set(`${e.id}/${m}`, moverOf.length);
        moverOf.push({ group: e.id, member: m, robot: robots, home: { x: e.x, y: e.y } });
      }
    }
  }
  return { layout, firstServer, serverOf, belt, beltIds, mover, moverOf };
}

/** The state at time 0 before any event: every server idle, nothing anywhere, movers at home. */
export function emptyState(index: LayoutIndex): PlantState {
  return {
    t: 0,
    servers: index.serverOf.map(() => ({
      state: SERVER_STATES.indexOf('idle'),
      since: 0,
      timeIn: SERVER_STATES.map(() => 0),
      part: -1,
      started: 0,
      failures: 0,
    })),
    levels: {},
    belts: index.beltIds.map(() => []),
    movers: index.moverOf.map((m) => ({
      state: 0,
      since: 0,
      fx: m.home.x,
      fy: m.home.y,
      tx: m.home.x,
      ty: m.home.y,
      speed: 1,
      t0: 0,
      part: -1,
      trips: 0,
    })),
    parts: {},
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
 * Applies one event to the state (events must come in time order). Unknown ids are ignored on purpose: a
 * layout may leave out entities it cannot place, and the view should still show the rest.
 */
export function applyEvent(index: LayoutIndex, s: PlantState, e: FeedEvent): void {
  s.t = e.t;
  switch (e.k) {
    case 'server': {
      const first = index.firstServer.get(e.station);
      const rec = first === undefined ? undefined : s.servers[first + e.server];
      if (rec === undefined) return;
      rec.timeIn[rec.state]! += e.t - rec.since;
      rec.state = SERVER_STATES.indexOf(e.state);
      rec.since = e.t;
      return;
    }
    case 'level':
      s.levels[e.id] = e.level;
      return;
    case 'belt': {
      const b = index.belt.get(e.id);
      const items = b === undefined ? undefined : s.belts[b];
      if (items === undefined) return;
      const item = items.find((i) => i.part === e.part);
      if (item === undefined) items.push({ part: e.part, pos: e.pos, speed: e.speed, t0: e.t });
      else {
        item.pos = e.pos;
        item.speed = e.speed;
        item.t0 = e.t;
      }
      return;
    }
    case 'move': {
      const b = index.belt.get(e.from);
      if (b !== undefined) {
        const items = s.belts[b]!;
        const at = items.findIndex((i) => i.part === e.part);
        if (at >= 0) items.splice(at, 1);
      }
      const from = serverAt(index, s, e.from);
      if (from !== undefined && from.part === e.part) from.part = -1;
      const to = serverAt(index, s, e.to);
      if (to !== undefined) {
        to.part = e.part;
        to.started++;
      }
      const p = s.parts[e.part];
      if (p !== undefined) p.where = e.to;
      return;
    }
    case 'released':
      s.released++;
      s.parts[e.part] = { where: '', product: e.product };
      return;
    case 'left':
      if (e.how === 'finished') s.finished++;
      else if (e.how === 'scrapped') s.scrapped++;
      else s.consumed++;
      for (const srv of s.servers) if (srv.part === e.part) srv.part = -1;
      delete s.parts[e.part];
      return;
    case 'robot': {
      const m = s.movers[index.mover.get(`${e.fleet}/${e.robot}`) ?? -1];
      if (m === undefined) return;
      m.state = ROBOT_STATES.indexOf(e.state);
      m.since = e.t;
      if (e.state === 'idle') m.part = -1;
      return;
    }
    case 'crew': {
      const m = s.movers[index.mover.get(`${e.pool}/${e.crew}`) ?? -1];
      if (m === undefined) return;
      m.state = CREW_STATES.indexOf(e.state);
      m.since = e.t;
      return;
    }
    case 'trip': {
      const m = s.movers[index.mover.get(`${e.group}/${e.member}`) ?? -1];
      if (m === undefined) return;
      m.fx = e.from.x;
      m.fy = e.from.y;
      m.tx = e.to.x;
      m.ty = e.to.y;
      m.speed = e.speed;
      m.t0 = e.t;
      m.trips++;
      return;
    }
    case 'carry': {
      const m = s.movers[index.mover.get(`${e.fleet}/${e.robot}`) ?? -1];
      if (m !== undefined) m.part = e.part;
      return;
    }
    case 'failed': {
      const first = index.firstServer.get(e.station);
      const rec = first === undefined ? undefined : s.servers[first + e.server];
      if (rec !== undefined) rec.failures++;
      return;
    }
  }
}

/** The server a holder id `station/server` names, if any. */
function serverAt(index: LayoutIndex, s: PlantState, holder: string): ServerRec | undefined {
  const slash = holder.lastIndexOf('/');
  if (slash < 0) return undefined;
  const first = index.firstServer.get(holder.slice(0, slash));
  if (first === undefined) return undefined;
  return s.servers[first + Number(holder.slice(slash + 1))];
}

/**
 * Where a mover is at time `t` (seconds), written into `out` (no allocation): along its straight trip from
 * `(fx, fy)` at `speed` m/s since `t0`, stopped at the end.
 */
export function moverAt(m: MoverRec, t: number, out: { x: number; y: number }): void {
  const dx = m.tx - m.fx;
  const dy = m.ty - m.fy;
  const dist = Math.hypot(dx, dy);
  const f = dist === 0 ? 1 : Math.min(1, Math.max(0, ((t - m.t0) * m.speed) / dist));
  out.x = m.fx + dx * f;
  out.y = m.fy + dy * f;
}

/** Distance of a belt item from the entrance at time `t`, metres, clamped to `[0, lengthM]`. */
export function beltPos(item: BeltItem, t: number, lengthM: number): number {
  return Math.min(lengthM, Math.max(0, item.pos + item.speed * (t - item.t0)));
}
