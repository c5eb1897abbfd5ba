import { describe, expect, test } from 'vitest';
import { loadJobShopInstance } from '../../../src/scenario/index.js';
import { gifflerThompson } from '../../_support/giffler-thompson.js';
import { simulatedMakespan } from '../../_support/simulate-jobshop.js';

/**
 * The simulator, with every decision taken at the end of the simulated instant among all the parts waiting
 * then, builds exactly the non-delay schedule of the textbook construction: a machine never idles while a
 * part waits for it, and at each instant the rule picks among the whole conflict set, ties going to the
 * earliest queue entry, then the job (product) order. Its FIFO and SPT makespans must therefore equal those
 * of the independent Giffler–Thompson builder of test/_support. About 1 s.
 */
const INSTANCES = ['ft06', 'ft10', 'la01', 'la02', 'la03', 'la04', 'la05'];

describe('the simulator builds the non-delay schedule of its dispatch rule', () => {
  test.each(
    INSTANCES.flatMap((name) => (['fifo', 'spt'] as const).map((rule) => [name, rule] as const)),
  )('%s under %s: simulated makespan = Giffler–Thompson non-delay makespan', (name, rule) => {
    const instance = loadJobShopInstance(name);
    expect(simulatedMakespan(instance, rule)).toBe(gifflerThompson(instance, rule).makespan);
  });
});
