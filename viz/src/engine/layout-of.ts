import type { BuiltModel, Scenario } from '../../../src/index.js';
import type { Layout, Point } from '../feed/types.js';

/** Grid pitch for entities without a position, metres. */
const PITCH_M = 8;

/**
 * The `src/stream` layout of a scenario, for the in-page engine: every entity at its scenario position or
 * (`derived`) on a grid: stations in a row in file order, sources to their left, sinks to their right.
 */
export function layoutOf(scenario: Scenario, model: BuiltModel): Layout {
  const at = new Map<string, Point>();
  const stations = scenario.stations.map((st, i) => {
    const position = st.position ?? { x: i * PITCH_M, y: 0 };
    at.set(st.id, position);
    return {
      id: st.id,
      kind: 'station' as const,
      position,
      placement: st.position === undefined ? ('derived' as const) : ('scenario' as const),
      size: { width: st.size?.width ?? 2.5, depth: st.size?.depth ?? 2, height: st.size?.height ?? 1.8 },
      servers: st.servers,
      input: model.plant.stations.get(st.id)?.input.id ?? `${st.id}/queue`,
      batchSize: st.batch?.size ?? 1,
      tendedBy: st.tendedBy ?? null,
      assembles: st.assembly?.output ?? null,
      inspects: st.inspection !== undefined,
    };
  });
  const xs = stations.map((s) => s.position.x);
  const ys = stations.map((s) => s.position.y);
  const min = { x: Math.min(...xs) - PITCH_M, y: Math.min(...ys) - PITCH_M };
  const max = { x: Math.max(...xs) + PITCH_M, y: Math.max(...ys) + PITCH_M };
  const midY = (min.y + max.y) / 2;
  const derived = 'derived' as const;
  return {
    stations,
    buffers: stations.map((st) => ({
      id: st.input,
      kind: 'buffer' as const,
      position: st.position,
      placement: derived,
      capacity: scenario.buffers.find((b) => b.id === st.input)?.capacity ?? null,
      station: st.id,
    })),
    conveyors: scenario.conveyors.map((c) => {
      const end = at.get(c.to) ?? { x: 0, y: 0 };
      const start = (c.from === undefined ? undefined : at.get(c.from)) ?? { x: end.x - c.length, y: end.y };
      return {
        id: c.id,
        kind: 'conveyor' as const,
        from: c.from ?? null,
        to: c.to,
        start,
        end,
        placement: derived,
        lengthM: c.length,
        speedMps: c.speed,
        spacingM: c.spacing,
        accumulating: c.accumulating,
        capacity: Math.floor(c.length / c.spacing + 1e-9),
      };
    }),
    robots: scenario.robots.map((r) => ({
      id: r.id,
      kind: 'robots' as const,
      style: scenario.stations.some((s) => s.tendedBy === r.id) ? ('arm' as const) : ('agv' as const),
      tends: scenario.stations.filter((s) => s.tendedBy === r.id).map((s) => s.id),
      speedEmptyMps: r.speedEmpty,
      speedLoadedMps: r.speedLoaded,
      returnHome: r.returnHome ?? false,
      robots: Array.from({ length: r.count }, (_, k) => ({
        id: String(k + 1),
        home: r.park ?? { x: min.x, y: max.y },
        placement: r.park === undefined ? derived : ('scenario' as const),
      })),
    })),
    crews:
      scenario.crews.length === 0
        ? []
        : [
            {
              id: 'crews',
              kind: 'crews' as const,
              speedMps: null,
              crews: scenario.crews.flatMap((c) =>
                (model.crewMembers.get(c.id) ?? [c.id]).map((id) => ({
                  id,
                  group: c.id,
                  skills: c.skills ?? [],
                  home: c.home ?? { x: max.x, y: max.y },
                  placement: c.home === undefined ? derived : ('scenario' as const),
                })),
              ),
            },
          ],
    // Operators as the builder names them: `1`…`size`, or the listed members with the pool's defaults.
    operators: scenario.operators.map((o) => ({
      id: o.id,
      kind: 'operators' as const,
      speedMps: o.travel?.speed ?? null,
      operators: (o.members === undefined
        ? Array.from({ length: o.size ?? 1 }, (_, k) => ({
            id: String(k + 1),
            skills: o.skills,
            home: o.home,
          }))
        : o.members.map((m) => ({ id: m.id, skills: m.skills ?? o.skills, home: m.home ?? o.home }))
      ).map((m) => ({
        id: m.id,
        skills: m.skills ?? [],
        home: m.home ?? { x: min.x, y: midY + 5 },
        placement: m.home === undefined ? derived : ('scenario' as const),
      })),
    })),
    sources: scenario.sources.map((s, i) => ({
      id: s.id,
      kind: 'source' as const,
      products: 'product' in s && typeof s.product === 'string' ? [s.product] : [],
      position: { x: min.x, y: midY + i * 3 },
      placement: derived,
    })),
    sinks: scenario.sinks.map((s, i) => ({
      id: s.id,
      kind: 'sink' as const,
      position: { x: max.x, y: midY + i * 3 },
      placement: derived,
    })),
    products: scenario.products.map((p) => ({
      id: p.id,
      routing: p.routing.map((step) => ('station' in step ? String(step.station) : '')),
    })),
    bounds: { min, max },
  };
}
