import { describe, expect, it } from 'vitest';
import { buildPlant } from '../../src/scenario/build/build-plant.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

/**
 * One operator who must attend two machines for their whole processing time, walking no time, is one
 * server: the two machines with their own FIFO queues and a first-come-first-served operator (the part
 * that entered its queue first is served first) behave exactly as one machine with the combined FIFO
 * queue. Same seed, so the same arrivals (Poisson, a random product mix) and the same process times (per
 * product); every part must leave at exactly the same time in both models. 3 seeds × 200 h, about 1 s.
 */

const products = `
products:
  - { id: a, routing: [{ station: STATION_A, processTime: 4min }] }
  - { id: b, routing: [{ station: STATION_B, processTime: 6min }] }
  - { id: c, routing: [{ station: STATION_A, processTime: 2.5min }] }
sources:
  - id: src
    mix: [{ product: a, weight: 2 }, { product: b, weight: 2 }, { product: c, weight: 1 }]
    interarrival: { exponential: { mean: 6min } }
sinks: [{ id: out }]
`;

const withOperator = `
name: two machines, one operator
run: { horizon: 200h }
${products.replace(/STATION_A/g, 'm1').replace(/STATION_B/g, 'm2')}
stations:
  - { id: m1, operator: { pool: crew, for: [process] } }
  - { id: m2, operator: { pool: crew, for: [process] } }
operators:
  - { id: crew, size: 1 }
`;

const oneServer = `
name: one server, combined queue
run: { horizon: 200h }
${products.replace(/STATION_[AB]/g, 'm')}
stations:
  - { id: m }
`;

function load(text: string): Scenario {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}

/** [part id, product, release s, finish s] of every part that left, in order. */
function departures(scenario: Scenario, seed: number): [number, string, number, number][] {
  const model = buildPlant(scenario, seed);
  const out: [number, string, number, number][] = [];
  model.plant.events.on('partFinished', (part, _sink, now) =>
    out.push([part.id, part.product, part.releaseS, now]),
  );
  model.plant.run({ until: scenario.run.horizon });
  return out;
}

describe('validation: one operator attending two machines is one server', () => {
  for (const seed of [1, 2, 3]) {
    it(`every part leaves at exactly the same time as from one server with the combined queue (seed ${seed})`, () => {
      const a = departures(load(withOperator), seed);
      const b = departures(load(oneServer), seed);
      expect(a.length).toBeGreaterThan(1500);
      expect(a).toEqual(b);
    });
  }

  it('the operator is busy exactly as long as the one server, and the machines wait for her meanwhile', () => {
    const op = buildPlant(load(withOperator), 7);
    const one = buildPlant(load(oneServer), 7);
    op.plant.run({ until: 200 * 3600 });
    one.plant.run({ until: 200 * 3600 });
    const r = op.statistics!.report();
    const s = one.statistics!.report();
    const busy = r.stations.m1!.stateFractions.busy + r.stations.m2!.stateFractions.busy;
    expect(busy).toBeCloseTo(s.stations.m!.stateFractions.busy, 10);
    expect(r.operators!.pools.crew!.utilization).toBeCloseTo(s.stations.m!.utilization, 10);
    expect(r.operators!.pools.crew!.walkingFraction).toBe(0);
    expect(r.cycleTimeS.mean).toBeCloseTo(s.cycleTimeS.mean, 9);
    // With two machines sharing her, each waits part of the time for her.
    expect(r.stations.m1!.stateFractions['waiting-operator']).toBeGreaterThan(0.05);
    expect(r.stations.m2!.stateFractions['waiting-operator']).toBeGreaterThan(0.05);
  });
});
