import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../src/engine/errors.js';
import { Simulation } from '../../src/engine/simulation.js';

/** A model whose handlers append [label, now] to a log. */
function logger(sim: Simulation) {
  const log: [string, number][] = [];
  const at = (label: string) => () => log.push([label, sim.now]);
  return { log, at };
}

describe('Simulation: the calendar and the clock', () => {
  it('runs events in time order and advances the clock to each', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(3, at('c'));
    sim.schedule(1, at('a'));
    sim.schedule(2, at('b'));
    sim.run();
    expect(log).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('runs same-time events by priority (lower first), then in the order they were scheduled', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(5, at('normal-1'));
    sim.schedule(5, at('late'), undefined, 1);
    sim.schedule(5, at('urgent'), undefined, -1);
    sim.schedule(5, at('normal-2'));
    sim.run();
    expect(log.map(([l]) => l)).toEqual(['urgent', 'normal-1', 'normal-2', 'late']);
  });

  it('passes the scheduled data to the handler', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.schedule(1, (part: string) => seen.push(part), 'P-17');
    sim.run();
    expect(seen).toEqual(['P-17']);
  });

  it('scheduleAt takes an absolute time', () => {
    const sim = new Simulation({ start: 10 });
    const { log, at } = logger(sim);
    sim.scheduleAt(12.5, at('x'));
    sim.run();
    expect(log).toEqual([['x', 12.5]]);
  });

  it('a cancelled event never runs and leaves the calendar', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    const id = sim.schedule(1, at('cancelled'));
    sim.schedule(2, at('kept'));
    expect(sim.pending).toBe(2);
    expect(sim.cancel(id)).toBe(true);
    expect(sim.pending).toBe(1);
    expect(sim.cancel(id)).toBe(false);
    sim.run();
    expect(log).toEqual([['kept', 2]]);
  });

  it('a stale id (of an event that already ran) does not cancel a newer event in the same slot', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    const old = sim.schedule(1, at('old'));
    sim.run();
    sim.schedule(1, at('new'));
    expect(sim.isPending(old)).toBe(false);
    expect(sim.cancel(old)).toBe(false);
    sim.run();
    expect(log).toEqual([
      ['old', 1],
      ['new', 2],
    ]);
  });

  it('event ids are never small integers, from the first event on (V8 holds them as doubles throughout)', () => {
    const sim = new Simulation();
    const ids: number[] = [];
    for (let i = 0; i < 1000; i++) {
      ids.push(sim.schedule(1, () => {}));
      sim.run();
    }
    // 2^31: above it V8 cannot store a number as a small integer, so no field holding an id changes
    // representation (and throws away optimised code) part way through a run.
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(2 ** 31);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('peek shows the next event time, Infinity when idle', () => {
    const sim = new Simulation();
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
    sim.schedule(4, () => {});
    expect(sim.peek()).toBe(4);
  });

  it('step runs exactly one event', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(1, at('a'));
    sim.schedule(2, at('b'));
    expect(sim.step()).toBe(true);
    expect(log).toEqual([['a', 1]]);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(log).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('run({until}) leaves events at exactly `until` pending and sets the clock to `until`', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(5, at('at-5'));
    const r = sim.run({ until: 5 });
    expect(r).toEqual({ reason: 'until', events: 0, now: 5 });
    expect(log).toEqual([]);
    sim.run({ until: 6 });
    expect(log).toEqual([['at-5', 5]]);
    expect(sim.now).toBe(6);
  });

  it('run({until}) past the last event advances the clock to `until`', () => {
    const sim = new Simulation();
    sim.schedule(1, () => {});
    expect(sim.run({ until: 100 })).toEqual({ reason: 'empty', events: 1, now: 100 });
  });

  it('run({maxEvents}) stops after that many events, the clock at the last one', () => {
    const sim = new Simulation();
    for (let i = 1; i <= 5; i++) sim.schedule(i, () => {});
    expect(sim.run({ maxEvents: 3 })).toEqual({ reason: 'maxEvents', events: 3, now: 3 });
    expect(sim.run()).toEqual({ reason: 'empty', events: 2, now: 5 });
    expect(sim.eventCount).toBe(5);
  });

  it('a handler can stop the run; the next run continues with the following event', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(1, () => {
      log.push(['stop', sim.now]);
      sim.stop();
    });
    sim.schedule(2, at('after'));
    expect(sim.run().reason).toBe('stopped');
    expect(log).toEqual([['stop', 1]]);
    sim.run();
    expect(log).toEqual([
      ['stop', 1],
      ['after', 2],
    ]);
  });

  it('an error thrown by a handler propagates, and the run can continue afterwards', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(1, () => {
      throw new Error('boom');
    });
    sim.schedule(2, at('b'));
    expect(() => sim.run()).toThrow('boom');
    sim.run();
    expect(log).toEqual([['b', 2]]);
  });

  it('handlers scheduled from handlers at delay 0 run at the same time, after those already due', () => {
    const sim = new Simulation();
    const { log, at } = logger(sim);
    sim.schedule(1, () => {
      log.push(['first', sim.now]);
      sim.schedule(0, at('zero-delay'));
    });
    sim.schedule(1, at('second'));
    sim.run();
    expect(log).toEqual([
      ['first', 1],
      ['second', 1],
      ['zero-delay', 1],
    ]);
  });
});

describe('Simulation: bad calls are rejected, naming the call and the value', () => {
  const sim = new Simulation();
  it.each([
    ['NaN delay', () => sim.schedule(Number.NaN, () => {}), /Simulation\.schedule: delay .*NaN/],
    ['negative delay', () => sim.schedule(-1, () => {}), /Simulation\.schedule: delay .*-1/],
    ['infinite delay', () => sim.schedule(Number.POSITIVE_INFINITY, () => {}), /Simulation\.schedule: delay/],
    ['fractional priority', () => sim.schedule(1, () => {}, undefined, 0.5), /priority .*0\.5/],
    ['missing handler', () => sim.schedule(1, undefined as never), /handler must be a function/],
    ['NaN time', () => sim.scheduleAt(Number.NaN, () => {}), /Simulation\.scheduleAt: time .*NaN/],
    ['bad maxEvents', () => sim.run({ maxEvents: -1 }), /Simulation\.run: maxEvents .*-1/],
    ['NaN until', () => sim.run({ until: Number.NaN }), /Simulation\.run: until .*NaN/],
    ['bad cancel id', () => sim.cancel(-3), /Simulation\.cancel: .*-3/],
    ['bad seed', () => new Simulation({ seed: 1.5 }), /1\.5/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });

  it('scheduling in the past throws', () => {
    const s = new Simulation({ start: 10 });
    expect(() => s.scheduleAt(9, () => {})).toThrow(
      /Simulation\.scheduleAt: time must be >= now \(10 s\) \(got 9\)/,
    );
  });

  it('run({until}) earlier than now throws', () => {
    const s = new Simulation({ start: 10 });
    expect(() => s.run({ until: 5 })).toThrow(/Simulation\.run: until \(5 s\) is earlier than now \(10 s\)/);
  });

  it('run from inside a handler throws', () => {
    const s = new Simulation();
    s.schedule(1, () => s.run());
    expect(() => s.run()).toThrow(InvalidStateError);
  });

  it('errors carry a code and say whether the run can go on', () => {
    try {
      sim.schedule(-1, () => {});
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_ARGUMENT', fatal: false });
    }
    expect.assertions(1);
  });
});
