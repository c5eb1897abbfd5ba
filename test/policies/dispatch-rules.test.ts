import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  type DispatchPolicy,
  OrderSource,
  type PartView,
  Plant,
  Sink,
  Station,
} from '../../src/entities/index.js';
import { byPriority, DISPATCH_RULES, edd, fifo, spt } from '../../src/policies/index.js';

const view = (id: number, over: Partial<PartView>): PartView => ({
  id,
  product: 'p',
  priority: 0,
  releaseS: 0,
  dueS: Number.POSITIVE_INFINITY,
  queuedS: 0,
  processTimeS: 1,
  ...over,
});

describe('dispatch rules', () => {
  const waiting = [
    view(1, { processTimeS: 5, dueS: 30, priority: 1 }),
    view(2, { processTimeS: 2, dueS: 10, priority: 0 }),
    view(3, { processTimeS: 2, dueS: 10, priority: 3 }),
    view(4, { processTimeS: 9, dueS: 5, priority: 3 }),
  ];
  const point = { kind: 'dispatch' as const, at: 'M', now: 0, options: waiting };
  it('FIFO takes the part that waited longest', () => expect(fifo.decide(point)).toBe(0));
  it('SPT takes the shortest process time, ties by arrival', () => expect(spt.decide(point)).toBe(1));
  it('EDD takes the earliest due date', () => expect(edd.decide(point)).toBe(3));
  it('priority takes the highest priority, ties by arrival', () => expect(byPriority.decide(point)).toBe(2));
  it('the scenario names map to the rules', () => {
    expect(Object.keys(DISPATCH_RULES)).toEqual(['fifo', 'spt', 'edd', 'priority']);
    for (const [name, rule] of Object.entries(DISPATCH_RULES)) expect(rule.name).toBe(name);
  });

  function order(rule: DispatchPolicy): string[] {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    for (const id of ['long', 'short', 'mid']) plant.addProduct({ id, routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      processTimes: {
        long: new Constant({ value: 5 }),
        short: new Constant({ value: 1 }),
        mid: new Constant({ value: 3 }),
      },
      dispatch: rule,
    });
    new OrderSource(plant, {
      id: 'o',
      orders: [
        { releaseS: 0, product: 'mid', quantity: 1, dueS: 100 },
        { releaseS: 0, product: 'long', quantity: 1, dueS: 50 },
        { releaseS: 0, product: 'short', quantity: 1, dueS: 60 },
        { releaseS: 0, product: 'mid', quantity: 1, dueS: 20 },
      ],
    });
    const done: string[] = [];
    plant.events.on('partFinished', (p) => done.push(`${p.product}:${p.dueS}`));
    plant.run();
    return done;
  }

  it('a station asks its rule each time a server frees up with several parts waiting', () => {
    // All four arrive at 0; the first takes the free server on arrival, the rule orders the rest.
    expect(order(fifo)).toEqual(['mid:100', 'long:50', 'short:60', 'mid:20']);
    expect(order(spt)).toEqual(['mid:100', 'short:60', 'mid:20', 'long:50']);
    expect(order(edd)).toEqual(['mid:100', 'mid:20', 'long:50', 'short:60']);
  });

  it('a custom policy gets the decision point (kind, station, time, waiting parts) and its answer is used', () => {
    const seen: string[] = [];
    const last: DispatchPolicy = {
      name: 'last',
      decide: (p) => {
        seen.push(`${p.kind}@${p.at}@${p.now}:${p.options.map((o) => o.product).join(',')}`);
        return p.options.length - 1;
      },
    };
    expect(order(last)).toEqual(['mid:100', 'mid:20', 'short:60', 'long:50']);
    expect(seen).toEqual(['dispatch@M@3:long,short,mid', 'dispatch@M@6:long,short']);
  });

  it('an answer that is not an index into the waiting parts is an error naming the policy', () => {
    expect(() => order({ name: 'broken', decide: (p) => p.options.length })).toThrow(
      /broken of M returned 3/,
    );
  });
});
