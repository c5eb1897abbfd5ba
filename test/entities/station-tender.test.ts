import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  type MachineTender,
  OrderSource,
  Plant,
  PlantStatistics,
  Sink,
  Station,
  type TendRequest,
} from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

/** A tender that needs 2 s to load and 3 s to unload, one job at a time, then drops the part downstream. */
function fakeTender(plant: Plant): MachineTender & { log: string[] } {
  const log: string[] = [];
  let freeAt = 0;
  const job = (what: string, durationS: number, r: TendRequest, after?: () => void) => {
    const start = Math.max(plant.sim.now, freeAt);
    freeAt = start + durationS;
    plant.sim.scheduleAt(freeAt, () => {
      log.push(`${what} ${r.part.id}@${plant.sim.now}`);
      r.done();
      after?.();
    });
  };
  return {
    id: 'robot',
    log,
    load: (r) => job('load', 2, r),
    unload: (r) => job('unload', 3, r, () => plant.forward(r.part, 'robot')),
  };
}

describe('a station tended by a robot', () => {
  it('waits for the robot to load and unload (state handling), hand-computed', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const tender = fakeTender(plant);
    new Station(plant, { id: 'M', processTimes: { p: c(10) }, tender });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 2 }] });
    const stats = new PlantStatistics(plant);
    plant.run();
    // p1: load 0..2, work 2..12, unload 12..15; p2: load 15..17, work 17..27, unload 27..30.
    expect(tender.log).toEqual(['load 1@2', 'unload 1@15', 'load 2@17', 'unload 2@30']);
    expect(sim.now).toBe(30);
    const [d] = stats.stateDurations('M');
    expect(d!.handling).toBe(10);
    expect(d!.busy).toBe(20);
    expect(plant.finished).toBe(2);
  });
});
