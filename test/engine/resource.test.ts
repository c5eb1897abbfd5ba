import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../src/engine/errors.js';
import { Interrupt } from '../../src/engine/interrupt.js';
import type { Preempted } from '../../src/engine/request.js';
import { Resource } from '../../src/engine/resource.js';
import { Simulation } from '../../src/engine/simulation.js';

/** Starts a process that holds one unit of `res` for `hold` seconds and logs when it got and released it. */
function user(
  sim: Simulation,
  res: Resource,
  name: string,
  hold: number,
  log: [string, number][],
  priority = 0,
) {
  return sim.process(function* () {
    const req = res.request({ priority });
    yield req;
    log.push([`${name} got`, sim.now]);
    yield hold;
    res.release(req);
    log.push([`${name} left`, sim.now]);
  });
}

describe('Resource: capacity and queue order', () => {
  it('serves waiting requests first come, first served', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 1 });
    const log: [string, number][] = [];
    user(sim, res, 'a', 2, log);
    user(sim, res, 'b', 2, log);
    user(sim, res, 'c', 2, log);
    sim.run();
    expect(log).toEqual([
      ['a got', 0],
      ['a left', 2],
      ['b got', 2],
      ['b left', 4],
      ['c got', 4],
      ['c left', 6],
    ]);
  });

  it('with capacity 2, two users hold a unit at once', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { capacity: 2 });
    const log: [string, number][] = [];
    for (const n of ['a', 'b', 'c']) user(sim, res, n, 3, log);
    sim.run();
    expect(log.filter(([l]) => l.endsWith('got'))).toEqual([
      ['a got', 0],
      ['b got', 0],
      ['c got', 3],
    ]);
  });

  it('a priority resource serves the lowest priority value first, then arrival order', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { discipline: 'priority' });
    const log: [string, number][] = [];
    user(sim, res, 'first', 1, log, 5);
    sim.schedule(0.5, () => {
      user(sim, res, 'low', 1, log, 9);
      user(sim, res, 'high', 1, log, 1);
      user(sim, res, 'high2', 1, log, 1);
    });
    sim.run();
    expect(log.filter(([l]) => l.endsWith('got')).map(([l]) => l)).toEqual([
      'first got',
      'high got',
      'high2 got',
      'low got',
    ]);
  });

  it('a cancelled request leaves the queue as if it had never been made', () => {
    const sim = new Simulation();
    const res = new Resource(sim);
    const log: [string, number][] = [];
    user(sim, res, 'a', 2, log);
    sim.process(function* () {
      const req = res.request();
      yield 1;
      expect(res.queueLength).toBe(2);
      expect(req.cancel()).toBe(true);
      expect(res.queueLength).toBe(1);
      expect(res.waiting).not.toContain(req);
      expect(req.state).toBe('cancelled');
    });
    user(sim, res, 'c', 2, log);
    sim.run();
    expect(log).toEqual([
      ['a got', 0],
      ['a left', 2],
      ['c got', 2],
      ['c left', 4],
    ]);
  });

  it('the callback API grants at once when a unit is free and from release otherwise', () => {
    const sim = new Simulation();
    const res = new Resource(sim);
    const log: [string, number][] = [];
    const use = (name: string) => {
      log.push([`${name} got`, sim.now]);
      sim.schedule(2, () => res.release());
    };
    res.acquire(use, 'a');
    res.acquire(use, 'b');
    expect(res.inUse).toBe(1);
    expect(res.queueLength).toBe(1);
    sim.run();
    expect(log).toEqual([
      ['a got', 0],
      ['b got', 2],
    ]);
  });

  it('a preempted user is interrupted, learns its remaining work, and can finish it later', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { preemptive: true });
    const log: unknown[] = [];
    sim.process(function* () {
      let work = 10;
      while (work > 0) {
        const req = res.request({ priority: 5 });
        yield req;
        try {
          yield work;
          work = 0;
          res.release(req);
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          const cause = e.cause as Preempted;
          log.push(['preempted', sim.now, e.remaining, cause.usageSince, cause.by.priority]);
          work = e.remaining;
        }
      }
      log.push(['low done', sim.now]);
    });
    sim.process(function* () {
      yield 3;
      const req = res.request({ priority: 1, preempt: true });
      yield req;
      log.push(['urgent got', sim.now]);
      yield 4;
      res.release(req);
    });
    sim.run();
    // 3 s done, preempted for 4 s, 7 s left: done at 14.
    expect(log).toEqual([
      ['preempted', 3, 7, 0, 1],
      ['urgent got', 3],
      ['low done', 14],
    ]);
  });

  it('a request may not preempt an equally important user', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { preemptive: true });
    const log: [string, number][] = [];
    user(sim, res, 'a', 5, log, 1);
    sim.process(function* () {
      yield 1;
      const req = res.request({ priority: 1, preempt: true });
      yield req;
      log.push(['b got', sim.now]);
      res.release(req);
    });
    sim.run();
    expect(log).toEqual([
      ['a got', 0],
      ['a left', 5],
      ['b got', 5],
    ]);
  });
});

describe('Resource: bad calls', () => {
  const sim = new Simulation();
  it.each([
    ['capacity 0', () => new Resource(sim, { capacity: 0 }), /capacity must be an integer >= 1 \(got 0\)/],
    ['capacity 1.5', () => new Resource(sim, { capacity: 1.5 }), /got 1\.5/],
    ['unknown discipline', () => new Resource(sim, { discipline: 'lifo' as never }), /discipline .*"lifo"/],
    ['fractional priority', () => new Resource(sim).request({ priority: 0.5 }), /priority .*0\.5/],
    ['preempt on a plain resource', () => new Resource(sim).request({ preempt: true }), /preemptive: true/],
  ])('%s is rejected', (_n, call, msg) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(msg);
  });

  it('releasing what is not held throws', () => {
    const res = new Resource(sim, { name: 'lathe' });
    expect(() => res.release()).toThrow(InvalidStateError);
    expect(() => res.release()).toThrow(/lathe\.release: no unit taken with acquire\(\) is held/);
    const other = new Resource(sim).request();
    expect(() => res.release(other)).toThrow(/not a request of this resource/);
  });

  it('releasing a request twice throws', () => {
    const s = new Simulation();
    const res = new Resource(s);
    const req = res.request();
    res.release(req);
    expect(() => res.release(req)).toThrow(/the request is released, not granted/);
  });
});
