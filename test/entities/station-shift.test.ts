import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import {
  OrderSource,
  Plant,
  PlantStatistics,
  SERVER_STATES,
  ShiftCalendar,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';

const H = 3600;
const c = (v: number) => new Constant({ value: v });
const dayShift = () =>
  new ShiftCalendar([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], startS: 8 * H, endS: 16 * H }]);

function oneLongPart(atShiftEnd: 'finish' | 'stop') {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  const m = new Station(plant, { id: 'M', processTimes: { p: c(10 * H) }, shifts: dayShift(), atShiftEnd });
  new OrderSource(plant, { id: 'o', orders: [{ releaseS: 8 * H, product: 'p', quantity: 1 }] });
  const stats = new PlantStatistics(plant);
  let done = Number.NaN;
  plant.events.on('partFinished', (_p, _s, t) => {
    done = t;
  });
  return { sim, plant, m, stats, done: () => done };
}

describe('shifts at a station', () => {
  it('starts off shift before the first shift; "stop" resumes the remaining work next shift', () => {
    const { plant, m, stats, done } = oneLongPart('stop');
    expect(m.serverState(0)).toBe('off-shift');
    plant.run({ until: 48 * H });
    // Monday 08:00–16:00 = 8 h of work, then 2 h on Tuesday 08:00–10:00.
    expect(done()).toBe(24 * H + 10 * H);
    const [d] = stats.stateDurations('M', 48 * H);
    expect(d!.busy).toBeCloseTo(10 * H, 6);
    expect(d!['off-shift']).toBeCloseTo(32 * H, 6);
    expect(d!.idle).toBeCloseTo(6 * H, 6);
  });

  it('"finish" completes the part in process after the shift end, then rests', () => {
    const { plant, stats, done } = oneLongPart('finish');
    plant.run({ until: 24 * H });
    expect(done()).toBe(18 * H);
    const [d] = stats.stateDurations('M', 24 * H);
    expect(d!.busy).toBeCloseTo(10 * H, 6);
    expect(d!['off-shift']).toBeCloseTo(8 * H + 6 * H, 6);
    expect(d!.idle).toBe(0);
  });

  it('property: no part is taken off shift and state durations sum to the horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom<'finish' | 'stop'>('finish', 'stop'),
        fc.integer({ min: 1, max: 3 }),
        (seed, atShiftEnd, servers) => {
          const sim = new Simulation({ seed });
          const plant = new Plant(sim);
          plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
          new Sink(plant, { id: 'out' });
          const m = new Station(plant, {
            id: 'M',
            servers,
            processTimes: { p: new Exponential({ mean: 1.5 * H }) },
            shifts: dayShift(),
            atShiftEnd,
          });
          new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: H }) });
          const stats = new PlantStatistics(plant);
          plant.events.on('processStarted', () => expect(m.onShiftNow).toBe(true));
          plant.events.on('serverStateChanged', (_s, _i, _f, to) => {
            if (to === 'busy' && atShiftEnd === 'stop') expect(m.onShiftNow).toBe(true);
          });
          const horizon = 9 * 24 * H;
          plant.run({ until: horizon });
          for (const d of stats.stateDurations('M', horizon)) {
            const sum = SERVER_STATES.reduce((acc, s) => acc + d[s], 0);
            expect(sum).toBeCloseTo(horizon, 3);
            expect(d['off-shift']).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
