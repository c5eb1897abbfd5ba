import { formatSimTime } from '../feed/format.js';
import { STATE_LABELS } from '../feed/palette.js';
import type { LayoutIndex, PlantState } from '../feed/plant-state.js';
import { CREW_STATES, ROBOT_STATES, SERVER_STATES } from '../feed/types.js';
import type { Pick } from '../scene/plant-scene.js';

/**
 * The picked object's panel: its state, time in each state so far, the part(s) it holds and its counters.
 * Rows are `data-field` elements, so a test reads the same thing as a person.
 */
export function renderPicked(
  host: HTMLElement,
  index: LayoutIndex,
  pick: Pick | null,
  s: PlantState,
  t: number,
): void {
  host.replaceChildren();
  if (pick === null) {
    host.append(row('hint', 'Click a machine, robot, crew, belt or buffer.'));
    return;
  }
  const title = document.createElement('h3');
  host.append(title);
  host.dataset.kind = pick.kind;
  if (pick.kind === 'server') {
    const { station, server } = index.serverOf[pick.index]!;
    const rec = s.servers[pick.index]!;
    const st = index.info.layout.stations.find((e) => e.id === station);
    title.textContent = (st?.servers ?? 1) > 1 ? `${station} · server ${server}` : station;
    host.dataset.entity = station;
    const state = SERVER_STATES[rec.state]!;
    host.append(row('state', `state: ${STATE_LABELS[state]}`, state));
    host.append(row('since', `since ${formatSimTime(rec.since)}`));
    const table = document.createElement('table');
    table.className = 'time-in-state';
    SERVER_STATES.forEach((name, i) => {
      const secs = rec.timeIn[i]! + (i === rec.state ? Math.max(0, t - rec.since) : 0);
      if (secs <= 0) return;
      const tr = table.insertRow();
      tr.dataset.state = name;
      tr.insertCell().textContent = STATE_LABELS[name];
      tr.insertCell().textContent = formatSimTime(secs);
      tr.insertCell().textContent = `${t > 0 ? ((100 * secs) / t).toFixed(1) : '0'} %`;
    });
    host.append(table);
    const parts = rec.parts.map((p) => `part ${p} (${s.products[p] ?? '?'})`).join(', ') || 'none';
    host.append(row('part', `on the machine: ${parts}`));
    const queue = st === undefined ? 0 : (s.levels[st.input] ?? 0);
    host.append(row('queue', `waiting in front: ${queue}`));
    host.append(row('started', `parts started: ${rec.started}`));
    host.append(row('failures', `failures: ${rec.failures}`));
    return;
  }
  if (pick.kind === 'mover') {
    const m = index.moverOf[pick.index]!;
    const rec = s.movers[pick.index]!;
    title.textContent = `${m.group} ${m.member}`;
    host.dataset.entity = `${m.group}/${m.member}`;
    const state = (m.robot ? ROBOT_STATES : CREW_STATES)[rec.state] ?? '?';
    host.append(row('state', `state: ${state}`, state));
    host.append(row('since', `since ${formatSimTime(rec.since)}`));
    if (m.robot) {
      const holding = rec.part >= 0 && rec.state >= 3 ? `part ${rec.part}` : 'nothing';
      host.append(row('part', `carrying: ${holding}`));
    }
    host.append(row('trips', `trips: ${rec.trips}`));
    return;
  }
  if (pick.kind === 'conveyor') {
    const id = index.info.layout.conveyors[pick.index]!.id;
    title.textContent = id;
    host.dataset.entity = id;
    const items = s.belts[pick.index]!;
    host.append(row('items', `items on the belt: ${items.length}`));
    host.append(row('part', `parts: ${items.map((i) => i.part).join(', ') || 'none'}`));
    return;
  }
  const { layout } = index.info;
  const e = (
    pick.kind === 'buffer' ? layout.buffers : pick.kind === 'source' ? layout.sources : layout.sinks
  )[pick.index];
  title.textContent = e?.id ?? pick.kind;
  if (e !== undefined) host.dataset.entity = e.id;
  if (pick.kind === 'buffer' && e !== undefined)
    host.append(row('level', `parts held: ${s.levels[e.id] ?? 0}`));
  host.append(row('counters', `released ${s.released} · finished ${s.finished} · scrapped ${s.scrapped}`));
}

function row(field: string, text: string, value?: string): HTMLElement {
  const el = document.createElement('div');
  el.dataset.field = field;
  if (value !== undefined) el.dataset.value = value;
  el.textContent = text;
  return el;
}
