import { Conveyor, RobotFleet } from '../entities/index.js';
import type { BuiltModel, Scenario } from '../scenario/index.js';
import type {
  BufferLayout,
  ConveyorLayout,
  CrewPoolLayout,
  Footprint,
  Layout,
  OperatorPoolLayout,
  Placement,
  Point,
  RobotFleetLayout,
  SinkLayout,
  SourceLayout,
  StationLayout,
} from './frames.js';

/** Footprint of a station the scenario gives no size, metres. */
const DEFAULT_SIZE: Footprint = { width: 2, depth: 2, height: 1.5 };
/** Height of a station whose size gives none, metres. */
const DEFAULT_HEIGHT_M = 1.5;
/** Spacing of stations placed in a row when the scenario places none, metres. */
const ROW_SPACING_M = 8;
/** How far in front of its station a buffer, and before its first station a source, is drawn, metres. */
const QUEUE_OFFSET_M = 1.5;
const SOURCE_OFFSET_M = 5;

/**
 * The layout of a built model for a viewer: every entity with its id, kind and position (metres) and what
 * is needed to draw it. Positions come from the scenario where it gives them (`placement: 'scenario'`);
 * the others are placed here (`'derived'`): stations without a position in a row along y = −10 m (or
 * y = 0 when none has one), a buffer just before its station, a source before the first station of its
 * products, sinks after the rightmost station, a robot or crew without a home at its first station, an
 * operator without a home where a crew without one stands.
 */
export function buildLayout(scenario: Scenario, model: BuiltModel): Layout {
  const plant = model.plant;
  const placed = scenario.stations.some((s) => s.position !== undefined);
  const stationPos = new Map<string, { p: Point; placement: Placement; size: Footprint }>();
  let row = 0;
  for (const s of scenario.stations) {
    const size: Footprint =
      s.size === undefined
        ? DEFAULT_SIZE
        : { width: s.size.width, depth: s.size.depth, height: s.size.height ?? DEFAULT_HEIGHT_M };
    if (s.position !== undefined) {
      stationPos.set(s.id, { p: { x: s.position.x, y: s.position.y }, placement: 'scenario', size });
    } else {
      stationPos.set(s.id, {
        p: { x: row++ * ROW_SPACING_M, y: placed ? -10 : 0 },
        placement: 'derived',
        size,
      });
    }
  }
  const posOf = (id: string | undefined): Point | undefined =>
    id === undefined ? undefined : stationPos.get(id)?.p;
  const all = [...stationPos.values()].map((v) => v.p);
  const minX = Math.min(...all.map((p) => p.x));
  const maxX = Math.max(...all.map((p) => p.x));
  const meanY = all.reduce((sum, p) => sum + p.y, 0) / all.length;

  const stations: StationLayout[] = scenario.stations.map((s) => {
    const at = stationPos.get(s.id)!;
    const built = plant.stations.get(s.id);
    return {
      id: s.id,
      kind: 'station',
      position: at.p,
      placement: at.placement,
      size: at.size,
      servers: s.servers,
      input: built?.input.id ?? s.input ?? `${s.id}/queue`,
      batchSize: s.batch?.size ?? 1,
      tendedBy: s.tendedBy ?? null,
      assembles: s.assembly?.output ?? null,
      inspects: s.inspection !== undefined,
    };
  });

  const buffers: BufferLayout[] = [];
  for (const [id, b] of plant.buffers) {
    const station = b.consumerStation === '' ? null : b.consumerStation;
    const at = station === null ? undefined : stationPos.get(station);
    const position =
      at === undefined
        ? { x: minX - QUEUE_OFFSET_M, y: meanY }
        : { x: at.p.x - at.size.width / 2 - QUEUE_OFFSET_M, y: at.p.y };
    buffers.push({
      id,
      kind: 'buffer',
      position,
      placement: 'derived',
      capacity: Number.isFinite(b.capacity) ? b.capacity : null,
      station,
    });
  }

  const conveyors: ConveyorLayout[] = [];
  for (const c of scenario.conveyors) {
    const built = plant.carriers.get(c.id);
    const start = posOf(c.from);
    const end = posOf(c.to);
    const fromPlaced = c.from !== undefined && stationPos.get(c.from)?.placement === 'scenario';
    const toPlaced = c.to !== undefined && stationPos.get(c.to)?.placement === 'scenario';
    const s = start ?? { x: minX, y: meanY - 5 };
    conveyors.push({
      id: c.id,
      kind: 'conveyor',
      from: c.from ?? null,
      to: c.to ?? null,
      start: s,
      end: end ?? { x: s.x + c.length, y: s.y },
      placement: fromPlaced && toPlaced ? 'scenario' : 'derived',
      lengthM: c.length,
      speedMps: c.speed,
      spacingM: c.spacing,
      accumulating: c.accumulating,
      capacity: built instanceof Conveyor ? built.capacity : Math.floor(c.length / c.spacing),
    });
  }

  const robots: RobotFleetLayout[] = scenario.robots.map((r) => {
    const tends = scenario.stations.filter((s) => s.tendedBy === r.id).map((s) => s.id);
    const carries = scenario.products.some(
      (p) => p.routing.some((step) => step.via === r.id) || p.exitVia === r.id,
    );
    const built = plant.carriers.get(r.id);
    const ids =
      built instanceof RobotFleet ? built.robotIds : Array.from({ length: r.count }, (_, k) => String(k + 1));
    const fallback = posOf(tends[0]) ?? { x: minX, y: meanY };
    return {
      id: r.id,
      kind: 'robots',
      style: tends.length > 0 && !carries ? 'arm' : 'agv',
      tends,
      speedEmptyMps: r.speedEmpty,
      speedLoadedMps: r.speedLoaded,
      returnHome: r.returnHome,
      robots: ids.map((id) => ({
        id,
        home: r.park ?? fallback,
        placement: r.park === undefined ? 'derived' : 'scenario',
      })),
    };
  });

  const crews: CrewPoolLayout[] = [];
  for (const [poolId] of plant.crewPools) {
    const members: CrewPoolLayout['crews'][number][] = [];
    for (const c of scenario.crews) {
      for (const id of model.crewMembers.get(c.id) ?? []) {
        members.push({
          id,
          group: c.id,
          skills: c.skills,
          home: c.home ?? { x: minX, y: meanY + 5 },
          placement: c.home === undefined ? 'derived' : 'scenario',
        });
      }
    }
    const speeds = scenario.crews.map((c) => c.travel?.speed).filter((v) => v !== undefined);
    crews.push({ id: poolId, kind: 'crews', speedMps: speeds[0] ?? null, crews: members });
  }

  // Members as the builder names them: `1`…`size`, or the listed members with the pool's defaults.
  const operators: OperatorPoolLayout[] = scenario.operators.map((o) => {
    const members =
      o.members === undefined
        ? Array.from({ length: o.size ?? 1 }, (_, k) => ({
            id: String(k + 1),
            skills: o.skills,
            home: o.home,
          }))
        : o.members.map((m) => ({ id: m.id, skills: m.skills ?? o.skills, home: m.home ?? o.home }));
    return {
      id: o.id,
      kind: 'operators',
      speedMps: o.travel?.speed ?? null,
      operators: members.map((m) => ({
        id: m.id,
        skills: m.skills,
        home: m.home ?? { x: minX, y: meanY + 5 },
        placement: m.home === undefined ? 'derived' : 'scenario',
      })),
    };
  });

  const sourceProducts = new Map<string, string[]>();
  for (const s of scenario.sources) {
    if (s.mix !== undefined) for (const m of s.mix) sourceProducts.set(`${s.id}.${m.product}`, [m.product]);
    else if (s.orders !== undefined) sourceProducts.set(s.id, [...new Set(s.orders.map((o) => o.product))]);
    else if (s.product !== undefined) sourceProducts.set(s.id, [s.product]);
  }
  const firstStation = (product: string): string | undefined => {
    const step = scenario.products.find((p) => p.id === product)?.routing[0];
    return step === undefined
      ? undefined
      : Array.isArray(step.station)
        ? step.station[0]
        : (step.station as string);
  };
  const sources: SourceLayout[] = [...plant.sources].map((id, i) => {
    const products = sourceProducts.get(id) ?? [];
    const first = posOf(firstStation(products[0] ?? ''));
    return {
      id,
      kind: 'source',
      products,
      position:
        first === undefined
          ? { x: minX - SOURCE_OFFSET_M * 2, y: meanY + i * 2 }
          : { x: first.x - SOURCE_OFFSET_M * 2, y: first.y + i * 0.5 },
      placement: 'derived',
    };
  });
  const sinks: SinkLayout[] = scenario.sinks.map((s, i) => ({
    id: s.id,
    kind: 'sink',
    position: { x: maxX + SOURCE_OFFSET_M * 2, y: meanY + i * 3 },
    placement: 'derived',
  }));

  const products = scenario.products.map((p) => ({
    id: p.id,
    routing: p.routing.map((step) =>
      Array.isArray(step.station) ? step.station[0]! : (step.station as string),
    ),
  }));

  const points: Point[] = [
    ...stations.map((s) => s.position),
    ...buffers.map((b) => b.position),
    ...conveyors.flatMap((c) => [c.start, c.end]),
    ...robots.flatMap((r) => r.robots.map((x) => x.home)),
    ...crews.flatMap((c) => c.crews.map((x) => x.home)),
    ...operators.flatMap((o) => o.operators.map((x) => x.home)),
    ...sources.map((s) => s.position),
    ...sinks.map((s) => s.position),
  ];
  const bounds = {
    min: { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) },
    max: { x: Math.max(...points.map((p) => p.x)), y: Math.max(...points.map((p) => p.y)) },
  };
  return { stations, buffers, conveyors, robots, crews, operators, sources, sinks, products, bounds };
}
