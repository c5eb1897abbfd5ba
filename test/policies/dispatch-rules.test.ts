import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { type DispatchPolicy, OrderSource, Plant, Sink, Station } from '../../src/entities/index.js';
import {
  atc,
  byPriority,
  DISPATCH_RULE_NAMES,
  DISPATCH_RULES,
  dispatchPolicy,
  edd,
  fifo,
  spt,
} from '../../src/policies/index.js';
import { dispatchPoint, part } from './_support/points.js';

describe('dispatch rules', () => {
  const point = dispatchPoint([
    part(1, { processTimeS: 5, dueS: 30, priority: 1 }),
    part(2, { processTimeS: 2, dueS: 10, priority: 0 }),
    part(3, { processTimeS: 2, dueS: 10, priority: 3 }),
    part(4, { processTimeS: 9, dueS: 5, priority: 3 }),
  ]);
  it('FIFO takes the part that waited longest', () => expect(fifo.decide(point)).toBe(0));
  it('SPT takes the shortest process time, ties by arrival', () => expect(spt.decide(point)).toBe(1));
  it('EDD takes the earliest due date', () => expect(edd.decide(point)).toBe(3));
  it('priority takes the highest priority, ties by arrival', () => expect(byPriority.decide(point)).toBe(2));
  it('the scenario names map to the rules of that name', () => {
    expect(Object.keys(DISPATCH_RULES)).toEqual([...DISPATCH_RULE_NAMES]);
    expect(DISPATCH_RULE_NAMES).toEqual([
      'fifo',
      'lifo',
      'spt',
      'lpt',
      'mwkr',
      'lwkr',
      'mopnr',
      'edd',
      'cr',
      'atc',
      'fdd-mwkr',
      'priority',
      'random',
      'same-product',
      'campaign',
    ]);
    for (const [name, rule] of Object.entries(DISPATCH_RULES)) expect(rule.name).toBe(name);
  });

  it("DISPATCH_RULES.random refuses to decide: it needs the builder's random stream", () => {
    expect(() => DISPATCH_RULES.random.decide(point)).toThrow(
      /^random: the rule needs a uniform random stream/,
    );
  });

  it('dispatchPolicy: a name gives the rule of DISPATCH_RULES; atc takes k; random takes the uniform', () => {
    for (const name of DISPATCH_RULE_NAMES) {
      if (name !== 'random') expect(dispatchPolicy(name)).toBe(DISPATCH_RULES[name]);
    }
    expect(dispatchPolicy({ rule: 'spt' })).toBe(spt);
    expect(dispatchPolicy({ rule: 'atc' })).toBe(DISPATCH_RULES.atc);
    // A part without slack against one far ahead: k = 2 takes the urgent one, k = 100 the short one.
    const ahead = dispatchPoint([
      part(0, { processTimeS: 5, dueS: 8, workRemainingS: 12 }),
      part(1, { processTimeS: 1, dueS: 40, workRemainingS: 6 }),
    ]);
    expect(dispatchPolicy({ rule: 'atc', k: 2 }).decide(ahead)).toBe(0);
    expect(dispatchPolicy({ rule: 'atc', k: 100 }).decide(ahead)).toBe(atc({ k: 100 }).decide(ahead));
    expect(dispatchPolicy({ rule: 'atc', k: 100 }).decide(ahead)).toBe(1);
    const random = dispatchPolicy('random', () => 0.99);
    expect(random.name).toBe('random');
    expect(random.decide(point)).toBe(3);
  });

  it('dispatchPolicy rejects an unknown rule, a k for a rule without one, random without a stream, a bad k', () => {
    expect(() => dispatchPolicy('sptt' as 'spt')).toThrow(
      /^dispatchPolicy: unknown rule "sptt" \(expected one of fifo, lifo/,
    );
    expect(() => dispatchPolicy({ rule: 'spt', k: 2 })).toThrow(/^dispatchPolicy: rule spt takes no k/);
    expect(() => dispatchPolicy('random')).toThrow(
      /^dispatchPolicy: rule random needs a uniform random stream/,
    );
    expect(() => dispatchPolicy({ rule: 'atc', k: 0 })).toThrow(/^atc: k must be a finite number > 0/);
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
    // All four arrive at 0 and are all candidates (decisions at the end of the instant); equal queued
    // times break by product id in natural order (long, mid, short), then part id.
    expect(order(fifo)).toEqual(['long:50', 'mid:100', 'mid:20', 'short:60']);
    expect(order(spt)).toEqual(['short:60', 'mid:100', 'mid:20', 'long:50']);
    expect(order(edd)).toEqual(['mid:20', 'long:50', 'short:60', 'mid:100']);
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
    expect(order(last)).toEqual(['short:60', 'mid:20', 'mid:100', 'long:50']);
    expect(seen).toEqual([
      'dispatch@M@0:long,mid,mid,short',
      'dispatch@M@1:long,mid,mid',
      'dispatch@M@4:long,mid',
    ]);
  });

  it('an answer that is not an index into the waiting parts is an error naming the policy', () => {
    expect(() => order({ name: 'broken', decide: (p) => p.options.length })).toThrow(
      /dispatch policy broken at M returned 4, not an index into 4 options/,
    );
  });
});
