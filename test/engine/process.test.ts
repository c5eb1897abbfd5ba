import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError } from '../../src/engine/errors.js';
import { Interrupt } from '../../src/engine/interrupt.js';
import { Simulation } from '../../src/engine/simulation.js';

describe('Process: generator processes in the style of SimPy', () => {
  it('a process waits for yielded delays and timeouts', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    sim.process(function* () {
      log.push(['start', sim.now]);
      yield 2;
      log.push(['after 2', sim.now]);
      const v = yield sim.timeout(3, 'tick');
      log.push([`got ${v}`, sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ['start', 0],
      ['after 2', 2],
      ['got tick', 5],
    ]);
  });

  it('a process is an event: another process can wait for it and receive its return value', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    const child = sim.process(function* () {
      yield 4;
      return 'child done';
    });
    sim.process(function* () {
      const v = yield child;
      log.push([v, sim.now]);
    });
    sim.run();
    expect(log).toEqual([['child done', 4]]);
  });

  it('yielding an event that already happened continues at once with its value', () => {
    const sim = new Simulation();
    const ev = sim.event<number>();
    ev.succeed(7);
    const got: number[] = [];
    sim.process(function* () {
      yield 1;
      got.push((yield ev) as number, sim.now);
    });
    sim.run();
    expect(got).toEqual([7, 1]);
  });

  it('an event triggered by model code resumes every waiting process in the order they started waiting', () => {
    const sim = new Simulation();
    const go = sim.event<string>('go');
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      sim.process(function* () {
        const v = yield go;
        log.push(`${name}:${v}@${sim.now}`);
      });
    }
    sim.schedule(3, () => go.succeed('green'));
    sim.run();
    expect(log).toEqual(['a:green@3', 'b:green@3', 'c:green@3']);
  });

  it('a failed event throws its error at the yield of the waiting process', () => {
    const sim = new Simulation();
    const ev = sim.event();
    const caught: string[] = [];
    sim.process(function* () {
      try {
        yield ev;
      } catch (e) {
        caught.push((e as Error).message);
      }
    });
    sim.schedule(1, () => ev.fail(new Error('jammed')));
    sim.run();
    expect(caught).toEqual(['jammed']);
  });

  it('a failed event that nobody waits for is not silently ignored: run rethrows it', () => {
    const sim = new Simulation();
    sim.schedule(1, () => sim.event().fail(new Error('unhandled')));
    expect(() => sim.run()).toThrow('unhandled');
  });

  it('an error escaping a process fails it; a waiting parent can catch it', () => {
    const sim = new Simulation();
    const child = sim.process(function* () {
      yield 1;
      throw new Error('child broke');
    });
    const seen: string[] = [];
    sim.process(function* () {
      try {
        yield child;
      } catch (e) {
        seen.push((e as Error).message);
      }
    });
    sim.run();
    expect(seen).toEqual(['child broke']);
  });

  it('allOf waits for every event and returns their values in order', () => {
    const sim = new Simulation();
    const out: unknown[] = [];
    sim.process(function* () {
      const values = yield sim.allOf([sim.timeout(3, 'slow'), sim.timeout(1, 'fast')]);
      out.push(values, sim.now);
    });
    sim.run();
    expect(out).toEqual([['slow', 'fast'], 3]);
  });

  it('anyOf resumes at the first event and says which one', () => {
    const sim = new Simulation();
    const out: unknown[] = [];
    sim.process(function* () {
      const first = yield sim.anyOf([sim.timeout(3, 'slow'), sim.timeout(1, 'fast')]);
      out.push(first.index, first.value, sim.now);
    });
    sim.run();
    expect(out).toEqual([1, 'fast', 1]);
  });

  it('an interrupted process learns how much of its delay remained', () => {
    const sim = new Simulation();
    const log: unknown[] = [];
    const machine = sim.process(function* () {
      let work = 10;
      while (work > 0) {
        try {
          yield work;
          work = 0;
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          log.push(['interrupted', sim.now, e.cause, e.remaining]);
          work = e.remaining;
          yield 5; // repair
        }
      }
      log.push(['finished', sim.now]);
    });
    sim.schedule(4, () => machine.interrupt('breakdown'));
    sim.run();
    // 4 s of work done, 5 s repair, the remaining 6 s: finished at 15.
    expect(log).toEqual([
      ['interrupted', 4, 'breakdown', 6],
      ['finished', 15],
    ]);
  });

  it('an interrupt while waiting for a timeout event also reports the remaining time', () => {
    const sim = new Simulation();
    let remaining = Number.NaN;
    const p = sim.process(function* () {
      try {
        yield sim.timeout(8);
      } catch (e) {
        remaining = (e as Interrupt).remaining;
      }
    });
    sim.schedule(3, () => p.interrupt());
    sim.run();
    expect(remaining).toBe(5);
  });

  it('interrupting a finished process throws', () => {
    const sim = new Simulation();
    const p = sim.process(function* () {
      yield 1;
    });
    sim.run();
    expect(() => p.interrupt()).toThrow(InvalidStateError);
  });

  it('yielding something that is neither a delay nor an event throws into the process', () => {
    const sim = new Simulation();
    const p = sim.process(function* () {
      yield 'soon' as never;
    });
    expect(() => sim.run()).toThrow(InvalidArgumentError);
    expect(p.ok).toBe(false);
    expect(String(p.value)).toMatch(/may yield a delay in seconds or an event \(got "soon"\)/);
  });

  it('a negative yielded delay throws into the process, naming the value', () => {
    const sim = new Simulation();
    sim.process(function* () {
      yield -2;
    });
    expect(() => sim.run()).toThrow(/delay must be a finite number >= 0 s \(got -2\)/);
  });

  it('an event can only be triggered once', () => {
    const sim = new Simulation();
    const ev = sim.event('part-ready');
    ev.succeed();
    expect(() => ev.succeed()).toThrow(/part-ready\.succeed: the event has already been triggered/);
  });
});
