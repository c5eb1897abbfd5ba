import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';
import { buildRandomModel, type LogEntry, type RandomModelOptions } from './_support/random-model.js';

const modelOptions = fc.record({
  workers: fc.integer({ min: 1, max: 6 }),
  capacity: fc.integer({ min: 1, max: 3 }),
  priority: fc.boolean(),
});

/** Runs the random model to the end, in one go or in the pieces given. */
function runModel(options: RandomModelOptions, seed: number, pieces: Piece[] = []): LogEntry[] {
  const sim = new Simulation({ seed });
  const log: LogEntry[] = [];
  buildRandomModel(sim, options, log);
  for (const p of pieces) {
    if (p.kind === 'until') sim.run({ until: Math.max(sim.now, p.until) });
    else if (p.kind === 'events') sim.run({ maxEvents: p.events });
    else sim.step();
  }
  sim.run();
  return log;
}

type Piece = { kind: 'until'; until: number } | { kind: 'events'; events: number } | { kind: 'step' };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('until' as const), until: fc.double({ min: 0, max: 60, noNaN: true }) }),
  fc.record({ kind: fc.constant('events' as const), events: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('step' as const) }),
);

describe('kernel properties', () => {
  it('simulation time never decreases', () => {
    fc.assert(
      fc.property(modelOptions, fc.integer(), (options, seed) => {
        const log = runModel(options, seed);
        for (let i = 1; i < log.length; i++) expect(log[i]![1]).toBeGreaterThanOrEqual(log[i - 1]![1]);
      }),
      { numRuns: 60 },
    );
  });

  it('events with equal (time, priority) run in insertion order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ time: fc.integer({ min: 0, max: 5 }), priority: fc.integer({ min: -2, max: 2 }) }),
          {
            maxLength: 80,
          },
        ),
        (events) => {
          const sim = new Simulation();
          const ran: number[] = [];
          events.forEach((e, i) => {
            sim.schedule(e.time, (k: number) => ran.push(k), i, e.priority);
          });
          sim.run();
          const expected = events
            .map((e, i) => ({ ...e, i }))
            .sort((a, b) => a.time - b.time || a.priority - b.priority || a.i - b.i)
            .map((e) => e.i);
          expect(ran).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('resuming: a run split anywhere (until, maxEvents, step) gives the identical event log', () => {
    fc.assert(
      fc.property(modelOptions, fc.integer(), fc.array(piece, { maxLength: 12 }), (options, seed, pieces) => {
        expect(runModel(options, seed, pieces)).toEqual(runModel(options, seed));
      }),
      { numRuns: 80 },
    );
  });

  it('same seed, same log; another seed, another log', () => {
    fc.assert(
      fc.property(modelOptions, fc.integer(), (options, seed) => {
        const a = runModel(options, seed);
        expect(runModel(options, seed)).toEqual(a);
        expect(runModel(options, seed + 1)).not.toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('cancelling random events: exactly the others run, in order, and nothing is left behind', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean()), { maxLength: 200 }),
        (spec) => {
          const sim = new Simulation();
          const ran: number[] = [];
          const ids = spec.map(([t], i) => sim.schedule(t, (k: number) => ran.push(k), i));
          spec.forEach(([, cancel], i) => {
            if (cancel) expect(sim.cancel(ids[i]!)).toBe(true);
          });
          expect(sim.pending).toBe(spec.filter(([, c]) => !c).length);
          sim.run();
          const expected = spec
            .map(([t, c], i) => ({ t, c, i }))
            .filter((e) => !e.c)
            .sort((a, b) => a.t - b.t || a.i - b.i)
            .map((e) => e.i);
          expect(ran).toEqual(expected);
          expect(sim.pending).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
