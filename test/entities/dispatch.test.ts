import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import {
  byPriority,
  type DispatchRule,
  edd,
  fifo,
  OrderSource,
  type PartView,
  Plant,
  Sink,
  Station,
  spt,
} from '../../src/entities/index.js';

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
  it('FIFO takes the part that waited longest', () => expect(fifo(waiting, 0)).toBe(0));
  it('SPT takes the shortest process time, ties by arrival', () => expect(spt(waiting, 0)).toBe(1));
  it('EDD takes the earliest due date', () => expect(edd(waiting, 0)).toBe(3));
  it('priority takes the highest priority, ties by arrival', () => expect(byPriority(waiting, 0)).toBe(2));

  function order(rule: DispatchRule): string[] {
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
      choose: rule,
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
});
