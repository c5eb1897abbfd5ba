import { parseQuantity } from './units.js';

/** A problem found by {@link checkReferences}, before its line is looked up. */
export interface ReferenceProblem {
  readonly message: string;
  readonly path: readonly (string | number)[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Element kinds that share one id namespace (their ids name random streams and entities). */
const ENTITY_SECTIONS = ['sources', 'buffers', 'stations', 'crews', 'sinks'] as const;

/**
 * Cross-reference checks of a scenario document, run on the raw parsed document (not the schema's
 * output) so that they are reported together with schema problems: whatever part of the document
 * has the right shape is checked. Never throws.
 *
 * Checks: duplicate ids (products among themselves; sources, buffers, stations, crews and sinks share
 * one namespace); routing steps, sources, orders and mixes naming unknown stations or products;
 * unknown input buffers and sinks; a buffer feeding two stations; a product with no sink when there
 * are several; failure and preventive skills no crew has (or no crew at all); crews travelling by
 * speed while a station they serve has no position; warmup >= horizon; an order due before release.
 */
export function checkReferences(doc: unknown): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  if (!isObj(doc)) return problems;
  const add = (message: string, ...path: (string | number)[]) => problems.push({ message, path });

  // Ids.
  const products = new Map<string, number>();
  list(doc.products).forEach((p, i) => {
    const id = isObj(p) ? str(p.id) : undefined;
    if (id === undefined) return;
    const first = products.get(id);
    if (first !== undefined)
      add(`duplicate product id "${id}" (also products[${first}])`, 'products', i, 'id');
    else products.set(id, i);
  });
  const entities = new Map<string, string>();
  const ids: Record<(typeof ENTITY_SECTIONS)[number], Set<string>> = {
    sources: new Set(),
    buffers: new Set(),
    stations: new Set(),
    crews: new Set(),
    sinks: new Set(),
  };
  for (const section of ENTITY_SECTIONS) {
    list(doc[section]).forEach((e, i) => {
      const id = isObj(e) ? str(e.id) : undefined;
      if (id === undefined) return;
      const first = entities.get(id);
      if (first !== undefined) add(`duplicate id "${id}" (also ${first})`, section, i, 'id');
      else entities.set(id, `${section}[${i}]`);
      ids[section].add(id);
    });
  }
  const known = (
    set: Set<string> | Map<string, number>,
    kind: string,
    id: unknown,
    ...path: (string | number)[]
  ) => {
    if (typeof id === 'string' && !set.has(id)) {
      const choices = [...set.keys()];
      const hint =
        choices.length === 0 ? `no ${kind} is defined` : `known: ${choices.slice(0, 8).join(', ')}`;
      add(`unknown ${kind} "${id}" (${hint})`, ...path);
    }
  };

  // Products: routing stations, sinks.
  const sinkCount = ids.sinks.size;
  list(doc.products).forEach((p, i) => {
    if (!isObj(p)) return;
    list(p.routing).forEach((step, j) => {
      if (isObj(step)) known(ids.stations, 'station', step.station, 'products', i, 'routing', j, 'station');
    });
    if (p.sink !== undefined) known(ids.sinks, 'sink', p.sink, 'products', i, 'sink');
    else if (sinkCount > 1) add(`several sinks exist: say which one with sink`, 'products', i);
  });

  // Sources: products, mixes, orders.
  list(doc.sources).forEach((s, i) => {
    if (!isObj(s)) return;
    known(products, 'product', s.product, 'sources', i, 'product');
    list(s.mix).forEach((m, j) => {
      if (isObj(m)) known(products, 'product', m.product, 'sources', i, 'mix', j, 'product');
    });
    list(s.orders).forEach((o, j) => {
      if (!isObj(o)) return;
      known(products, 'product', o.product, 'sources', i, 'orders', j, 'product');
      const release = parseQuantity('duration', o.release);
      const due = parseQuantity('duration', o.due);
      if (release.ok && due.ok && due.value < release.value)
        add(
          `due (${String(o.due)}) is before release (${String(o.release)})`,
          'sources',
          i,
          'orders',
          j,
          'due',
        );
    });
  });

  // Stations: buffers, skills, positions.
  const feeds = new Map<string, number>();
  const skills = new Set<string>();
  let crewCount = 0;
  let speedCrew: number | undefined;
  list(doc.crews).forEach((c, i) => {
    if (!isObj(c)) return;
    crewCount++;
    for (const s of list(c.skills)) if (typeof s === 'string') skills.add(s);
    if (isObj(c.travel) && c.travel.speed !== undefined && speedCrew === undefined) speedCrew = i;
  });
  list(doc.stations).forEach((st, i) => {
    if (!isObj(st)) return;
    known(ids.buffers, 'buffer', st.input, 'stations', i, 'input');
    const input = str(st.input);
    if (input !== undefined && ids.buffers.has(input)) {
      const first = feeds.get(input);
      if (first !== undefined)
        add(
          `buffer "${input}" already feeds stations[${first}]; use servers for parallel machines`,
          'stations',
          i,
          'input',
        );
      else feeds.set(input, i);
    }
    let needsCrew = false;
    for (const section of ['failures', 'preventive'] as const) {
      list(st[section]).forEach((job, j) => {
        if (!isObj(job)) return;
        needsCrew = true;
        if (crewCount === 0)
          add(
            `no crew is defined to do this ${section === 'failures' ? 'repair' : 'maintenance'}`,
            'stations',
            i,
            section,
            j,
          );
        else if (typeof job.skill === 'string' && !skills.has(job.skill))
          add(`no crew has skill "${job.skill}"`, 'stations', i, section, j, 'skill');
      });
    }
    if (needsCrew && speedCrew !== undefined && st.position === undefined)
      add(`crews[${speedCrew}] travels by speed, so this station needs a position`, 'stations', i);
  });
  // Run.
  if (isObj(doc.run)) {
    const horizon = parseQuantity('duration', doc.run.horizon);
    const warmup = parseQuantity('duration', doc.run.warmup);
    if (horizon.ok && warmup.ok && warmup.value >= horizon.value)
      add(
        `warmup (${String(doc.run.warmup)}) must be shorter than horizon (${String(doc.run.horizon)})`,
        'run',
        'warmup',
      );
  }
  return problems;
}
