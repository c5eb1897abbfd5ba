import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { CrewPool, type CrewTravel, Plant, PlantStatistics, Station } from '../../src/entities/index.js';
import { CREW_RULES } from '../../src/policies/index.js';

const c = (v: number) => new Constant({ value: v });

/** Three idle machines failing at 10, 11, 12 s (calendar basis, no parts); one crew. */
function repairs(dispatch: 'fifo' | 'priority', travel: CrewTravel = { fixedS: 0 }) {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim);
  const crews = new CrewPool(plant, {
    id: 'crew',
    crews: [{ id: 'c1', skills: ['mech'], home: { x: 0, y: 0 } }],
    dispatch: CREW_RULES[dispatch],
    travel,
  });
  const machines = [
    { id: 'M1', at: 10, priority: 0, x: 10 },
    { id: 'M2', at: 11, priority: 1, x: 20 },
    { id: 'M3', at: 12, priority: 5, x: 30 },
  ];
  for (const m of machines) {
    new Station(plant, {
      id: m.id,
      processTimes: {},
      priority: m.priority,
      position: { x: m.x, y: 0 },
      crews,
      failures: [{ name: 'f', timeToFailure: c(m.at), timeToRepair: c(10), skill: 'mech' }],
    });
  }
  const stats = new PlantStatistics(plant);
  const order: [string, number][] = [];
  plant.events.on('repaired', (station, _s, _m, t) => order.push([station, t]));
  plant.run({ until: 45 });
  return { order, stats };
}

describe('CrewPool', () => {
  it('serves repairs first failed, first served', () => {
    expect(repairs('fifo').order).toEqual([
      ['M1', 20],
      ['M2', 30],
      ['M3', 40],
    ]);
  });

  it('serves the highest station priority first under priority dispatch', () => {
    expect(repairs('priority').order).toEqual([
      ['M1', 20],
      ['M3', 30],
      ['M2', 40],
    ]);
  });

  it('travels between layout positions at its speed, travel counted as busy crew time', () => {
    // home 0 → M1 (10 m at 1 m/s): arrives 20, done 30; M1 → M2 (10 m): 40..50.
    const { order, stats } = repairs('fifo', { speedMps: 1 });
    expect(order).toEqual([['M1', 30]]);
    expect(stats.report().crews['crew/c1']!.utilization).toBeCloseTo(35 / 45, 12);
    // M2 failed at 11 and is down-waiting until the crew arrives at 40 (travel included).
    expect(stats.stateDurations('M2')[0]!['down-waiting']).toBeCloseTo(29, 12);
  });

  it('rejects a failure mode whose skill no crew has', () => {
    const sim = new Simulation();
    const plant = new Plant(sim);
    const crews = new CrewPool(plant, { id: 'crew', crews: [{ id: 'c1', skills: ['mech'] }] });
    expect(
      () =>
        new Station(plant, {
          id: 'M',
          processTimes: {},
          crews,
          failures: [{ name: 'f', timeToFailure: c(1), timeToRepair: c(1), skill: 'elec' }],
        }),
    ).toThrow(/skill "elec"/);
  });
});

describe('CrewPool sizes', () => {
  it('n identical crews share the skills given, and two crews repair two machines at once', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    const crews = new CrewPool(plant, { id: 'crew', crews: 2, skills: ['mech'] });
    expect(crews.crewIds).toEqual(['1', '2']);
    for (const id of ['M1', 'M2']) {
      new Station(plant, {
        id,
        processTimes: {},
        crews,
        failures: [{ name: 'f', timeToFailure: c(10), timeToRepair: c(5), skill: 'mech' }],
      });
    }
    const done: number[] = [];
    plant.events.on('repaired', (_st, _s, _m, t) => done.push(t));
    plant.run({ until: 16 });
    expect(done).toEqual([15, 15]);
    expect(() => new CrewPool(plant, { id: 'none', crews: 0 })).toThrow(/at least one crew/);
  });
});

describe('random crew travel times', () => {
  it('a scenario with a random travel time runs, each trip drawn: MTTR ≈ mean travel + repair (20 replications)', async () => {
    const { loadScenario } = await import('../../src/scenario/index.js');
    const { runScenario } = await import('../../src/report/index.js');
    const text = `run:
  horizon: 200h
  replications: 20
products:
  - id: p
    routing: [{ station: m, processTime: 1min }]
sources:
  - { id: s, product: p, interarrival: 2min }
stations:
  - id: m
    failures:
      - { name: f, basis: calendar, ttf: { exponential: { mean: 2h } }, ttr: 10min }
crews:
  - { id: fitter, size: 1, travel: { time: { exponential: { mean: 5min } } } }
sinks:
  - id: out
`;
    const r = loadScenario(text, { fileName: 't.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const res = runScenario(r.scenario);
    // ~1,800 failures, each waits travel (exponential, mean 5 min, sd 5 min) + 10 min: the pooled mean
    // has a standard error of ≈ 0.12 min, so ±0.5 min is over 4 standard errors.
    expect(Math.abs(res.stations.m!.mttrS!.mean / 60 - 15)).toBeLessThan(0.5);
  });
});
