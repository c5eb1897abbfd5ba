import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAINTENANCE_RULES, ROUTING_RULES, whenIdleUpTo } from '../../src/policies/index.js';
import { maintenancePoint, route, routingPoint } from './_support/points.js';

const routeArb = (i: number) =>
  fc
    .record({
      servers: fc.integer({ min: 1, max: 3 }),
      idle: fc.integer({ min: 0, max: 3 }),
      queueLength: fc.integer({ min: 0, max: 4 }),
      workInQueueS: fc.integer({ min: 0, max: 20 }),
      processTimeS: fc.integer({ min: 1, max: 6 }),
    })
    .map((r) =>
      route(`S${i}`, {
        servers: r.servers,
        idleServers: Math.min(r.idle, r.servers),
        queueLength: r.queueLength,
        workInQueueS: r.workInQueueS,
        processTimeS: r.processTimeS,
      }),
    );

const pointArb = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => routeArb(i))))
  .map((routes) => routingPoint(routes));

describe('routing and maintenance rules: properties', () => {
  it('every routing rule answers an index into the alternatives, one with the best figure of its rule', () => {
    fc.assert(
      fc.property(pointArb, (p) => {
        for (const rule of Object.values(ROUTING_RULES)) {
          const i = rule.decide(p);
          expect(Number.isInteger(i) && i >= 0 && i < p.options.length, rule.name).toBe(true);
        }
        const o = p.options;
        const min = (f: (r: (typeof o)[number]) => number) => Math.min(...o.map(f));
        expect(o[ROUTING_RULES.fastest.decide(p)]!.processTimeS).toBe(min((r) => r.processTimeS));
        const lw = o[ROUTING_RULES['least-work'].decide(p)]!;
        expect(lw.workInQueueS + lw.processTimeS).toBe(min((r) => r.workInQueueS + r.processTimeS));
        expect(o[ROUTING_RULES['shortest-queue'].decide(p)]!.queueLength).toBe(min((r) => r.queueLength));
      }),
    );
  });

  it('every maintenance rule answers now or postpone, and never postpones more often than its limit', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(6), fc.nat(4), (queue, postponed, limit) => {
        const p = maintenancePoint(queue, postponed);
        for (const rule of [...Object.values(MAINTENANCE_RULES), whenIdleUpTo(limit)]) {
          const i = rule.decide(p);
          expect([0, 1], rule.name).toContain(i);
        }
        const postpones = whenIdleUpTo(limit).decide(p) === 1;
        expect(postpones).toBe(queue > 0 && postponed < limit);
      }),
    );
  });
});
