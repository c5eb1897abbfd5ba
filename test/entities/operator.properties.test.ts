import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import {
  OperatorPool,
  Buffer as PartBuffer,
  Plant,
  PlantStatistics,
  SERVER_STATES,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';
import type { OperatorTask } from '../../src/policies/contract.js';

/**
 * Invariants of operators over random lines: stations with 1–3 servers and finite buffers, each needing
 * operators of one pool for a random set of tasks, with setups, failures and walking. About 3 s.
 */

interface Spec {
  readonly seed: number;
  readonly operators: number;
  readonly walkS: number;
  readonly stations: readonly {
    readonly servers: number;
    readonly capacity: number;
    readonly tasks: readonly OperatorTask[];
    readonly fails: boolean;
  }[];
}

const TASKS: readonly OperatorTask[] = ['load', 'setup', 'process', 'unload'];

const spec: fc.Arbitrary<Spec> = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  operators: fc.integer({ min: 1, max: 3 }),
  walkS: fc.constantFrom(0, 0.5, 2),
  stations: fc.array(
    fc.record({
      servers: fc.integer({ min: 1, max: 3 }),
      capacity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.POSITIVE_INFINITY)),
      tasks: fc.subarray([...TASKS], { minLength: 1 }),
      fails: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function build(s: Spec) {
  const sim = new Simulation({ seed: s.seed });
  const plant = new Plant(sim);
  const ids = s.stations.map((_, i) => `S${i}`);
  for (const p of ['A', 'B']) plant.addProduct({ id: p, routing: ids, sink: 'out' });
  new Sink(plant, { id: 'out' });
  const pool = new OperatorPool(plant, { id: 'ops', operators: s.operators, travel: { fixedS: s.walkS } });
  s.stations.forEach((st, i) => {
    new Station(plant, {
      id: ids[i]!,
      servers: st.servers,
      input: new PartBuffer(plant, { id: `${ids[i]}/in`, capacity: st.capacity }),
      processTimes: { A: new Exponential({ mean: 2 }), B: new Exponential({ mean: 3 }) },
      setupTimes: { A: { B: new Constant({ value: 1 }) }, B: { A: new Constant({ value: 1 }) } },
      operator: {
        pool,
        tasks: st.tasks,
        ...(st.tasks.includes('load') ? { loadTime: new Exponential({ mean: 0.3 }) } : {}),
        ...(st.tasks.includes('unload') ? { unloadTime: new Exponential({ mean: 0.3 }) } : {}),
      },
      failures: st.fails
        ? [
            {
              name: 'f',
              timeToFailure: new Exponential({ mean: 30 }),
              timeToRepair: new Exponential({ mean: 2 }),
            },
          ]
        : [],
    });
  });
  for (const p of ['A', 'B'])
    new Source(plant, { id: `src${p}`, product: p, interarrival: new Exponential({ mean: 4 }) });
  const stats = new PlantStatistics(plant);
  return { plant, ids, stats };
}

describe('operator invariants (random lines)', () => {
  const horizonS = 800;

  it('an operator is at one machine at a time, a machine holds one operator at a time, and attended work always has her', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { plant } = build(s);
        const at = new Map<string, string>(); // operator → server
        const holder = new Map<string, string>(); // server → operator
        const violations: string[] = [];
        plant.events.on('operatorAssigned', (_p, op, st, i, t) => {
          const server = `${st}/${i}`;
          if (at.has(op)) violations.push(`${t}: ${op} at ${server} while at ${at.get(op)}`);
          if (holder.has(server))
            violations.push(`${t}: ${server} gets ${op} while holding ${holder.get(server)}`);
          at.set(op, server);
          holder.set(server, op);
        });
        plant.events.on('operatorStateChanged', (_p, op, from, _to) => {
          if (from !== 'working') return;
          holder.delete(at.get(op)!);
          at.delete(op);
        });
        plant.events.on('serverStateChanged', (st, i, _from, to, t) => {
          const tasks = s.stations[Number(st.slice(1))]!.tasks;
          if (to === 'busy' && tasks.includes('process') && !holder.has(`${st}/${i}`))
            violations.push(`${t}: ${st}/${i} busy without its operator`);
          if (to === 'setup' && tasks.includes('setup') && !holder.has(`${st}/${i}`))
            violations.push(`${t}: ${st}/${i} sets up without its operator`);
          if ((to === 'idle' || to === 'down-waiting' || to === 'blocked') && holder.has(`${st}/${i}`))
            violations.push(`${t}: ${st}/${i} ${to} and still holds ${holder.get(`${st}/${i}`)}`);
        });
        plant.run({ until: horizonS });
        expect(violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('parts are conserved and every server state, waiting for an operator included, sums to the elapsed time', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { plant, ids, stats } = build(s);
        plant.run({ until: horizonS });
        expect(plant.released).toBe(plant.finished + plant.inSystem);
        for (const id of ids) {
          for (const d of stats.stateDurations(id)) {
            expect(SERVER_STATES.reduce((acc, st) => acc + d[st], 0)).toBeCloseTo(horizonS, 6);
          }
        }
        const pool = stats.report().operators!.pools.ops!;
        const f = pool.stateFractions;
        expect(f.idle + f.travelling + f.working + f['off-shift']).toBeCloseTo(1, 9);
        if (s.walkS === 0) expect(pool.walkingFraction).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
