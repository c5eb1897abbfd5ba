import { describe, expect, it } from 'vitest';
import {
  fastest,
  firstAlternative,
  leastWork,
  MAINTENANCE_RULES,
  maintainNow,
  ROUTING_RULES,
  shortestQueue,
  WHEN_IDLE_MAX_POSTPONEMENTS,
  whenIdle,
  whenIdleUpTo,
} from '../../src/policies/index.js';
import { maintenancePoint, route, routingPoint } from './_support/points.js';

describe('routing rules', () => {
  const alternatives = routingPoint([
    route('A', { queueLength: 3, workInQueueS: 10, processTimeS: 5 }),
    route('B', { queueLength: 1, servers: 2, idleServers: 0, workInQueueS: 3, processTimeS: 9 }),
    route('C', { queueLength: 1, servers: 2, idleServers: 1, workInQueueS: 8, processTimeS: 4 }),
    route('D', { queueLength: 2, workInQueueS: 20, processTimeS: 4 }),
  ]);

  it('first takes the first alternative', () => {
    expect(firstAlternative.decide(alternatives)).toBe(0);
    expect(firstAlternative.alwaysFirst).toBe(true);
  });

  it('shortest-queue: fewest waiting (B and C: 1), then fewer busy servers (C: 1 of 2) → C', () => {
    expect(shortestQueue.decide(alternatives)).toBe(2);
    expect(shortestQueue.decide(routingPoint([route('A'), route('B'), route('C')]))).toBe(0);
  });

  it('least-work: queued work + own step, 15, 12, 12, 24 s → B (the tie keeps the earlier)', () => {
    expect(leastWork.decide(alternatives)).toBe(1);
  });

  it('fastest: smallest own process time, 5, 9, 4, 4 s → C', () => {
    expect(fastest.decide(alternatives)).toBe(2);
  });

  it('ROUTING_RULES maps each scenario name to the rule of that name', () => {
    expect(Object.keys(ROUTING_RULES)).toEqual(['first', 'shortest-queue', 'least-work', 'fastest']);
    for (const [name, rule] of Object.entries(ROUTING_RULES)) expect(rule.name).toBe(name);
  });
});

describe('maintenance rules', () => {
  it('now always maintains (option 0)', () => {
    expect(maintainNow.decide(maintenancePoint(5, 0))).toBe(0);
    expect(maintainNow.alwaysFirst).toBe(true);
  });

  it(`when-idle postpones while parts wait, at most ${WHEN_IDLE_MAX_POSTPONEMENTS} times, then maintains`, () => {
    expect(WHEN_IDLE_MAX_POSTPONEMENTS).toBe(3);
    expect([0, 1, 2, 3, 4].map((n) => whenIdle.decide(maintenancePoint(2, n)))).toEqual([1, 1, 1, 0, 0]);
    expect(whenIdle.decide(maintenancePoint(0, 0))).toBe(0);
  });

  it('whenIdleUpTo(0) never postpones; a limit that is not an integer ≥ 0 is an error', () => {
    expect(whenIdleUpTo(0).decide(maintenancePoint(9, 0))).toBe(0);
    expect(whenIdleUpTo(1).decide(maintenancePoint(9, 0))).toBe(1);
    expect(() => whenIdleUpTo(-1)).toThrow(/^whenIdleUpTo: maxPostponements must be an integer >= 0/);
    expect(() => whenIdleUpTo(1.5)).toThrow(/^whenIdleUpTo:/);
  });

  it('MAINTENANCE_RULES maps each scenario name to the rule of that name', () => {
    expect(Object.keys(MAINTENANCE_RULES)).toEqual(['now', 'when-idle']);
    for (const [name, rule] of Object.entries(MAINTENANCE_RULES)) expect(rule.name).toBe(name);
  });
});
