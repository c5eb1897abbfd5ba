import { describe, expect, it } from 'vitest';
import { Constant, Exponential, Simulation } from '../../src/engine/index.js';
import { type InspectionOutcome, Plant, Sink, Source, Station } from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

function line(p: number, onDefect: 'scrap' | 'rework', seed = 7, risePerHour = 0) {
  const sim = new Simulation({ seed });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['A', 'B'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, { id: 'A', processTimes: { p: c(1) } });
  new Station(plant, {
    id: 'B',
    processTimes: { p: c(1) },
    inspection: {
      defectProbability: { p },
      risePerHour,
      onDefect: onDefect === 'scrap' ? { kind: 'scrap' } : { kind: 'rework', station: 'A', maxReworks: 1 },
    },
  });
  new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 4 }) });
  const outcomes: Record<InspectionOutcome, number> = { pass: 0, rework: 0, scrap: 0 };
  let firstInspections = 0;
  let firstPasses = 0;
  plant.events.on('inspected', (_st, part, outcome) => {
    outcomes[outcome]++;
    if (part.reworks === 0 && outcome !== 'rework') {
      // A part inspected for the first time either passes or (scrap policy) is scrapped.
      firstInspections++;
      if (outcome === 'pass') firstPasses++;
    } else if (outcome === 'rework' && part.reworks === 1) {
      firstInspections++;
    }
  });
  return { sim, plant, outcomes, fpy: () => firstPasses / firstInspections, n: () => firstInspections };
}

describe('inline inspection', () => {
  it('with rework once, first-pass yield ≈ 1 − p, scrap ≈ p², and parts are conserved', () => {
    const p = 0.2;
    const m = line(p, 'rework');
    m.plant.run({ until: 200_000 });
    const n = m.n();
    const sd = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(m.fpy() - (1 - p))).toBeLessThan(4.5 * sd);
    // A part is scrapped when defective twice: fraction p² of finished + scrapped.
    const left = m.plant.finished + m.plant.scrapped;
    expect(Math.abs(m.plant.scrapped / left - p * p)).toBeLessThan(
      4.5 * Math.sqrt((p * p * (1 - p * p)) / left),
    );
    expect(m.plant.released).toBe(m.plant.finished + m.plant.scrapped + m.plant.inSystem);
    expect(m.outcomes.rework).toBeGreaterThan(0);
  });

  it('scrap policy: every defective part leaves as scrap, none is reworked', () => {
    const m = line(0.1, 'scrap');
    m.plant.run({ until: 50_000 });
    expect(m.outcomes.rework).toBe(0);
    expect(m.plant.scrapped).toBe(m.outcomes.scrap);
    expect(m.plant.released).toBe(m.plant.finished + m.plant.scrapped + m.plant.inSystem);
  });

  it('p = 0 never rejects; wear (risePerHour) makes defects appear over time', () => {
    const none = line(0, 'scrap');
    none.plant.run({ until: 20_000 });
    expect(none.plant.scrapped).toBe(0);
    const worn = line(0, 'scrap', 7, 0.5);
    worn.plant.run({ until: 20_000 });
    expect(worn.plant.scrapped).toBeGreaterThan(0);
  });

  it('a reworked part revisits the rework station: its visit records grow', () => {
    const m = line(1, 'rework');
    const visits: number[] = [];
    m.plant.events.on('partScrapped', (part) => visits.push(part.steps.length));
    m.plant.run({ until: 100 });
    // A, B (defective → rework), A, B (defective again → scrap): four visits.
    expect(visits.length).toBeGreaterThan(0);
    expect(new Set(visits)).toEqual(new Set([4]));
  });

  it('rejects a probability outside [0, 1]', () => {
    const plant = new Plant(new Simulation({ seed: 1 }));
    expect(
      () =>
        new Station(plant, {
          id: 'X',
          processTimes: {},
          inspection: { defectProbability: { p: 1.5 }, onDefect: { kind: 'scrap' } },
        }),
    ).toThrow(/defect probability of p at X must be in \[0, 1\] \(got 1.5\)/);
  });
});
