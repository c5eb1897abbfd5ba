import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * fast-check arbitraries of **valid** scenario documents (plain JSON-like objects in the file format,
 * quantities as strings with units), small enough that a run takes milliseconds.
 *
 * Shape: 1–5 stations `s0…s4`; 1–3 products whose routings are increasing subsequences of the stations
 * (a flow shop: no cycle of finite buffers, so no deadlock by construction); finite or infinite input
 * buffers; 1–3 servers; failure modes of every basis (calendar, operating, cycles) with or without a
 * skill; preventive plans (calendar or operating); crews (needed by validation as soon as a station
 * has a failure or a plan) with or without skills, travelling by speed, by a fixed time or not at all;
 * interarrival (single product or exponential mix), CONWIP or order-list sources; 1–2 sinks. Part 2
 * features: sequence-dependent setups between every pair of products, a shared shift calendar (whole hours
 * on, every day) with `finish` or `stop` at the shift end, inline inspection (scrap, or rework at the same
 * station), power per state, conveyors into stations (used by some hops), an AGV fleet for some hops and
 * a robot arm tending some stations.
 */

export type Doc = Record<string, unknown>;

const SKILLS = ['mech', 'elec'] as const;

const minutes = (lo: number, hi: number) =>
  fc.integer({ min: lo * 10, max: hi * 10 }).map((t) => `${(t / 10).toFixed(1)}min`);

/** A distribution of durations (minutes between `lo` and `hi`) in one of the file's forms. */
export const durationDist = (lo: number, hi: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    minutes(lo, hi),
    minutes(lo, hi).map((mean) => ({ exponential: { mean } })),
    fc.record({ k: fc.integer({ min: 1, max: 4 }), mean: minutes(lo, hi) }).map((p) => ({ erlang: p })),
    fc.record({ mean: minutes(lo, hi), cv: fc.constantFrom(0.2, 0.5, 1) }).map((p) => ({ lognormal: p })),
    fc
      .tuple(fc.integer({ min: lo * 10, max: hi * 10 }), fc.integer({ min: 1, max: 30 }))
      .map(([a, d]) => ({ uniform: { min: `${a / 10}min`, max: `${(a + d) / 10}min` } })),
    fc
      .tuple(
        fc.integer({ min: lo * 10, max: hi * 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
      )
      .map(([a, b, c]) => ({
        triangular: { min: `${a / 10}min`, mode: `${(a + b) / 10}min`, max: `${(a + b + c) / 10}min` },
      })),
  );

interface StationGen {
  servers: number;
  buffer: 'none' | 'infinite' | number;
  dispatch: 'fifo' | 'spt' | 'edd' | 'priority';
  priority: number;
  failures: {
    basis: 'calendar' | 'operating' | 'cycles';
    skill: number | null;
    ttr: unknown;
    ttf: unknown;
    cycles: number;
  }[];
  preventive: {
    basis: 'calendar' | 'operating';
    interval: string;
    duration: unknown;
    skill: number | null;
  }[];
  setup: unknown | null;
  shift: 'none' | 'finish' | 'stop';
  inspection: { p: number; action: 'scrap' | 'rework' } | null;
  energy: boolean;
  /** A conveyor into this station (accumulating or not), used by every hop into it that `via` picks. */
  conveyor: { accumulating: boolean; length: number; spacing: number } | null;
  /** Tended by the robot arm (only with an unbounded input: see below). */
  tended: boolean;
}

const stationGen: fc.Arbitrary<StationGen> = fc.record({
  servers: fc.integer({ min: 1, max: 3 }),
  buffer: fc.oneof(
    fc.constant('none' as const),
    fc.constant('infinite' as const),
    fc.integer({ min: 1, max: 4 }),
  ),
  dispatch: fc.constantFrom('fifo', 'spt', 'edd', 'priority'),
  priority: fc.integer({ min: 0, max: 3 }),
  failures: fc.array(
    fc.record({
      basis: fc.constantFrom('calendar', 'operating', 'cycles'),
      skill: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
      ttf: durationDist(20, 120),
      ttr: durationDist(1, 15),
      cycles: fc.integer({ min: 3, max: 30 }),
    }),
    { maxLength: 2 },
  ),
  preventive: fc.array(
    fc.record({
      basis: fc.constantFrom('calendar', 'operating'),
      interval: minutes(30, 180),
      duration: durationDist(2, 20),
      skill: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
    }),
    { maxLength: 1 },
  ),
  setup: fc.option(durationDist(0.5, 5), { nil: null }),
  shift: fc.constantFrom('none', 'none', 'finish', 'stop'),
  inspection: fc.option(
    fc.record({ p: fc.constantFrom(0, 0.1, 0.3, 1), action: fc.constantFrom('scrap', 'rework') }),
    { nil: null },
  ),
  energy: fc.boolean(),
  conveyor: fc.option(
    fc.record({
      accumulating: fc.boolean(),
      length: fc.integer({ min: 2, max: 30 }),
      spacing: fc.constantFrom(0.5, 1, 2),
    }),
    { nil: null },
  ),
  tended: fc.boolean(),
});

/** Options of {@link scenarioDoc}. */
export interface ScenarioDocOptions {
  /** Minimum number of stations (default 1). */
  readonly minStations?: number;
  /**
   * Give every station that has failures or plans its own crew with its own skill, and every job that
   * skill: crews are then not shared between stations (for the common-random-numbers property).
   */
  readonly dedicatedCrews?: boolean;
}

/** Valid scenario documents (objects in the file format). */
export function scenarioDoc(options: ScenarioDocOptions = {}): fc.Arbitrary<Doc> {
  const minStations = options.minStations ?? 1;
  return fc
    .record({
      stations: fc.array(stationGen, { minLength: minStations, maxLength: 5 }),
      products: fc.array(
        fc.record({
          mask: fc.integer({ min: 1, max: 31 }),
          times: fc.array(durationDist(0.5, 6), { minLength: 5, maxLength: 5 }),
          priority: fc.integer({ min: 0, max: 2 }),
          due: fc.oneof(
            fc.constant(undefined),
            minutes(30, 600).map((a) => ({ rule: 'releasePlus', allowance: a })),
            fc.constantFrom(1.5, 3).map((f) => ({ rule: 'totalWork', factor: f })),
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      sources: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant('interarrival' as const),
            product: fc.nat(),
            dist: durationDist(1, 12),
            quantity: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
          }),
          fc.record({
            kind: fc.constant('mix' as const),
            mean: minutes(1, 12),
            weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
          }),
          fc.record({
            kind: fc.constant('conwip' as const),
            product: fc.nat(),
            wip: fc.integer({ min: 1, max: 6 }),
          }),
          fc.record({
            kind: fc.constant('orders' as const),
            orders: fc.array(
              fc.record({
                release: minutes(0, 120),
                product: fc.nat(),
                quantity: fc.integer({ min: 1, max: 4 }),
              }),
              { minLength: 1, maxLength: 4 },
            ),
          }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
      crews: fc.array(
        fc.record({
          size: fc.integer({ min: 1, max: 3 }),
          skills: fc.subarray([...SKILLS]),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      extraCrews: fc.boolean(),
      travel: fc.constantFrom('none', 'speed', 'time'),
      crewDispatch: fc.constantFrom('fifo', 'priority'),
      sinks: fc.integer({ min: 1, max: 2 }),
      horizonMin: fc.integer({ min: 60, max: 480 }),
      warmupPct: fc.constantFrom(0, 0, 10, 25),
      replications: fc.integer({ min: 1, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      shiftHours: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      // How each hop travels: 0 directly, 1 by the station's conveyor (if any), 2 by the AGV fleet.
      hops: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
      agvs: fc.integer({ min: 1, max: 2 }),
      robotDispatch: fc.constantFrom('fifo', 'nearest'),
    })
    .map((g) => {
      const n = g.stations.length;
      const stationIds = g.stations.map((_, i) => `s${i}`);
      const products = g.products.map((p, i) => {
        let steps = stationIds.map((_, j) => j).filter((j) => (p.mask >> j) & 1);
        if (steps.length === 0) steps = [p.mask % n];
        const product: Doc = {
          id: `p${i}`,
          routing: steps.map((j, k) => {
            const step: Doc = { station: stationIds[j], processTime: p.times[j] };
            const hop = g.hops[(j + k + i) % g.hops.length]!;
            if (hop === 1 && g.stations[j]!.conveyor !== null) step.via = `c-${stationIds[j]}`;
            else if (hop === 2 && k > 0) step.via = 'agv';
            return step;
          }),
          priority: p.priority,
        };
        if (p.due !== undefined) product.dueDate = p.due;
        if (g.sinks > 1) product.sink = `out${i % g.sinks}`;
        return product;
      });
      const np = products.length;
      const sources = g.sources.map((s, i): Doc => {
        const id = `src${i}`;
        switch (s.kind) {
          case 'interarrival': {
            const src: Doc = { id, product: `p${s.product % np}`, interarrival: s.dist };
            if (s.quantity !== undefined) src.quantity = s.quantity;
            return src;
          }
          case 'mix':
            return {
              id,
              mix: products.map((p, k) => ({ product: p.id, weight: s.weights[k] })),
              interarrival: { exponential: { mean: s.mean } },
            };
          case 'conwip':
            return { id, product: `p${s.product % np}`, conwip: { wip: s.wip } };
          default:
            return {
              id,
              orders: s.orders.map((o) => ({
                release: o.release,
                product: `p${o.product % np}`,
                quantity: o.quantity,
              })),
            };
        }
      });
      const buffers: Doc[] = [];
      const needsCrew = g.stations.some((st) => st.failures.length + st.preventive.length > 0);
      let crews: Doc[] = [];
      const travel =
        g.travel === 'speed' ? { speed: '1.5m/s' } : g.travel === 'time' ? { time: '2min' } : undefined;
      const skillOf = (i: number, k: number | null): string | undefined => {
        if (options.dedicatedCrews) return `own-s${i}`;
        if (k === null) return undefined;
        // a skill some crew has (validation requires it): crews[0] gets it added if nobody has it
        return SKILLS[k];
      };
      const stations = g.stations.map((st, i): Doc => {
        const id = stationIds[i]!;
        const station: Doc = {
          id,
          servers: st.servers,
          dispatch: st.dispatch,
          priority: st.priority,
          position: { x: `${(i * 7) % 20}m`, y: `${i * 3}m` },
        };
        if (st.buffer !== 'none') {
          buffers.push({ id: `${id}-in`, capacity: st.buffer });
          station.input = `${id}-in`;
        }
        if (st.failures.length > 0)
          station.failures = st.failures.map((f, j) => {
            const mode: Doc = { name: `f${j}`, basis: f.basis, ttr: f.ttr };
            if (f.basis === 'cycles') mode.cycles = f.cycles;
            else mode.ttf = f.ttf;
            const skill = skillOf(i, f.skill);
            if (skill !== undefined) mode.skill = skill;
            return mode;
          });
        if (st.preventive.length > 0)
          station.preventive = st.preventive.map((p, j) => {
            const plan: Doc = { name: `pm${j}`, interval: p.interval, basis: p.basis, duration: p.duration };
            const skill = skillOf(i, p.skill);
            if (skill !== undefined) plan.skill = skill;
            return plan;
          });
        if (st.setup !== null && products.length > 1) {
          station.setups = Object.fromEntries(
            products.map((a) => [
              a.id,
              Object.fromEntries(products.filter((b) => b !== a).map((b) => [b.id, st.setup])),
            ]),
          );
        }
        if (st.shift !== 'none') {
          station.shift = 'cal';
          station.atShiftEnd = st.shift;
        }
        if (st.inspection !== null) {
          station.inspection = {
            defect: st.inspection.p,
            // Rework into a finite input of its own could close a loop of full buffers (a true deadlock,
            // which the run reports); generated scenarios stay deadlock-free, so rework needs room.
            onDefect:
              st.inspection.action === 'rework' && typeof st.buffer !== 'number'
                ? { rework: id, maxReworks: 1 }
                : 'scrap',
          };
        }
        if (st.energy) station.energy = { busy: '10kW', idle: '2kW', setup: '5kW', down: '500W', off: '0kW' };
        // A robot that waits, holding a part, for room in a tended station's full queue could never load
        // that station (a true deadlock of the cell); tended stations get an unbounded queue.
        if (st.tended && typeof st.buffer !== 'number') station.tendedBy = 'arm';
        return station;
      });
      if (options.dedicatedCrews) {
        crews = g.stations.flatMap((st, i) =>
          st.failures.length + st.preventive.length > 0
            ? [{ id: `crew-s${i}`, size: g.crews[0]!.size, skills: [`own-s${i}`] }]
            : [],
        );
      } else if (needsCrew || g.extraCrews) {
        crews = g.crews.map((c, i) => ({ id: `crew${i}`, size: c.size, skills: [...c.skills] }));
        const used = new Set<string>();
        for (const st of stations)
          for (const key of ['failures', 'preventive'])
            for (const job of (st[key] as Doc[] | undefined) ?? [])
              if (typeof job.skill === 'string') used.add(job.skill);
        const held = new Set(crews.flatMap((c) => c.skills as string[]));
        for (const s of used) if (!held.has(s)) (crews[0]!.skills as string[]).push(s);
      }
      for (const c of crews) {
        c.dispatch = g.crewDispatch;
        if (travel !== undefined) c.travel = travel;
      }
      const horizon = g.horizonMin;
      const run: Doc = {
        horizon: `${horizon}min`,
        warmup: `${Math.floor((horizon * g.warmupPct) / 100)}min`,
        replications: g.replications,
        seed: g.seed,
      };
      const doc: Doc = { name: 'generated', run, products, sources, stations };
      if (buffers.length > 0) doc.buffers = buffers;
      if (crews.length > 0) doc.crews = crews;
      const conveyors = g.stations.flatMap((st, i) =>
        st.conveyor === null
          ? []
          : [
              {
                id: `c-${stationIds[i]}`,
                to: stationIds[i],
                length: `${st.conveyor.length}m`,
                speed: '0.5m/s',
                spacing: `${st.conveyor.spacing}m`,
                accumulating: st.conveyor.accumulating,
              },
            ],
      );
      if (conveyors.length > 0) doc.conveyors = conveyors;
      const robots: Doc[] = [];
      if (products.some((p) => (p.routing as Doc[]).some((s) => s.via === 'agv')))
        robots.push({
          id: 'agv',
          count: g.agvs,
          speedEmpty: '1.5m/s',
          speedLoaded: '1m/s',
          pick: '10s',
          place: { uniform: { min: '5s', max: '15s' } },
          park: { x: '5m', y: '-2m' },
          dispatch: g.robotDispatch,
        });
      if (stations.some((st) => st.tendedBy !== undefined))
        robots.push({ id: 'arm', speedEmpty: '1m/s', speedLoaded: '0.5m/s', pick: '3s', place: '4s' });
      if (robots.length > 0) doc.robots = robots;
      if (stations.some((st) => st.shift !== undefined)) {
        const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
        const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
        doc.shifts = [
          { id: 'cal', shifts: g.shiftHours.map((h) => ({ days, start: hh(h), end: hh(h + 1) })) },
        ];
      }
      doc.sinks = Array.from({ length: g.sinks }, (_, i) => ({ id: `out${i}` }));
      return doc;
    });
}

/** The document as file text: YAML or JSON. */
export function toText(doc: unknown, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc);
}
