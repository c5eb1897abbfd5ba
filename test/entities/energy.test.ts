import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import {
  OrderSource,
  Plant,
  PlantStatistics,
  type PowerSpec,
  SERVER_STATES,
  ShiftCalendar,
  Sink,
  Source,
  Station,
  serverPowerKW,
} from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

describe('energy', () => {
  it('hand-computed: two machines, kWh and peak power', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(3600) } });
    new Station(plant, { id: 'B', processTimes: { p: c(1800) } });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 2 }] });
    const power = { busyKW: 10, idleKW: 2 };
    const stats = new PlantStatistics(plant, {
      power: { stations: { A: power, B: { busyKW: 20, idleKW: 1 } } },
    });
    plant.run({ until: 4 * 3600 });
    // A busy 0–2 h, idle 2–4 h: 2·10 + 2·2 = 24 kWh. B idle 0–1 h, busy 1–1.5 h, idle 1.5–2 h, busy 2–2.5 h,
    // idle 2.5–4 h: 1·20 + 3·1 = 23 kWh. Peak: A busy + B busy = 30 kW (1–1.5 h).
    const r = stats.report();
    expect(r.energy!.kWh).toBeCloseTo(47, 9);
    expect(r.energy!.byEntity).toEqual({ A: 24, B: 23 });
    expect(r.energy!.peakKW).toBe(30);
    expect(r.energy!.kWhPerGoodPart).toBeCloseTo(23.5, 9);
  });

  it('property: kWh equals Σ power(state) × time in state, with failures, shifts and a warm-up', () => {
    const kw = fc.double({ min: 0, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.record({ busyKW: kw, idleKW: kw, setupKW: kw, downKW: kw, offKW: kw }),
        fc.boolean(),
        (seed, spec: PowerSpec, warm) => {
          const sim = new Simulation({ seed });
          const plant = new Plant(sim);
          for (const id of ['a', 'b']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
          new Sink(plant, { id: 'out' });
          new Station(plant, {
            id: 'M',
            servers: 2,
            processTimes: { a: new Exponential({ mean: 600 }), b: new Exponential({ mean: 900 }) },
            setupTimes: { a: { b: c(120) }, b: { a: c(60) } },
            failures: [
              {
                name: 'jam',
                timeToFailure: new Exponential({ mean: 7200 }),
                timeToRepair: new Exponential({ mean: 900 }),
              },
            ],
            shifts: new ShiftCalendar([
              { days: ['mon', 'tue', 'wed', 'thu', 'fri'], startS: 6 * 3600, endS: 22 * 3600 },
            ]),
          });
          new Source(plant, { id: 'sa', product: 'a', interarrival: new Exponential({ mean: 1500 }) });
          new Source(plant, { id: 'sb', product: 'b', interarrival: new Exponential({ mean: 1500 }) });
          const stats = new PlantStatistics(plant, { power: { stations: { M: spec } } });
          if (warm) {
            plant.run({ until: 20_000 });
            stats.reset(sim.now);
          }
          plant.run({ until: 3 * 86_400 });
          let kJ = 0;
          for (const d of stats.stateDurations('M'))
            for (const st of SERVER_STATES) kJ += serverPowerKW(spec, st) * d[st];
          const r = stats.report();
          expect(r.energy!.kWh).toBeCloseTo(kJ / 3600, 6);
          const maxKW = 2 * Math.max(...SERVER_STATES.map((st) => serverPowerKW(spec, st)));
          expect(r.energy!.peakKW).toBeLessThanOrEqual(maxKW + 1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('OEE factors multiply and match their definitions on a machine with failures', () => {
    const sim = new Simulation({ seed: 3 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(60) },
      failures: [{ name: 'f', timeToFailure: new Exponential({ mean: 3600 }), timeToRepair: c(600) }],
      inspection: { defectProbability: { p: 0.1 }, onDefect: { kind: 'scrap' } },
    });
    new Source(plant, { id: 's', product: 'p', interarrival: new Exponential({ mean: 80 }) });
    const stats = new PlantStatistics(plant);
    plant.run({ until: 200 * 3600 });
    const r = stats.report().stations.M!;
    const { availability, performance, quality, oee } = r.oee;
    expect(oee).toBeCloseTo(availability * performance * quality, 12);
    expect(availability).toBeCloseTo(1 - r.down, 12);
    // Constant process time: performance = busy / operating, but for the part still in process at the end
    // (busy, not yet counted as processed): at most 60 s over ~7·10⁵ s of operating time.
    expect(Math.abs(performance - r.utilization / availability)).toBeLessThan(
      60 / (200 * 3600 * availability) + 1e-12,
    );
    expect(Math.abs(quality - 0.9)).toBeLessThan(0.02);
    expect(r.firstPassYield).toBe(quality);
  });
});
