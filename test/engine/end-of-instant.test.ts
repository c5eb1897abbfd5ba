import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.js';

describe('Simulation.atEndOfInstant', () => {
  it('runs after every event at the current time, before the clock moves on', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    sim.schedule(1, () => {
      log.push(['a', sim.now]);
      sim.atEndOfInstant(() => log.push(['end', sim.now]));
      sim.schedule(0, () => log.push(['b', sim.now]));
    });
    sim.schedule(1, () => log.push(['c', sim.now]), undefined, 5);
    sim.schedule(2, () => log.push(['d', sim.now]));
    sim.run();
    expect(log).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['end', 1],
      ['d', 2],
    ]);
  });

  it('events a callback schedules at the current time run before the next callback', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.schedule(1, () => {
      sim.atEndOfInstant(() => {
        log.push('end1');
        sim.schedule(0, () => log.push('caused'));
      });
      sim.atEndOfInstant(() => log.push('end2'));
    });
    sim.run();
    expect(log).toEqual(['end1', 'caused', 'end2']);
  });

  it('a run split at any point (until, maxEvents, stop in a callback) runs the same steps in the same order', () => {
    const model = (sim: Simulation, log: string[]) => {
      for (let k = 0; k < 5; k++) {
        sim.schedule(k % 2, () => {
          log.push(`e${k}@${sim.now}`);
          sim.atEndOfInstant(() => {
            log.push(`end${k}@${sim.now}`);
            if (k === 2) sim.stop();
          });
        });
      }
    };
    const whole = new Simulation();
    const a: string[] = [];
    model(whole, a);
    while (whole.run().reason === 'stopped');
    for (const split of [{ maxEvents: 1 }, { maxEvents: 2 }, { until: 1 }]) {
      const sim = new Simulation();
      const b: string[] = [];
      model(sim, b);
      for (let i = 0; i < 50 && sim.pending > 0; i++) sim.run(split.until === undefined ? split : {});
      expect(b).toEqual(a);
    }
    expect(a).toEqual([
      'e0@0',
      'e2@0',
      'e4@0',
      'end0@0',
      'end2@0',
      'end4@0',
      'e1@1',
      'e3@1',
      'end1@1',
      'end3@1',
    ]);
  });

  it('peek and pending count a waiting callback; a non-function is refused naming the call', () => {
    const sim = new Simulation();
    sim.schedule(3, () => {});
    sim.atEndOfInstant(() => {});
    expect(sim.peek()).toBe(0);
    expect(sim.pending).toBe(2);
    expect(() => sim.atEndOfInstant(5 as unknown as () => void)).toThrow(
      /Simulation.atEndOfInstant: callback must be a function/,
    );
  });
});
