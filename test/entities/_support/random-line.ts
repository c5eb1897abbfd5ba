import fc from 'fast-check';
import { Constant, Exponential, Simulation } from '../../../src/engine/index.js';
import {
  CrewPool,
  type FailureModeOptions,
  type MaintenancePlanOptions,
  Buffer as PartBuffer,
  Plant,
  PlantStatistics,
  Sink,
  Source,
  Station,
} from '../../../src/entities/index.js';

/** A serial line drawn by fast-check: stations with servers, finite buffers, failures, PM and crews. */
export interface LineSpec {
  readonly seed: number;
  readonly interarrivalS: number;
  readonly crews: number; // 0: no crew pool
  readonly stations: readonly {
    readonly servers: number;
    readonly capacity: number; // Infinity allowed
    readonly processS: number;
    readonly failure: 'none' | 'calendar' | 'operating' | 'cycles';
    readonly pm: boolean;
  }[];
}

export const lineSpec: fc.Arbitrary<LineSpec> = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  interarrivalS: fc.double({ min: 0.5, max: 5, noNaN: true }),
  crews: fc.integer({ min: 0, max: 2 }),
  stations: fc.array(
    fc.record({
      servers: fc.integer({ min: 1, max: 3 }),
      capacity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.POSITIVE_INFINITY)),
      processS: fc.double({ min: 0.2, max: 4, noNaN: true }),
      failure: fc.constantFrom('none', 'calendar', 'operating', 'cycles'),
      pm: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** Builds the line on a fresh simulation; `stats` subscribed before the run. */
export function buildLine(spec: LineSpec) {
  const sim = new Simulation({ seed: spec.seed });
  const plant = new Plant(sim);
  const ids = spec.stations.map((_, i) => `S${i}`);
  plant.addProduct({ id: 'p', routing: ids, sink: 'out' });
  new Sink(plant, { id: 'out' });
  const crews =
    spec.crews === 0
      ? undefined
      : new CrewPool(plant, {
          id: 'crew',
          crews: Array.from({ length: spec.crews }, (_, i) => ({ id: `c${i}` })),
          travel: { fixedS: 0.5 },
        });
  spec.stations.forEach((s, i) => {
    const failures: FailureModeOptions[] = [];
    if (s.failure === 'cycles') {
      failures.push({ name: 'f', basis: 'cycles', cycles: 5, timeToRepair: new Exponential({ mean: 3 }) });
    } else if (s.failure !== 'none') {
      failures.push({
        name: 'f',
        basis: s.failure,
        timeToFailure: new Exponential({ mean: 40 }),
        timeToRepair: new Exponential({ mean: 4 }),
      });
    }
    const maintenance: MaintenancePlanOptions[] = s.pm
      ? [{ name: 'pm', intervalS: 60, duration: new Constant({ value: 2 }) }]
      : [];
    new Station(plant, {
      id: ids[i]!,
      servers: s.servers,
      input: new PartBuffer(plant, { id: `${ids[i]}/in`, capacity: s.capacity }),
      processTimes: { p: new Exponential({ mean: s.processS }) },
      failures,
      maintenance,
      ...(crews === undefined ? {} : { crews }),
    });
  });
  new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: spec.interarrivalS }) });
  const stats = new PlantStatistics(plant);
  return { sim, plant, stats, ids };
}
