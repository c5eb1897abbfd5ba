import { checkOperatorReferences } from './operator-references.js';
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
const ENTITY_SECTIONS = [
  'sources',
  'buffers',
  'stations',
  'crews',
  'operators',
  'sinks',
  'conveyors',
  'robots',
] as const;

/**
 * Cross-reference checks of a scenario document, run on the raw parsed document (not the schema's
 * output) so that they are reported together with schema problems: whatever part of the document
 * has the right shape is checked. Never throws.
 *
 * Checks: duplicate ids (products among themselves; sources, buffers, stations, crews and sinks share
 * one namespace); routing steps, sources, orders and mixes naming unknown stations or products;
 * unknown input buffers and sinks; a buffer feeding two stations; a product with no sink when there
 * are several; failure and preventive skills no crew has (or no crew at all); crews travelling by
 * speed while a station they serve has no position; warmup >= horizon; an order due before release;
 * carriers (`via`, `exitVia`) naming no conveyor or fleet, or a conveyor that does not lead there; shift
 * calendars, tending fleets, setup and defect products, rework stations and assembly bills of materials;
 * a batch without `maxWait` larger than its station's input buffer (it could never fill); an assembly
 * input that no source releases and no station makes (it could never start); operators (see
 * `checkOperatorReferences`).
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
    operators: new Set(),
    sinks: new Set(),
    conveyors: new Set(),
    robots: new Set(),
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

  // Stations by id, and what they assemble (for routing checks).
  const stationsById = new Map<string, Obj>();
  for (const st of list(doc.stations))
    if (isObj(st) && typeof st.id === 'string') stationsById.set(st.id, st);
  const buffersById = new Map<string, Obj>();
  for (const b of list(doc.buffers)) if (isObj(b) && typeof b.id === 'string') buffersById.set(b.id, b);
  const conveyorsById = new Map<string, Obj>();
  for (const c of list(doc.conveyors)) if (isObj(c) && typeof c.id === 'string') conveyorsById.set(c.id, c);
  const carriers = new Set([...ids.conveyors, ...ids.robots]);
  const assemblyInputs = (station: unknown): Obj | undefined => {
    const st = typeof station === 'string' ? stationsById.get(station) : undefined;
    return st !== undefined && isObj(st.assembly) && isObj(st.assembly.inputs)
      ? st.assembly.inputs
      : undefined;
  };
  const checkVia = (via: unknown, to: unknown, from: unknown, ...path: (string | number)[]) => {
    known(carriers, 'conveyor or robot fleet', via, ...path);
    const conveyor = typeof via === 'string' ? conveyorsById.get(via) : undefined;
    if (conveyor === undefined) return;
    if (typeof conveyor.to === 'string' && typeof to === 'string' && conveyor.to !== to)
      add(`conveyor "${via}" leads to "${conveyor.to}", not to "${to}"`, ...path);
    if (typeof conveyor.from === 'string' && typeof from === 'string' && conveyor.from !== from)
      add(`conveyor "${via}" starts at "${conveyor.from}", not at "${from}"`, ...path);
  };

  // Products: routing stations, process times, carriers, sinks.
  const sinkCount = ids.sinks.size;
  const onlySink = sinkCount === 1 ? [...ids.sinks][0] : undefined;
  list(doc.products).forEach((p, i) => {
    if (!isObj(p)) return;
    const routing = list(p.routing);
    routing.forEach((step, j) => {
      if (!isObj(step)) return;
      if (Array.isArray(step.station)) {
        step.station.forEach((alt, k) => {
          known(ids.stations, 'station', alt, 'products', i, 'routing', j, 'station', k);
          if (assemblyInputs(alt) !== undefined)
            add(
              `"${String(alt)}" assembles parts: it cannot be one of several alternatives`,
              'products',
              i,
              'routing',
              j,
              'station',
              k,
            );
        });
        if (step.via !== undefined && ids.conveyors.has(String(step.via)))
          add(
            'a conveyor feeds one station: a step with alternative stations may travel by robot fleet only',
            'products',
            i,
            'routing',
            j,
            'via',
          );
        return;
      }
      known(ids.stations, 'station', step.station, 'products', i, 'routing', j, 'station');
      const inputs = assemblyInputs(step.station);
      const isComponent = inputs !== undefined && typeof p.id === 'string' && p.id in inputs;
      if (isComponent && j !== routing.length - 1)
        add(
          `"${String(p.id)}" is built into an assembly at "${String(step.station)}": its routing must end there`,
          'products',
          i,
          'routing',
          j,
        );
      if (step.processTime === undefined && !isComponent)
        add('a routing step needs processTime', 'products', i, 'routing', j);
      if (step.via !== undefined) {
        const prev = j > 0 && isObj(routing[j - 1]) ? (routing[j - 1] as Obj).station : undefined;
        checkVia(step.via, step.station, prev, 'products', i, 'routing', j, 'via');
      }
    });
    if (p.sink !== undefined) known(ids.sinks, 'sink', p.sink, 'products', i, 'sink');
    else if (sinkCount > 1) add(`several sinks exist: say which one with sink`, 'products', i);
    if (p.exitVia !== undefined) {
      const last = isObj(routing[routing.length - 1])
        ? (routing[routing.length - 1] as Obj).station
        : undefined;
      checkVia(p.exitVia, p.sink ?? onlySink, last, 'products', i, 'exitVia');
    }
  });

  // Shift calendars.
  const calendars = new Set<string>();
  list(doc.shifts).forEach((c, i) => {
    const id = isObj(c) ? str(c.id) : undefined;
    if (id === undefined) return;
    if (calendars.has(id)) add(`duplicate shift calendar id "${id}"`, 'shifts', i, 'id');
    calendars.add(id);
  });
  list(doc.crews).forEach((c, i) => {
    if (isObj(c)) known(calendars, 'shift calendar', c.shift, 'crews', i, 'shift');
  });
  list(doc.sources).forEach((c, i) => {
    if (isObj(c)) known(calendars, 'shift calendar', c.shift, 'sources', i, 'shift');
  });
  checkOperatorReferences(doc, calendars, add, known);
  const hasStart = isObj(doc.run) && doc.run.start !== undefined;
  list(doc.shifts).forEach((c, i) => {
    for (const key of ['holidays', 'exceptions'])
      if (isObj(c) && Array.isArray(c[key]) && c[key].length > 0 && !hasStart)
        add(`${key} are dates: give run.start, the date and time of simulated time 0`, 'shifts', i, key);
  });
  list(doc.conveyors).forEach((c, i) => {
    if (!isObj(c)) return;
    if (typeof c.to === 'string' && !ids.stations.has(c.to) && !ids.sinks.has(c.to))
      add(`unknown station or sink "${c.to}"`, 'conveyors', i, 'to');
    if (typeof c.from === 'string' && !ids.stations.has(c.from) && !ids.sources.has(c.from))
      add(`unknown station or source "${c.from}"`, 'conveyors', i, 'from');
  });

  // Stations: the products they name.
  list(doc.stations).forEach((st, i) => {
    if (!isObj(st)) return;
    known(calendars, 'shift calendar', st.shift, 'stations', i, 'shift');
    known(ids.robots, 'robot fleet', st.tendedBy, 'stations', i, 'tendedBy');
    if (isObj(st.setups)) {
      for (const [from, row] of Object.entries(st.setups)) {
        if (from !== '*') known(products, 'product', from, 'stations', i, 'setups', from);
        if (isObj(row))
          for (const to of Object.keys(row))
            if (to !== '*') known(products, 'product', to, 'stations', i, 'setups', from, to);
      }
    }
    const visiting = list(doc.products).filter(
      (p): p is Obj =>
        isObj(p) &&
        list(p.routing).some(
          (s) => isObj(s) && (s.station === st.id || (Array.isArray(s.station) && s.station.includes(st.id))),
        ),
    );
    if (isObj(st.inspection)) {
      const q = st.inspection;
      if (isObj(q.defect))
        for (const product of Object.keys(q.defect))
          known(products, 'product', product, 'stations', i, 'inspection', 'defect', product);
      const rework = isObj(q.onDefect) ? q.onDefect.rework : undefined;
      if (typeof rework === 'string') {
        known(ids.stations, 'station', rework, 'stations', i, 'inspection', 'onDefect', 'rework');
        if (assemblyInputs(rework) !== undefined)
          add(
            `"${rework}" assembles parts: rework must go to another station`,
            'stations',
            i,
            'inspection',
            'onDefect',
            'rework',
          );
        for (const p of visiting) {
          const stations = list(p.routing).map((s) => (isObj(s) ? s.station : undefined));
          const at = stations.indexOf(st.id);
          if (ids.stations.has(rework) && !stations.slice(0, at + 1).includes(rework))
            add(
              `product "${String(p.id)}" does not visit "${rework}" before "${String(st.id)}", so it cannot be reworked there`,
              'stations',
              i,
              'inspection',
              'onDefect',
              'rework',
            );
        }
      }
    }
    if (isObj(st.assembly)) {
      const a = st.assembly;
      known(products, 'product', a.output, 'stations', i, 'assembly', 'output');
      if (isObj(a.inputs))
        for (const product of Object.keys(a.inputs))
          known(products, 'product', product, 'stations', i, 'assembly', 'inputs', product);
      const output = list(doc.products).find((p) => isObj(p) && p.id === a.output);
      if (isObj(output)) {
        const first = list(output.routing)[0];
        if (!(isObj(first) && first.station === st.id))
          add(
            `the routing of "${String(a.output)}" must start at "${String(st.id)}", where it is made`,
            'stations',
            i,
            'assembly',
            'output',
          );
      }
      if (isObj(st.batch)) add('a station cannot both batch and assemble', 'stations', i, 'batch');
    }
    if (st.tendedBy !== undefined && (isObj(st.batch) || isObj(st.assembly)))
      add('a robot-tended station cannot batch or assemble (yet)', 'stations', i, 'tendedBy');
  });

  // Assemblies whose component no source releases and no station makes can never start. (Skipped when a
  // source reads its orders from a CSV file: its products are known only once the file is read.)
  const released = new Set<string>();
  let fromCsv = false;
  for (const src of list(doc.sources)) {
    if (!isObj(src)) continue;
    if (src.ordersCsv !== undefined) fromCsv = true;
    if (typeof src.product === 'string') released.add(src.product);
    for (const m of list(src.mix)) if (isObj(m) && typeof m.product === 'string') released.add(m.product);
    for (const o of list(src.orders)) if (isObj(o) && typeof o.product === 'string') released.add(o.product);
  }
  for (const st of list(doc.stations))
    if (isObj(st) && isObj(st.assembly) && typeof st.assembly.output === 'string')
      released.add(st.assembly.output);
  if (!fromCsv)
    list(doc.stations).forEach((st, i) => {
      if (!isObj(st) || !isObj(st.assembly) || !isObj(st.assembly.inputs)) return;
      for (const product of Object.keys(st.assembly.inputs))
        if (products.has(product) && !released.has(product))
          add(
            `no source releases "${product}" and no station makes it, so the assembly at "${String(st.id)}" could never start`,
            'stations',
            i,
            'assembly',
            'inputs',
            product,
          );
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
    // A batch station starts only full batches unless maxWait is given: an input buffer smaller than the
    // batch could never hold one, so the station would jam for ever.
    const buffer = input === undefined ? undefined : buffersById.get(input);
    if (
      isObj(st.batch) &&
      typeof st.batch.size === 'number' &&
      st.batch.maxWait === undefined &&
      buffer !== undefined &&
      typeof buffer.capacity === 'number' &&
      buffer.capacity < st.batch.size
    )
      add(
        `a batch of ${st.batch.size} can never fill: input buffer "${input}" holds at most ${buffer.capacity} parts; ` +
          'give it a capacity >= the batch size, or give the batch a maxWait',
        'stations',
        i,
        'batch',
        'size',
      );
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
