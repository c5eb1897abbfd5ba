/**
 * Operators publish their walks, jobs and initial state as crews do, and appear in `plant.snapshot()`.
 */
import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { OperatorPool, OrderSource, Plant, Sink, Station } from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

/** One operator `ann` at (0, 0) walking at 2 m/s to machine M at (6, 8) (10 m: 5 s); one part at 0. */
function build() {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim);
  const log: unknown[][] = [];
  plant.events.on('operatorMoved', (...a) => log.push(['operatorMoved', ...a]));
  plant.events.on('operatorJobChanged', (...a) => log.push(['operatorJobChanged', ...a]));
  plant.events.on('operatorStateChanged', (...a) => log.push(['operatorStateChanged', ...a]));
  plant.events.on('shiftChanged', (entity, ...a) => {
    if (entity.startsWith('ops/')) log.push(['shiftChanged', entity, ...a]);
  });
  plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  const pool = new OperatorPool(plant, {
    id: 'ops',
    operators: [{ id: 'ann', home: { x: 0, y: 0 } }],
    travel: { speedMps: 2 },
  });
  new Station(plant, {
    id: 'M',
    position: { x: 6, y: 8 },
    processTimes: { p: c(10) },
    operator: { pool, tasks: ['load', 'process'], loadTime: c(1) },
  });
  new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 1 }] });
  return { sim, plant, log };
}

describe('operators in the observation layer', () => {
  it("an operator's walk is published as operatorMoved, her job as operatorJobChanged, and the snapshot interpolates her position", () => {
    const { plant, log } = build();
    plant.run({ until: 2.5 });
    expect(log).toEqual([
      // the first run announces her state and working time
      ['shiftChanged', 'ops/ann', true, 0],
      ['operatorStateChanged', 'ops', 'ann', 'idle', 'idle', 0],
      ['operatorJobChanged', 'ops', 'ann', { task: 'load', station: 'M', server: 0 }, 0],
      ['operatorStateChanged', 'ops', 'ann', 'idle', 'travelling', 0],
      ['operatorMoved', 'ops', 'ann', { x: 0, y: 0 }, { x: 6, y: 8 }, 5, 0],
    ]);
    // Half way (2.5 s of 5 s): half of the straight line.
    const half = plant.snapshot();
    expect(half.operators).toEqual({
      ops: {
        operators: [
          {
            id: 'ann',
            state: 'travelling',
            position: { x: 3, y: 4 },
            motion: { from: { x: 0, y: 0 }, to: { x: 6, y: 8 }, fromT: 0, toT: 5 },
            job: { task: 'load', station: 'M', server: 0 },
          },
        ],
      },
    });
    expect(half.shifts['ops/ann']).toBe(true);
    // Arrived (5 s), working: at the machine, no motion; released after load (1 s) and processing (10 s).
    plant.run({ until: 6 });
    expect(plant.snapshot().operators.ops!.operators[0]).toMatchObject({
      state: 'working',
      position: { x: 6, y: 8 },
      motion: null,
    });
    plant.run({ until: 100 });
    expect(log.slice(5)).toEqual([
      ['operatorStateChanged', 'ops', 'ann', 'travelling', 'working', 5],
      ['operatorJobChanged', 'ops', 'ann', null, 16],
      ['operatorStateChanged', 'ops', 'ann', 'working', 'idle', 16],
    ]);
    expect(plant.snapshot().operators.ops!.operators[0]).toEqual({
      id: 'ann',
      state: 'idle',
      position: { x: 6, y: 8 },
      motion: null,
      job: null,
    });
  });
});
