import { describe, expect, it } from 'vitest';
import { Constant, RandomStream, Simulation } from '../../src/engine/index.js';
import {
  type AnyDecisionPoint,
  type DispatchPolicy,
  type MaintenancePolicy,
  OrderSource,
  Buffer as PartBuffer,
  Plant,
  Sink,
  Station,
} from '../../src/entities/index.js';
import {
  buildPlant,
  jobShopToScenarioYaml,
  loadJobShopInstance,
  loadScenario,
} from '../../src/scenario/index.js';

const c = (v: number) => new Constant({ value: v });

/** Start order of parts at station `id`: `[part id, product, time]`. */
function starts(plant: Plant, id: string): [number, string, number][] {
  const out: [number, string, number][] = [];
  plant.events.on('processStarted', (part, station, _server, now) => {
    if (station === id) out.push([part.id, part.product, now]);
  });
  return out;
}

describe('decisions are taken at the end of the instant', () => {
  it('parts released at the same instant are all candidates: SPT takes the shortest, not the first listed', () => {
    const plant = new Plant(new Simulation());
    for (const [p, t] of [
      ['long', 8],
      ['mid', 5],
      ['short', 3],
    ] as const) {
      plant.addProduct({ id: p, routing: ['M'], sink: 'out' });
      void t;
    }
    new Sink(plant, { id: 'out' });
    const spt: DispatchPolicy = {
      name: 'spt',
      decide: (p) => p.options.reduce((b, o, i) => (o.processTimeS < p.options[b]!.processTimeS ? i : b), 0),
    };
    new Station(plant, { id: 'M', processTimes: { long: c(8), mid: c(5), short: c(3) }, dispatch: spt });
    // Listed long first: without end-of-instant decisions the machine would start `long` at once.
    new OrderSource(plant, {
      id: 'o',
      orders: ['long', 'mid', 'short'].map((product) => ({ releaseS: 0, product, quantity: 1 })),
    });
    const log = starts(plant, 'M');
    plant.run();
    expect(log.map((r) => [r[1], r[2]])).toEqual([
      ['short', 0],
      ['mid', 3],
      ['long', 8],
    ]);
  });

  it('ties break by queued time, then product id in natural order (job2 before job10), then part id', () => {
    const plant = new Plant(new Simulation());
    for (const p of ['job10', 'job2', 'job1']) plant.addProduct({ id: p, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'M', processTimes: { job10: c(1), job2: c(1), job1: c(1) } });
    new OrderSource(plant, {
      id: 'o',
      orders: [
        { releaseS: 0, product: 'job10', quantity: 2 },
        { releaseS: 0, product: 'job2', quantity: 1 },
        { releaseS: 1, product: 'job1', quantity: 1 },
      ],
    });
    const log = starts(plant, 'M');
    plant.run();
    // At 0: job2 (natural order) before job10 #1 and #2; job1 arrives at 1, after them in queued time.
    expect(log.map((r) => [r[0], r[1]])).toEqual([
      [3, 'job2'],
      [1, 'job10'],
      [2, 'job10'],
      [4, 'job1'],
    ]);
  });
});

describe('buffer discipline', () => {
  const run = (discipline: 'fifo' | 'lifo') => {
    const plant = new Plant(new Simulation());
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const q = new PartBuffer(plant, { id: 'q', discipline });
    new Station(plant, { id: 'M', input: q, processTimes: { p: c(10) } });
    new OrderSource(plant, {
      id: 'o',
      orders: [0, 1, 2, 3].map((t) => ({ releaseS: t, product: 'p', quantity: 1 })),
    });
    const log = starts(plant, 'M');
    plant.run();
    return log.map((r) => r[0]);
  };

  it('lifo serves the newest waiting part, fifo the oldest', () => {
    // Part 1 starts at 0; parts 2, 3, 4 wait; at 10 fifo takes 2, lifo takes 4.
    expect(run('fifo')).toEqual([1, 2, 3, 4]);
    expect(run('lifo')).toEqual([1, 4, 3, 2]);
  });

  it('an unknown discipline is an error naming the buffer', () => {
    const plant = new Plant(new Simulation());
    expect(() => new PartBuffer(plant, { id: 'q', discipline: 'random' as 'fifo' })).toThrow(
      /Buffer: discipline of q must be fifo or lifo/,
    );
  });
});

describe('routing decisions (alternative stations)', () => {
  const flexible = (agent: boolean) => {
    const plant = new Plant(new Simulation(), agent ? { agent: ['routing'] } : {});
    plant.addProduct({
      id: 'p',
      routing: ['A', 'X'],
      alternatives: [undefined, ['X', 'Y']],
      sink: 'out',
    });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', processTimes: { p: c(1) } });
    new Station(plant, { id: 'X', processTimes: { p: [undefined, c(5)] } });
    new Station(plant, { id: 'Y', processTimes: { p: [undefined, c(7)] } });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 2 }] });
    return plant;
  };

  it('without a rule a part takes the first listed station; the agent can send it elsewhere', () => {
    const plain = flexible(false);
    const x = starts(plain, 'X');
    plain.run();
    expect(x.map((r) => r[2])).toEqual([1, 6]);

    const plant = flexible(true);
    const y = starts(plant, 'Y');
    const seen: AnyDecisionPoint[] = [];
    for (;;) {
      const r = plant.runUntilDecision();
      if (r.reason !== 'decision') break;
      seen.push(r.point);
      plant.decide(1);
    }
    expect(seen.map((p) => [p.kind, p.now, p.options.length])).toEqual([
      ['routing', 1, 2],
      ['routing', 2, 2],
    ]);
    const first = seen[0]!;
    if (first.kind !== 'routing') throw new Error('kind');
    expect(first.options.map((o) => [o.id, o.processTimeS])).toEqual([
      ['X', 5],
      ['Y', 7],
    ]);
    expect(first.part.step).toBe(1);
    expect(y.map((r) => r[2])).toEqual([1, 8]);
    expect(plant.finished).toBe(2);
  });

  it('an answer out of range is an error naming the decision and the options, and changes nothing', () => {
    const plant = flexible(true);
    const r = plant.runUntilDecision();
    expect(r.reason).toBe('decision');
    expect(() => plant.decide(2)).toThrow(
      /routing decision at A\/0 has 2 option\(s\); 2 is not an integer in \[0, 2\)/,
    );
    expect(() => plant.decide(0.5)).toThrow(/not an integer/);
    expect(() => plant.run()).toThrow(/waits for the agent's answer/);
    plant.decide(0);
    expect(plant.pendingDecision).toBeNull();
  });
});

describe('maintenance decisions', () => {
  it('a postponed maintenance is asked again after postponeS; done when the rule says now', () => {
    const plant = new Plant(new Simulation());
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    let asked = 0;
    const twiceLater: MaintenancePolicy = {
      name: 'later',
      decide: (p) => {
        asked++;
        return p.postponed < 2 ? 1 : 0;
      },
    };
    new Station(plant, {
      id: 'M',
      processTimes: { p: c(1) },
      maintenance: [{ name: 'pm', intervalS: 100, duration: c(5), postponeS: 10 }],
      maintenancePolicy: twiceLater,
    });
    const events: [string, number][] = [];
    plant.events.on('maintenancePostponed', (_s, _i, _p, delayS, now) =>
      events.push([`postponed ${delayS}`, now]),
    );
    plant.events.on('maintenanceStarted', (_s, _i, _p, now) => events.push(['started', now]));
    plant.run({ until: 130 });
    expect(events).toEqual([
      ['postponed 10', 100],
      ['postponed 10', 110],
      ['started', 120],
    ]);
    expect(asked).toBe(3);
  });
});

describe('single-option decisions', () => {
  /** ft10 with the agent on dispatch: every start `[part, station, s]` and the decisions taken. */
  function ft10Run(askTrivial: boolean) {
    const loaded = loadScenario(jobShopToScenarioYaml(loadJobShopInstance('ft10')), {
      fileName: 'ft10.yaml',
    });
    if (!loaded.ok) throw new Error('ft10 does not load');
    const { plant } = buildPlant(loaded.scenario, 3, { agent: ['dispatch'], askTrivial, statistics: false });
    const log: [number, string, number][] = [];
    plant.events.on('processStarted', (part, station, _server, now) => log.push([part.id, station, now]));
    const rng = new RandomStream('test/trivial', '1');
    let asked = 0;
    for (;;) {
      const r = plant.runUntilDecision();
      if (r.reason !== 'decision') break;
      const n = r.point.options.length;
      if (n > 1) asked++;
      plant.decide(n === 1 ? 0 : rng.int(0, n - 1));
    }
    return { log, asked, decisions: plant.broker.decisions };
  }

  it('are taken at once, exactly as an agent answering each of them with its one option would', () => {
    const quiet = ft10Run(false);
    expect(quiet).toEqual(ft10Run(true));
    expect(quiet.log).toHaveLength(100);
    expect(quiet.asked).toBeGreaterThan(0);
  });
});
