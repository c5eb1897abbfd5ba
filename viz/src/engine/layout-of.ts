import type { BuiltModel, Scenario } from '../../../src/index.js';
import type { Layout, LayoutEntity, Point } from '../feed/types.js';

/** Grid pitch for entities without a position, metres. */
const PITCH_M = 8;

/**
 * The viewer's layout of a scenario: every station, buffer, conveyor, robot fleet, crew pool, source and sink,
 * at its scenario position, or (without one) on a grid: stations in a row in file order, sources to their
 * left, sinks to their right, buffers in front of the station they feed.
 */
export function layoutOf(scenario: Scenario, model: BuiltModel, seed: number): Layout {
  const entities: LayoutEntity[] = [];
  const place = new Map<string, Point>();
  scenario.stations.forEach((st, i) => {
    const p = st.position ?? { x: i * PITCH_M, y: 0 };
    place.set(st.id, p);
    entities.push({
      id: st.id,
      kind: 'station',
      x: p.x,
      y: p.y,
      width: st.size?.width ?? 2.5,
      depth: st.size?.depth ?? 2,
      height: st.size?.height ?? 1.8,
      servers: st.servers,
      input: model.plant.stations.get(st.id)?.input.id,
    });
  });
  const xs = [...place.values()].map((p) => p.x);
  const ys = [...place.values()].map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2;
  scenario.sources.forEach((s, i) => {
    entities.push({ id: s.id, kind: 'source', x: minX - PITCH_M, y: midY + i * 3, width: 1, depth: 1, height: 0.5 });
  });
  scenario.sinks.forEach((s, i) => {
    entities.push({ id: s.id, kind: 'sink', x: maxX + PITCH_M, y: midY + i * 3, width: 1, depth: 1, height: 0.5 });
  });
  for (const b of scenario.buffers) {
    const fed = scenario.stations.find((st) => st.input === b.id);
    const at = fed === undefined ? { x: minX, y: midY - PITCH_M } : place.get(fed.id)!;
    entities.push({ id: b.id, kind: 'buffer', x: at.x - 2.2, y: at.y + 2.2, width: 1, depth: 1, height: 0.2 });
  }
  for (const c of scenario.conveyors) {
    const to = place.get(c.to) ?? { x: 0, y: 0 };
    const from = (c.from === undefined ? undefined : place.get(c.from)) ?? { x: to.x - c.length, y: to.y };
    entities.push({
      id: c.id,
      kind: 'conveyor',
      x: (from.x + to.x) / 2,
      y: (from.y + to.y) / 2,
      width: Math.hypot(to.x - from.x, to.y - from.y),
      depth: 0.8,
      height: 0.6,
      from,
      to,
      lengthM: c.length,
    });
  }
  for (const r of scenario.robots) {
    const home = r.park ?? { x: minX, y: midY + PITCH_M };
    const members = Array.from({ length: r.count }, (_, k) => String(k + 1));
    entities.push({ id: r.id, kind: 'robot', x: home.x, y: home.y, width: 1, depth: 1, height: 1, members });
  }
  for (const c of scenario.crews) {
    const home = c.home ?? { x: maxX, y: midY + PITCH_M };
    const members = [...(model.crewMembers.get(c.id) ?? [c.id])];
    entities.push({ id: c.id, kind: 'crew', x: home.x, y: home.y, width: 0.6, depth: 0.6, height: 1.8, members });
  }
  return {
    name: scenario.name ?? 'scenario',
    seed,
    horizonS: scenario.run.horizon,
    start: scenario.run.start ?? null,
    entities,
  };
}
