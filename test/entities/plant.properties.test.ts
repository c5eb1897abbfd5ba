import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVER_STATES } from '../../src/entities/index.js';
import { recordEvents } from './_support/log.js';
import { buildLine, lineSpec } from './_support/random-line.js';

/** Invariants over random serial lines (finite buffers, failures, PM, crews). About 2 s. */
describe('plant invariants (random serial lines)', () => {
  const horizonS = 1_500;

  it('state durations of every server sum to the elapsed time', () => {
    fc.assert(
      fc.property(lineSpec, (spec) => {
        const { plant, stats, ids } = buildLine(spec);
        plant.run({ until: horizonS });
        for (const id of ids) {
          for (const d of stats.stateDurations(id)) {
            const sum = SERVER_STATES.reduce((acc, s) => acc + d[s], 0);
            expect(sum).toBeCloseTo(horizonS, 6);
          }
          const f = stats.report().stations[id]!.stateFractions;
          expect(SERVER_STATES.reduce((acc, s) => acc + f[s], 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('parts are conserved: released = finished + in system, at any stopping time', () => {
    fc.assert(
      fc.property(
        lineSpec,
        fc.array(fc.double({ min: 1, max: 300, noNaN: true }), { maxLength: 5 }),
        (spec, cuts) => {
          const { sim, plant } = buildLine(spec);
          let released = 0;
          let finished = 0;
          plant.events.on('partReleased', () => released++);
          plant.events.on('partFinished', () => finished++);
          for (const dt of cuts) {
            plant.run({ until: sim.now + dt });
            expect(plant.released).toBe(plant.finished + plant.inSystem);
            expect(released).toBe(plant.released);
            expect(finished).toBe(plant.finished);
            // every part in the system is held by exactly one entity
            for (const p of plant.partsInSystem()) expect(p.location).not.toBe('');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a buffer level never exceeds its capacity', () => {
    fc.assert(
      fc.property(lineSpec, (spec) => {
        const { plant } = buildLine(spec);
        const violations: string[] = [];
        plant.events.on('bufferLevelChanged', (id, level, t) => {
          if (!(level >= 0 && level <= plant.buffers.get(id)!.capacity))
            violations.push(`${id}=${level}@${t}`);
        });
        plant.run({ until: horizonS });
        expect(violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives the identical event log, however the run is split', () => {
    fc.assert(
      fc.property(lineSpec, fc.double({ min: 1, max: 799, noNaN: true }), (spec, cut) => {
        const a = buildLine(spec);
        const logA = recordEvents(a.plant);
        a.plant.run({ until: 800 });
        const b = buildLine(spec);
        const logB = recordEvents(b.plant);
        b.plant.run({ until: cut });
        b.plant.run({ until: 800 });
        expect(logB).toEqual(logA);
        expect(b.stats.report()).toEqual(a.stats.report());
      }),
      { numRuns: 20 },
    );
  });
});
