/**
 * An OCEL 2.0 (object-centric event log, JSON format) export of one replication, for process mining
 * tools such as pm4py (`pm4py.read_ocel2_json`). A {@link RunObserver}: it listens to the plant's events and
 * writes the log atomically (temporary file, then rename) when the replication ends.
 *
 * Objects: parts, orders (rows of order lists, `source#row`), stations, conveyors, robots (`fleet/robot`),
 * crews, operators. Events, each with qualified relationships to its objects: `released`, `started` and
 * `finished` (an operation at a station), `moved`, `shipped` (reached a sink), `scrapped`, `assembled`, `inspected`,
 * `setup started`, `failed`, `repaired`, `maintenance started`, `maintenance ended`, `crew dispatched`,
 * `operator dispatched`, `operator arrived`, `operator released` (with the part on the machine, if any),
 * `transport started`, `transport done`. Times are calendar dates: `run.start` when the scenario gives one,
 * else Monday 2024-01-01 00:00 UTC for simulated time 0.
 *
 * Events go to the file as they happen (through a {@link TextSpool}), objects when the replication ends (a
 * part's relationships grow until then), so the log's size is not limited by what one string or the
 * memory can hold: the file's `events` come before its `objects`, which JSON readers do not mind.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { tempFileBeside } from '../report/temp-file.js';
import type { BuiltModel, ObservedRun, RunObserver } from '../scenario/index.js';
import { TextSpool } from './text-spool.js';

/** Calendar date of simulated time 0 when the scenario gives no `run.start` (a Monday, as time 0 is). */
export const OCEL_DEFAULT_START = '2024-01-01T00:00:00.000Z';

interface OcelRelationship {
  objectId: string;
  qualifier: string;
}

interface OcelEvent {
  id: string;
  type: string;
  time: string;
  attributes: { name: string; value: string | number | boolean }[];
  relationships: OcelRelationship[];
}

interface OcelObject {
  id: string;
  type: string;
  attributes: { name: string; time: string; value: string | number }[];
  relationships: OcelRelationship[];
}

/** What an {@link OcelWriter} wrote: events and objects per type. */
export interface OcelSummary {
  readonly path: string;
  readonly events: Readonly<Record<string, number>>;
  readonly objects: Readonly<Record<string, number>>;
}

/** Options of an {@link OcelWriter}. */
export interface OcelWriterOptions {
  /** The JSON file to write. */
  readonly path: string;
  /** Replication to export, from 0 (default 0: the first). */
  readonly replication?: number;
}

const EVENT_TYPES: Record<string, { name: string; type: string }[]> = {
  released: [],
  started: [{ name: 'server', type: 'integer' }],
  finished: [{ name: 'server', type: 'integer' }],
  moved: [
    { name: 'from', type: 'string' },
    { name: 'to', type: 'string' },
  ],
  shipped: [],
  scrapped: [],
  assembled: [],
  inspected: [{ name: 'outcome', type: 'string' }],
  'setup started': [
    { name: 'server', type: 'integer' },
    { name: 'product', type: 'string' },
  ],
  failed: [
    { name: 'server', type: 'integer' },
    { name: 'mode', type: 'string' },
  ],
  repaired: [
    { name: 'server', type: 'integer' },
    { name: 'mode', type: 'string' },
  ],
  'maintenance started': [
    { name: 'server', type: 'integer' },
    { name: 'plan', type: 'string' },
  ],
  'maintenance ended': [
    { name: 'server', type: 'integer' },
    { name: 'plan', type: 'string' },
  ],
  'crew dispatched': [
    { name: 'job', type: 'string' },
    { name: 'server', type: 'integer' },
  ],
  'operator dispatched': [
    { name: 'task', type: 'string' },
    { name: 'server', type: 'integer' },
  ],
  'operator arrived': [{ name: 'server', type: 'integer' }],
  'operator released': [{ name: 'server', type: 'integer' }],
  'transport started': [{ name: 'job', type: 'string' }],
  'transport done': [{ name: 'job', type: 'string' }],
};

const OBJECT_TYPES: Record<string, { name: string; type: string }[]> = {
  part: [{ name: 'product', type: 'string' }],
  order: [
    { name: 'product', type: 'string' },
    { name: 'quantity', type: 'integer' },
  ],
  station: [{ name: 'servers', type: 'integer' }],
  conveyor: [{ name: 'length', type: 'float' }],
  robot: [{ name: 'fleet', type: 'string' }],
  crew: [{ name: 'group', type: 'string' }],
  operator: [{ name: 'pool', type: 'string' }],
};

/** Writes one replication as an OCEL 2.0 JSON log. */
export class OcelWriter implements RunObserver {
  private readonly options: OcelWriterOptions;
  private readonly replication: number;
  private model: BuiltModel | null = null;
  private off: (() => void)[] = [];
  private readonly objects = new Map<string, OcelObject>();
  /** The temporary file being written (renamed to the path at the end) and its spool, while recording. */
  private tmp = '';
  private fd: number | null = null;
  private spool: TextSpool | null = null;
  private readonly eventCounts: Record<string, number> = {};
  private eventCount = 0;
  private originMs = 0;
  private summary_: OcelSummary | null = null;

  constructor(options: OcelWriterOptions) {
    this.options = options;
    this.replication = options.replication ?? 0;
    if (!(Number.isInteger(this.replication) && this.replication >= 0)) {
      throw new RangeError(`OcelWriter: replication must be an integer >= 0 (got ${options.replication})`);
    }
  }

  /** What was written, once the exported replication has ended (else `null`). */
  get summary(): OcelSummary | null {
    return this.summary_;
  }

  start(model: BuiltModel, run: ObservedRun): void {
    if (run.replication !== this.replication) return;
    this.model = model;
    const plant = model.plant;
    const start = run.scenario.run.start;
    this.originMs = Date.parse(start === undefined ? OCEL_DEFAULT_START : utcDate(String(start)));
    if (Number.isNaN(this.originMs)) this.originMs = Date.parse(OCEL_DEFAULT_START);
    const t0 = this.time(plant.sim.now);
    const path = this.options.path;
    this.tmp = tempFileBeside(path);
    this.fd = openSync(this.tmp, 'w');
    this.spool = new TextSpool(this.fd);
    const types = (t: Record<string, { name: string; type: string }[]>) =>
      JSON.stringify(Object.entries(t).map(([name, attributes]) => ({ name, attributes })));
    this.spool.append(`{"objectTypes":${types(OBJECT_TYPES)},"eventTypes":${types(EVENT_TYPES)},"events":[`);
    for (const [id, st] of plant.stations)
      this.object(`station:${id}`, 'station', t0, [['servers', st.serverCount]]);
    for (const c of run.scenario.conveyors)
      this.object(`conveyor:${c.id}`, 'conveyor', t0, [['length', c.length]]);
    for (const r of run.scenario.robots) {
      for (let k = 1; k <= r.count; k++) this.object(`robot:${r.id}/${k}`, 'robot', t0, [['fleet', r.id]]);
    }
    for (const [group, members] of model.crewMembers) {
      for (const m of members) this.object(`crew:${m}`, 'crew', t0, [['group', group]]);
    }
    for (const [id, pool] of plant.operatorPools) {
      for (const m of pool.operatorIds) this.object(`operator:${m}`, 'operator', t0, [['pool', id]]);
    }
    // Order rows are released in (release time, row) order, `quantity` parts each: the n-th part a source
    // releases belongs to the n-th slot of that sequence.
    const orderSlots = new Map<string, string[]>();
    for (const s of run.scenario.sources) {
      if (s.orders === undefined) continue;
      const slots: string[] = [];
      const rows = s.orders.map((o, i) => ({ o, i })).sort((a, b) => a.o.release - b.o.release || a.i - b.i);
      for (const { o, i } of rows) {
        const id = `order:${s.id}#${i}`;
        this.object(id, 'order', t0, [
          ['product', o.product],
          ['quantity', o.quantity],
        ]);
        for (let k = 0; k < o.quantity; k++) slots.push(id);
      }
      orderSlots.set(s.id, slots);
    }
    const repairs = new Map<string, string>();
    const crewOn = (station: string, server: number) => repairs.get(`${station}/${server}`);
    // The part on each machine (`station/server`) from its start to its finish, and each operator's job.
    const onMachine = new Map<string, string>();
    const operatorJob = new Map<string, { station: string; server: number }>();
    const partOn = (station: string, server: number): OcelRelationship[] => {
      const p = onMachine.get(`${station}/${server}`);
      return p === undefined ? [] : [{ objectId: p, qualifier: 'part' }];
    };
    const part = (id: number) => `part:${id}`;
    const at = (holder: string): OcelRelationship[] => {
      const station = holder.slice(0, holder.lastIndexOf('/'));
      if (plant.stations.has(holder)) return [{ objectId: `station:${holder}`, qualifier: 'at' }];
      if (plant.stations.has(station) && /\/\d+$/.test(holder))
        return [{ objectId: `station:${station}`, qualifier: 'at' }];
      if (this.objects.has(`robot:${holder}`)) return [{ objectId: `robot:${holder}`, qualifier: 'robot' }];
      if (this.objects.has(`conveyor:${holder}`))
        return [{ objectId: `conveyor:${holder}`, qualifier: 'conveyor' }];
      return [];
    };
    const ev = plant.events;
    this.off = [
      ev.on('partReleased', (p, t) => {
        this.object(part(p.id), 'part', this.time(t), [['product', p.product]]);
        const rel: OcelRelationship[] = [{ objectId: part(p.id), qualifier: 'part' }];
        const order = orderSlots.get(p.source)?.shift();
        if (order !== undefined) {
          rel.push({ objectId: order, qualifier: 'order' });
          this.objects.get(part(p.id))!.relationships.push({ objectId: order, qualifier: 'part of' });
        }
        this.event('released', t, [], rel);
      }),
      ev.on('partAssembled', (p, station, t) => {
        this.object(part(p.id), 'part', this.time(t), [['product', p.product]]);
        this.event(
          'assembled',
          t,
          [],
          [
            { objectId: part(p.id), qualifier: 'output' },
            { objectId: `station:${station}`, qualifier: 'at' },
          ],
        );
      }),
      ev.on('partConsumed', (p, station, t) => {
        // Recorded as a relationship of the next `assembled` event's part: collected here.
        this.pendingComponents.push(part(p.id));
        void station;
        void t;
      }),
      ev.on('processStarted', (p, station, server, t) => {
        onMachine.set(`${station}/${server}`, part(p.id));
        this.event(
          'started',
          t,
          [['server', server]],
          [
            { objectId: part(p.id), qualifier: 'part' },
            { objectId: `station:${station}`, qualifier: 'at' },
          ],
        );
      }),
      ev.on('processFinished', (p, station, server, t) => {
        onMachine.delete(`${station}/${server}`);
        this.event(
          'finished',
          t,
          [['server', server]],
          [
            { objectId: part(p.id), qualifier: 'part' },
            { objectId: `station:${station}`, qualifier: 'at' },
          ],
        );
      }),
      ev.on('partMoved', (p, from, to, t) => {
        const rel: OcelRelationship[] = [{ objectId: part(p.id), qualifier: 'part' }];
        for (const r of at(from))
          rel.push({
            objectId: r.objectId,
            qualifier: `from ${r.qualifier === 'at' ? 'station' : r.qualifier}`,
          });
        for (const r of at(to))
          rel.push({
            objectId: r.objectId,
            qualifier: `to ${r.qualifier === 'at' ? 'station' : r.qualifier}`,
          });
        this.event(
          'moved',
          t,
          [
            ['from', from],
            ['to', to],
          ],
          dedupe(rel),
        );
      }),
      ev.on('partFinished', (p, _sink, t) =>
        this.event('shipped', t, [], [{ objectId: part(p.id), qualifier: 'part' }]),
      ),
      ev.on('partScrapped', (p, holder, t) =>
        this.event('scrapped', t, [], [{ objectId: part(p.id), qualifier: 'part' }, ...at(holder)]),
      ),
      ev.on('inspected', (station, p, outcome, t) =>
        this.event(
          'inspected',
          t,
          [['outcome', outcome]],
          [
            { objectId: part(p.id), qualifier: 'part' },
            { objectId: `station:${station}`, qualifier: 'at' },
          ],
        ),
      ),
      ev.on('setupStarted', (station, server, _from, to, t) =>
        this.event(
          'setup started',
          t,
          [
            ['server', server],
            ['product', to],
          ],
          [{ objectId: `station:${station}`, qualifier: 'at' }],
        ),
      ),
      ev.on('failed', (station, server, mode, t) =>
        this.event(
          'failed',
          t,
          [
            ['server', server],
            ['mode', mode],
          ],
          [{ objectId: `station:${station}`, qualifier: 'station' }],
        ),
      ),
      ev.on('repaired', (station, server, mode, t) => {
        const crew = crewOn(station, server);
        this.event(
          'repaired',
          t,
          [
            ['server', server],
            ['mode', mode],
          ],
          [
            { objectId: `station:${station}`, qualifier: 'station' },
            ...(crew === undefined ? [] : [{ objectId: crew, qualifier: 'repaired by' }]),
          ],
        );
      }),
      ev.on('maintenanceStarted', (station, server, plan, t) =>
        this.event(
          'maintenance started',
          t,
          [
            ['server', server],
            ['plan', plan],
          ],
          [{ objectId: `station:${station}`, qualifier: 'station' }],
        ),
      ),
      ev.on('maintenanceEnded', (station, server, plan, t) => {
        const crew = crewOn(station, server);
        this.event(
          'maintenance ended',
          t,
          [
            ['server', server],
            ['plan', plan],
          ],
          [
            { objectId: `station:${station}`, qualifier: 'station' },
            ...(crew === undefined ? [] : [{ objectId: crew, qualifier: 'maintained by' }]),
          ],
        );
      }),
      ev.on('crewJobChanged', (_pool, crew, job, t) => {
        for (const [k, v] of repairs) if (v === `crew:${crew}`) repairs.delete(k);
        if (job === null) return;
        repairs.set(`${job.station}/${job.server}`, `crew:${crew}`);
        this.event(
          'crew dispatched',
          t,
          [
            ['job', job.kind],
            ['server', job.server],
          ],
          [
            { objectId: `crew:${crew}`, qualifier: 'crew' },
            { objectId: `station:${job.station}`, qualifier: 'to station' },
          ],
        );
      }),
      ev.on('operatorJobChanged', (_pool, operator, job, t) => {
        const id = `operator:${operator}`;
        if (job === null) {
          const was = operatorJob.get(operator);
          operatorJob.delete(operator);
          if (was === undefined) return;
          this.event(
            'operator released',
            t,
            [['server', was.server]],
            [
              { objectId: id, qualifier: 'operator' },
              { objectId: `station:${was.station}`, qualifier: 'at' },
              ...partOn(was.station, was.server),
            ],
          );
          return;
        }
        operatorJob.set(operator, { station: job.station, server: job.server });
        this.event(
          'operator dispatched',
          t,
          [
            ['task', job.task],
            ['server', job.server],
          ],
          [
            { objectId: id, qualifier: 'operator' },
            { objectId: `station:${job.station}`, qualifier: 'to station' },
            ...partOn(job.station, job.server),
          ],
        );
      }),
      ev.on('operatorAssigned', (_pool, operator, station, server, t) => {
        this.event(
          'operator arrived',
          t,
          [['server', server]],
          [
            { objectId: `operator:${operator}`, qualifier: 'operator' },
            { objectId: `station:${station}`, qualifier: 'at' },
            ...partOn(station, server),
          ],
        );
      }),
      ev.on('robotJobStarted', (fleet, robot, kind, p, _req, t) =>
        this.event(
          'transport started',
          t,
          [['job', kind]],
          [
            { objectId: `robot:${fleet}/${robot}`, qualifier: 'robot' },
            { objectId: part(p.id), qualifier: 'part' },
          ],
        ),
      ),
      ev.on('robotJobDone', (fleet, robot, kind, p, _req, t) =>
        this.event(
          'transport done',
          t,
          [['job', kind]],
          [
            { objectId: `robot:${fleet}/${robot}`, qualifier: 'robot' },
            { objectId: part(p.id), qualifier: 'part' },
          ],
        ),
      ),
    ];
  }

  /** Components consumed since the last assembly (an assembly consumes them, then makes its part). */
  private pendingComponents: string[] = [];

  end(): void {
    if (this.model === null) return;
    this.detach();
    const path = this.options.path;
    const spool = this.spool!;
    const objects: Record<string, number> = {};
    try {
      spool.append('],"objects":[');
      let first = true;
      for (const o of this.objects.values()) {
        spool.append(first ? JSON.stringify(o) : `,${JSON.stringify(o)}`);
        first = false;
        objects[o.type] = (objects[o.type] ?? 0) + 1;
      }
      spool.append(']}');
      spool.flush();
      this.closeFile();
      renameSync(this.tmp, path);
      this.tmp = '';
    } catch (error) {
      this.discardFile();
      throw error;
    }
    this.summary_ = { path, events: { ...this.eventCounts }, objects };
  }

  abort(): void {
    this.detach();
    this.discardFile();
  }

  private closeFile(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.spool = null;
  }

  /** Closes and removes the temporary file, if there is one (a run that failed leaves no partial log). */
  private discardFile(): void {
    if (this.tmp === '') return;
    this.closeFile();
    rmSync(this.tmp, { force: true });
    this.tmp = '';
  }

  private detach(): void {
    for (const f of this.off) f();
    this.off = [];
    this.model = null;
  }

  private time(t: number): string {
    return new Date(this.originMs + t * 1000).toISOString();
  }

  private object(id: string, type: string, time: string, attrs: [string, string | number][]): void {
    if (this.objects.has(id)) return;
    this.objects.set(id, {
      id,
      type,
      attributes: attrs.map(([name, value]) => ({ name, time, value })),
      relationships: [],
    });
  }

  private event(
    type: string,
    t: number,
    attrs: [string, string | number | boolean][],
    relationships: OcelRelationship[],
  ): void {
    if (type === 'assembled') {
      const output = relationships[0]!.objectId;
      const obj = this.objects.get(output)!;
      for (const c of this.pendingComponents) {
        relationships.push({ objectId: c, qualifier: 'component' });
        obj.relationships.push({ objectId: c, qualifier: 'made from' });
      }
      this.pendingComponents = [];
    }
    this.eventCount++;
    this.eventCounts[type] = (this.eventCounts[type] ?? 0) + 1;
    const e: OcelEvent = {
      id: `e${this.eventCount}`,
      type,
      time: this.time(t),
      attributes: attrs.map(([name, value]) => ({ name, value })),
      relationships,
    };
    this.spool!.append(this.eventCount === 1 ? JSON.stringify(e) : `,${JSON.stringify(e)}`);
  }
}

/** A scenario's local date and time read as UTC (a log has no time zone of its own). */
function utcDate(local: string): string {
  const iso = local.replace(' ', 'T');
  return /(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`;
}

/** `rel` without repeated (object, qualifier) pairs, in order. */
function dedupe(rel: OcelRelationship[]): OcelRelationship[] {
  const seen = new Set<string>();
  return rel.filter((r) => {
    const k = `${r.objectId}\u0000${r.qualifier}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
