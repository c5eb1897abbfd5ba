import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  type FailureModeOptions,
  OperatorPool,
  type OperatorPoolOptions,
  OrderSource,
  Plant,
  type Position,
  ShiftCalendar,
  Sink,
  Station,
} from '../../src/entities/index.js';
import type { OperatorTask } from '../../src/policies/contract.js';
import { nearestMachine } from '../../src/policies/index.js';

const c = (v: number) => new Constant({ value: v });

interface MachineSpec {
  readonly id: string;
  readonly position?: Position;
  readonly tasks?: readonly OperatorTask[];
  readonly failures?: readonly FailureModeOptions[];
  readonly processS?: number;
}

/**
 * Logs server and operator state changes into `log`, leaving out the first run's announcements of the
 * initial state (`from` equal to `to`), which these tests are not about.
 */
function recordChanges(plant: Plant, log: string[]): void {
  plant.events.on('serverStateChanged', (st, i, from, to, t) => {
    if (from !== to) log.push(`${t} ${st}/${i} ${to}`);
  });
  plant.events.on('operatorStateChanged', (_p, op, from, to, t) => {
    if (from !== to) log.push(`${t} ${op} ${from}->${to}`);
  });
}

/**
 * A plant whose product `p<id>` goes to machine `id` only (10 s of processing unless said), one operator
 * pool `ops` (one operator `ann`, no walking unless said), parts released at the given times, and a log
 * of server states and operator moves.
 */
function build(
  machines: readonly MachineSpec[],
  parts: readonly [releaseS: number, machine: string][],
  pool: Partial<OperatorPoolOptions> = {},
  agent = false,
) {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim, agent ? { agent: ['operator'] } : {});
  const log: string[] = [];
  recordChanges(plant, log);
  plant.events.on('operatorAssigned', (_p, op, st, i, t) => log.push(`${t} ${op} at ${st}/${i}`));
  new Sink(plant, { id: 'out' });
  const ops = new OperatorPool(plant, { id: 'ops', operators: [{ id: 'ann' }], ...pool });
  for (const m of machines) {
    plant.addProduct({ id: `p${m.id}`, routing: [m.id], sink: 'out' });
    new Station(plant, {
      id: m.id,
      position: m.position,
      processTimes: { [`p${m.id}`]: c(m.processS ?? 10) },
      operator: { pool: ops, tasks: m.tasks ?? ['process'] },
      failures: m.failures ?? [],
    });
  }
  new OrderSource(plant, {
    id: 'orders',
    orders: parts.map(([releaseS, m]) => ({ releaseS, product: `p${m}`, quantity: 1 })),
  });
  return { sim, plant, ops, log };
}

describe('OperatorPool and a station needing operators', () => {
  it('one visit covers load, setup and processing; she walks while the machine waits, and leaves when the part is done', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    const log: string[] = [];
    recordChanges(plant, log);
    plant.events.on('operatorAssigned', (_p, op, st, i, t) => log.push(`${t} ${op} at ${st}/${i}`));
    plant.addProduct({ id: 'A', routing: ['M'], sink: 'out' });
    plant.addProduct({ id: 'B', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const pool = new OperatorPool(plant, { id: 'ops', operators: [{ id: 'ann' }], travel: { fixedS: 3 } });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(10), B: c(10) },
      setupTimes: { A: { B: c(2) } },
      operator: { pool, tasks: ['load', 'setup', 'process'], loadTime: c(1) },
    });
    new OrderSource(plant, {
      id: 'o',
      orders: [
        { releaseS: 0, product: 'A', quantity: 1 },
        { releaseS: 0, product: 'B', quantity: 1 },
      ],
    });
    plant.run({ until: 100 });
    expect(log).toEqual([
      '0 M/0 waiting-operator',
      '0 ann idle->travelling',
      '3 ann travelling->working',
      '3 ann at M/0',
      '3 M/0 handling', // loading, 1 s
      '4 M/0 busy', // the first part needs no setup
      '14 ann working->idle', // processed: the unload needs nobody, so she is free
      '14 M/0 idle',
      '14 M/0 waiting-operator', // the next part is on, waiting for her
      '14 ann idle->travelling',
      '17 ann travelling->working',
      '17 ann at M/0',
      '17 M/0 handling',
      '18 M/0 setup', // A → B, 2 s: she stays
      '20 M/0 busy',
      '30 ann working->idle',
      '30 M/0 idle',
    ]);
  });

  it('an unload by the operator comes after the processing, and she leaves once the part is off', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    const log: string[] = [];
    recordChanges(plant, log);
    plant.addProduct({ id: 'A', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const pool = new OperatorPool(plant, { id: 'ops', operators: 1 });
    new Station(plant, {
      id: 'M',
      processTimes: { A: c(10) },
      operator: { pool, tasks: ['unload'], unloadTime: c(2) },
    });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'A', quantity: 1 }] });
    plant.run({ until: 100 });
    expect(log).toEqual([
      '0 M/0 busy', // runs on its own
      '10 M/0 waiting-operator',
      '10 1 idle->travelling',
      '10 1 travelling->working',
      '10 M/0 handling',
      '12 1 working->idle',
      '12 M/0 idle',
    ]);
    expect(plant.finished).toBe(1);
  });

  it('walking by speed takes the straight-line distance, and she stays where she worked', () => {
    const { plant, log } = build(
      [
        { id: 'M1', position: { x: 6, y: 8 } },
        { id: 'M2', position: { x: 6, y: 0 } },
      ],
      [
        [0, 'M1'],
        [0, 'M2'],
      ],
      { travel: { speedMps: 2 }, operators: [{ id: 'ann', home: { x: 0, y: 0 } }] },
    );
    plant.run({ until: 100 });
    // 10 m from home to M1 at 2 m/s, then 8 m from M1 to M2.
    expect(log.filter((l) => l.includes(' at '))).toEqual(['5 ann at M1/0', '19 ann at M2/0']);
    expect(log).toContain('0 M2/0 waiting-operator');
  });

  it('a failure during attended processing sends her away; after the repair she comes back for the rest', () => {
    const { plant, log } = build(
      [{ id: 'M', processS: 8, failures: [{ name: 'f', timeToFailure: c(5), timeToRepair: c(2) }] }],
      [[0, 'M']],
    );
    plant.run({ until: 11 });
    expect(log).toEqual([
      '0 M/0 waiting-operator',
      '0 ann idle->travelling',
      '0 ann travelling->working',
      '0 ann at M/0',
      '0 M/0 busy',
      '5 ann working->idle', // it fails and she leaves; the repair starts at once (no crew pool)
      '5 M/0 down-waiting',
      '5 M/0 repair',
      '7 M/0 waiting-operator', // 3 s of work left
      '7 ann idle->travelling',
      '7 ann travelling->working',
      '7 ann at M/0',
      '7 M/0 busy',
      '10 ann working->idle',
      '10 M/0 idle',
    ]);
  });

  it('off her shift nobody comes: the machine waits until her shift starts', () => {
    // Her shift: Monday 01:00–02:00 (time 0 is Monday 00:00).
    const shifts = new ShiftCalendar([{ days: ['mon'], startS: 3600, endS: 7200 }]);
    const { plant, log, ops } = build([{ id: 'M' }], [[0, 'M']], { operators: [{ id: 'ann', shifts }] });
    expect(ops.operatorState('ann')).toBe('off-shift');
    plant.run({ until: 4000 });
    expect(log).toEqual([
      '0 M/0 waiting-operator',
      '3600 ann off-shift->idle',
      '3600 ann idle->travelling',
      '3600 ann travelling->working',
      '3600 ann at M/0',
      '3600 M/0 busy',
      '3610 ann working->idle',
      '3610 M/0 idle',
    ]);
  });

  it('first come, first served takes the older part; nearest takes the shorter walk', () => {
    const machines = [
      { id: 'far', position: { x: 30, y: 0 } },
      { id: 'near', position: { x: 3, y: 0 } },
      { id: 'busy', position: { x: 0, y: 0 } },
    ];
    // She attends `busy` from 0 to 10; `far` got its part at 1, `near` at 2.
    const parts: [number, string][] = [
      [0, 'busy'],
      [1, 'far'],
      [2, 'near'],
    ];
    const visits = (pool: Partial<OperatorPoolOptions>) => {
      const { plant, log } = build(machines, parts, { travel: { speedMps: 1 }, ...pool });
      plant.run({ until: 200 });
      return log.filter((l) => l.includes(' at '));
    };
    expect(visits({})).toEqual(['0 ann at busy/0', '40 ann at far/0', '77 ann at near/0']);
    expect(visits({ dispatch: nearestMachine })).toEqual([
      '0 ann at busy/0',
      '13 ann at near/0',
      '50 ann at far/0',
    ]);
  });

  it('with the operator kind given to an agent, the run stops at her choice and goes on with the answer', () => {
    const { plant, log } = build(
      [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      [
        [0, 'A'],
        [1, 'B'],
        [2, 'C'],
      ],
      {},
      true,
    );
    const stop = plant.runUntilDecision({ until: 100 });
    if (!('point' in stop)) throw new Error('expected a decision');
    expect(stop.point.kind).toBe('operator');
    if (stop.point.kind !== 'operator') return;
    expect(stop.point.operator).toBe('ann');
    expect(stop.point.options.map((o) => [o.station, o.task, o.partQueuedS])).toEqual([
      ['B', 'process', 1],
      ['C', 'process', 2],
    ]);
    plant.decide(1);
    plant.run({ until: 100 });
    expect(log.filter((l) => l.includes(' at '))).toEqual(['0 ann at A/0', '10 ann at C/0', '20 ann at B/0']);
  });

  it('a station needing a skill nobody of the pool has, or an operator load at a robot cell, is refused', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    const pool = new OperatorPool(plant, { id: 'ops', operators: 2, skills: ['turning'] });
    expect(
      () =>
        new Station(plant, {
          id: 'M',
          processTimes: {},
          operator: { pool, tasks: ['setup'], skill: 'welding' },
        }),
    ).toThrow(/setup at M needs an operator with skill "welding", which nobody of ops has/);
    expect(
      () =>
        new Station(plant, {
          id: 'N',
          processTimes: {},
          operator: { pool, tasks: ['load'] },
        }),
    ).toThrow(/N needs a loadTime exactly when an operator does the load/);
    expect(() => new OperatorPool(plant, { id: 'none', operators: 0 })).toThrow(/at least one operator/);
  });
});
