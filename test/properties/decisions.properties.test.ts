import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DispatchPolicy, Plant } from '../../src/entities/index.js';
import { buildPlant, jobShopToScenarioYaml, loadScenario, type Scenario } from '../../src/scenario/index.js';
import { recordEvents } from '../entities/_support/log.js';
import { jobShopArbitrary } from './_support/jobshop-arbitrary.js';

/** The scenario of a job shop with dispatch rule `rule` at every machine. */
function jobShop(instance: Parameters<typeof jobShopToScenarioYaml>[0], rule: 'fifo' | 'spt'): Scenario {
  const r = loadScenario(jobShopToScenarioYaml(instance, { dispatch: rule }), { fileName: 'generated.yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** The schedule as (product, step, station, start) rows, sorted: independent of part ids. */
function schedule(plant: Plant): string[] {
  const rows: string[] = [];
  plant.events.on('processStarted', (part, station, _server, now) => {
    rows.push(`${part.product}#${part.step}@${station}:${now}`);
  });
  return rows;
}

/** A permutation of `xs` given by sort keys. */
function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % keys.length]! * 1000 + i }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
}

describe('decisions at the end of the instant (about 2 s)', () => {
  it('a job shop schedule does not depend on the order of its orders, products, stations or sources', () => {
    fc.assert(
      fc.property(
        jobShopArbitrary,
        fc.constantFrom('fifo' as const, 'spt' as const),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }),
        (instance, rule, keys) => {
          const base = jobShop(instance, rule);
          const shuffled: Scenario = {
            ...base,
            products: permute(base.products, keys),
            stations: permute(base.stations, [...keys].reverse()),
            sources: base.sources.map((s) => ({ ...s, orders: permute(s.orders ?? [], keys) })),
          };
          const runOf = (sc: Scenario) => {
            const m = buildPlant(sc, 1);
            const rows = schedule(m.plant);
            m.plant.run({ until: sc.run.horizon });
            return rows.sort();
          };
          // One source per job, listed in another order: the same schedule again.
          const orders = base.sources[0]!.orders ?? [];
          const perJob: Scenario = {
            ...base,
            sources: permute(
              orders.map((o) => ({ ...base.sources[0]!, id: `src-${o.product}`, orders: [o] })),
              keys,
            ),
          };
          const expected = runOf(base);
          expect(runOf(shuffled)).toEqual(expected);
          expect(runOf(perJob)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stopping at every decision and answering gives the same event log as a rule making the same choices', () => {
    fc.assert(
      fc.property(jobShopArbitrary, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (instance, seed) => {
        const sc = jobShop(instance, 'fifo');
        // A deterministic "agent": option chosen from a hash of the point, so both runs choose alike.
        const choose = (n: number, now: number, at: string) => {
          let h = seed ^ Math.floor(now * 7);
          for (const c of at) h = (h * 31 + c.charCodeAt(0)) | 0;
          return Math.abs(h) % n;
        };
        const rule: DispatchPolicy = { name: 'hash', decide: (p) => choose(p.options.length, p.now, p.at) };
        const inline = buildPlant(sc, 3, { policies: { dispatch: rule } });
        const logA = recordEvents(inline.plant);
        inline.plant.run({ until: sc.run.horizon });

        const outside = buildPlant(sc, 3, { agent: ['dispatch'] });
        const logB = recordEvents(outside.plant);
        let decisions = 0;
        for (;;) {
          const r = outside.plant.runUntilDecision({ until: sc.run.horizon });
          if (r.reason !== 'decision') break;
          decisions++;
          outside.plant.decide(choose(r.point.options.length, r.point.now, r.point.at));
        }
        expect(logB).toEqual(logA);
        expect(outside.sim.eventCount).toBe(inline.sim.eventCount);
        expect(decisions).toBeLessThanOrEqual(outside.plant.broker.decisions);
      }),
      { numRuns: 100 },
    );
  });
});
