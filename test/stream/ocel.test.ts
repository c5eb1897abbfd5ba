/**
 * The OCEL 2.0 export, read back by pm4py (an independent reader) through Python: `SHOPFLOOR_PYTHON`, else
 * the repository's `.venv/bin/python`. About 15 s (pm4py's import is slow).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import type { BuiltModel, RunObserver } from '../../src/scenario/index.js';
import { OcelWriter } from '../../src/stream/ocel.js';
import { ROOT, scenarioFile, tempDir } from './_support.js';

function python(): string {
  const py = process.env.SHOPFLOOR_PYTHON ?? join(ROOT, '.venv', 'bin', 'python');
  if (!existsSync(py)) {
    throw new Error(
      `the OCEL test needs Python with pm4py: ${py} is missing (run \`node scripts/ensure-venv.mjs\`, or set SHOPFLOOR_PYTHON)`,
    );
  }
  return py;
}

const READ_BACK = `
import json, sys
import pm4py
ocel = pm4py.read_ocel2_json(sys.argv[1])
ev = ocel.events['ocel:activity'].value_counts().to_dict()
ob = ocel.objects['ocel:type'].value_counts().to_dict()
rel = ocel.relations[['ocel:activity', 'ocel:type', 'ocel:qualifier']].drop_duplicates().values.tolist()
o2o = ocel.o2o['ocel:qualifier'].value_counts().to_dict()
print(json.dumps({'events': ev, 'objects': ob, 'relations': rel, 'o2o': o2o, 'n': len(ocel.events)}))
`;

describe('OCEL 2.0 export', () => {
  it("pm4py reads the demo factory log back with the run's own counts of parts, events and objects", () => {
    const { scenario } = scenarioFile('demo-factory.yaml');
    const path = join(tempDir(), 'demo.ocel.json');
    const ocel = new OcelWriter({ path });
    let model: BuiltModel | null = null;
    const failures = { n: 0 };
    const grab = {
      start: (m: BuiltModel) => {
        model = m;
        m.plant.events.on('failed', () => failures.n++);
      },
    };
    runScenario(scenario, { replications: 1, horizon: 48 * 3600, observe: [ocel, grab] });
    const plant = (model as BuiltModel | null)!.plant;
    const out = spawnSync(python(), ['-c', READ_BACK, path], { encoding: 'utf8', timeout: 120_000 });
    expect(out.status, out.stderr).toBe(0);
    const got = JSON.parse(out.stdout.trim().split('\n').pop()!) as {
      events: Record<string, number>;
      objects: Record<string, number>;
      relations: [string, string, string][];
      o2o: Record<string, number>;
      n: number;
    };
    expect(got.events.released).toBe(plant.released);
    expect(got.events.shipped).toBe(plant.finished);
    expect(got.events.scrapped ?? 0).toBe(plant.scrapped);
    expect(got.events.assembled).toBe(plant.assembled);
    expect(got.events.failed).toBe(failures.n);
    expect(failures.n).toBeGreaterThan(0);
    expect(got.objects.part).toBe(plant.released + plant.assembled);
    expect(got.objects.station).toBe(6);
    expect(got.objects.robot).toBe(3);
    expect(got.objects.crew).toBe(2);
    expect(got.n).toBe(Object.values(ocel.summary!.events).reduce((a, b) => a + b, 0));
    // qualified relationships: an operation names its part and station, a repair its crew
    expect(got.relations).toContainEqual(['started', 'part', 'part']);
    expect(got.relations).toContainEqual(['started', 'station', 'at']);
    expect(got.relations).toContainEqual(['repaired', 'crew', 'repaired by']);
    expect(got.relations).toContainEqual(['assembled', 'part', 'component']);
    expect(got.o2o['made from']).toBe(2 * plant.assembled);
  }, 120_000);

  it('order rows become order objects that their parts belong to', () => {
    const { scenario } = scenarioFile('jobshop-ft06.yaml');
    const rows = scenario.sources.flatMap((s) => s.orders ?? []);
    expect(rows.length).toBeGreaterThan(0);
    const path = join(tempDir(), 'orders.ocel.json');
    const ocel = new OcelWriter({ path });
    runScenario(scenario, { replications: 1, observe: [ocel] });
    const doc = JSON.parse(readFileSync(path, 'utf8')) as {
      objects: {
        id: string;
        type: string;
        attributes: { name: string; value: string }[];
        relationships: { objectId: string; qualifier: string }[];
      }[];
    };
    const product = new Map(
      doc.objects.map((o) => [o.id, o.attributes.find((a) => a.name === 'product')?.value]),
    );
    const parts = doc.objects.filter((o) => o.type === 'part');
    expect(ocel.summary!.objects.order).toBe(rows.length);
    expect(parts).toHaveLength(rows.reduce((n, o) => n + o.quantity, 0));
    for (const p of parts) {
      const order = p.relationships.filter((r) => r.qualifier === 'part of');
      expect(order).toHaveLength(1);
      expect(product.get(order[0]!.objectId)).toBe(product.get(p.id));
    }
  });

  it("operators are objects: each job is dispatched, arrived and released in turn, naming her station and the machine's part", () => {
    const { scenario } = scenarioFile('paint-shop.yaml');
    const path = join(tempDir(), 'operators.ocel.json');
    const ocel = new OcelWriter({ path });
    const jobs = { n: 0 };
    const grab = {
      start: (m: BuiltModel) => {
        m.plant.events.on('operatorJobChanged', (_pool, _op, job) => {
          if (job !== null) jobs.n++;
        });
      },
    };
    runScenario(scenario, { replications: 1, horizon: 3 * 86_400, observe: [ocel, grab] });
    type Rel = { objectId: string; qualifier: string };
    const doc = JSON.parse(readFileSync(path, 'utf8')) as {
      objects: { id: string; type: string; attributes: { name: string; value: string }[] }[];
      events: { type: string; time: string; relationships: Rel[] }[];
    };
    const operators = doc.objects.filter((o) => o.type === 'operator');
    expect(operators.map((o) => o.id)).toEqual(['operator:anna', 'operator:ben', 'operator:chris']);
    for (const o of operators)
      expect(o.attributes.map((a) => [a.name, a.value])).toEqual([['pool', 'painters']]);
    expect(jobs.n).toBeGreaterThan(50);
    expect(ocel.summary!.events['operator dispatched']).toBe(jobs.n);
    // Where each part is on a machine: from its `started` to its `finished` at a station.
    const on = new Map<string, string>();
    const of = (e: { relationships: Rel[] }, q: string) =>
      e.relationships.find((r) => r.qualifier === q)?.objectId;
    const turn = ['operator dispatched', 'operator arrived', 'operator released'];
    const next = new Map<string, number>();
    const serving = new Map<string, { station: string; part: string }>();
    for (const e of doc.events) {
      if (e.type === 'started') on.set(of(e, 'part')!, of(e, 'at')!);
      if (e.type === 'finished') on.delete(of(e, 'part')!);
      if (!e.type.startsWith('operator')) continue;
      const op = of(e, 'operator')!;
      expect(e.type, op).toBe(turn[next.get(op) ?? 0]);
      next.set(op, ((next.get(op) ?? 0) + 1) % 3);
      const station = of(e, e.type === 'operator dispatched' ? 'to station' : 'at')!;
      const part = of(e, 'part')!;
      // The part named is on that station's machine, and the same for the whole job.
      expect(on.get(part), `${e.type} ${op} ${part}`).toBe(station);
      if (e.type === 'operator dispatched') serving.set(op, { station, part });
      else expect(serving.get(op)).toEqual({ station, part });
    }
  });

  it('events reach the file while the run goes on (a long log is never one string), and a failed run leaves no file', () => {
    const { scenario } = scenarioFile('demo-factory.yaml');
    const dir = tempDir();
    const path = join(dir, 'long.ocel.json');
    const ocel = new OcelWriter({ path });
    const DAY = 86_400;
    const onDisk: number[] = [];
    // After the writer in the list, so it sees the file as the writer left it at each day's end.
    const probe: RunObserver = {
      start: () => {},
      nextStopS: (now) => (Math.floor(now / DAY) + 1) * DAY,
      at: () => {
        const tmp = readdirSync(dir).filter((f) => f.startsWith('.long.ocel.json.') && f.endsWith('.tmp'));
        expect(tmp).toHaveLength(1);
        onDisk.push(statSync(join(dir, tmp[0]!)).size);
      },
    };
    runScenario(scenario, { replications: 1, horizon: 6 * DAY, observe: [ocel, probe] });
    const total = statSync(path).size;
    expect(onDisk.length).toBeGreaterThanOrEqual(5);
    // Half-way the file holds about half the log: the events of days 1–3 are already written.
    expect(onDisk[2]!).toBeGreaterThan(0.3 * total);
    for (let i = 1; i < onDisk.length; i++) expect(onDisk[i]!).toBeGreaterThan(onDisk[i - 1]!);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { events: { id: string; type: string }[] };
    const counts: Record<string, number> = {};
    for (const e of doc.events) counts[e.type] = (counts[e.type] ?? 0) + 1;
    expect(counts).toEqual(ocel.summary!.events);
    expect(doc.events.map((e) => e.id)).toEqual(doc.events.map((_, i) => `e${i + 1}`));
    expect(readdirSync(dir)).toEqual(['long.ocel.json']);

    const failing = join(dir, 'failing.ocel.json');
    const stop: RunObserver = {
      start: () => {},
      nextStopS: (now) => (now < DAY ? DAY : Number.POSITIVE_INFINITY),
      at: () => {
        throw new Error('stopped by the test');
      },
    };
    expect(() =>
      runScenario(scenario, {
        replications: 1,
        horizon: 2 * DAY,
        observe: [new OcelWriter({ path: failing }), stop],
      }),
    ).toThrow('stopped by the test');
    expect(readdirSync(dir)).toEqual(['long.ocel.json']);
  });
});
