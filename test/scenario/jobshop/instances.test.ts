import { describe, expect, it } from 'vitest';
import { bestKnownMakespan, jobShopInstanceNames, loadJobShopInstance } from '../../../src/scenario/index.js';

const range = (prefix: string, from: number, to: number, width = 2) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

describe('job-shop instances shipped in data/jobshop', () => {
  it('lists abz5–9, ft06/10/20, la01–40, orb01–10 and ta01–80, in natural order', () => {
    expect(jobShopInstanceNames()).toEqual([
      ...range('abz', 5, 9, 1),
      'ft06',
      'ft10',
      'ft20',
      ...range('la', 1, 40),
      ...range('orb', 1, 10),
      ...range('ta', 1, 80),
    ]);
  });

  it('loads every instance by name, with the name of bounds.json and a full jobs × machines matrix', () => {
    for (const name of jobShopInstanceNames()) {
      const inst = loadJobShopInstance(name);
      expect(inst.name).toBe(name);
      expect(inst.operations).toHaveLength(inst.jobs);
      for (const ops of inst.operations) {
        expect(ops).toHaveLength(inst.machines);
        // Every job visits every machine exactly once in these benchmark sets.
        expect(new Set(ops.map((o) => o.machine)).size).toBe(inst.machines);
      }
    }
  });

  it('reads the sizes of the classic instances right (ft06 6×6, la40 15×15, ta71 100×20)', () => {
    expect(loadJobShopInstance('ft06')).toMatchObject({ jobs: 6, machines: 6 });
    expect(loadJobShopInstance('la40')).toMatchObject({ jobs: 15, machines: 15 });
    expect(loadJobShopInstance('ta71')).toMatchObject({ jobs: 100, machines: 20 });
    // First operation of Taillard's ta01 as the file gives it (machines numbered from 0).
    expect(loadJobShopInstance('ta01').operations[0]?.[0]).toEqual({ machine: 6, duration: 94 });
  });

  it('gives the optimum where it is proven and the best known upper bound where the instance is open', () => {
    expect(bestKnownMakespan('ft06')).toBe(55);
    expect(bestKnownMakespan('ft10')).toBe(930);
    expect(bestKnownMakespan('ft20')).toBe(1165);
    expect(bestKnownMakespan('la01')).toBe(666);
    expect(bestKnownMakespan('ta01')).toBe(1231);
    expect(bestKnownMakespan('ta71')).toBe(5464);
    // Open instances: the upper bound.
    expect(bestKnownMakespan('abz8')).toBe(665);
    expect(bestKnownMakespan('ta41')).toBe(2005);
  });

  it('every best known makespan is at least the largest job length and machine load (trivial lower bounds)', () => {
    for (const name of jobShopInstanceNames()) {
      const inst = loadJobShopInstance(name);
      const jobLength = Math.max(...inst.operations.map((ops) => ops.reduce((s, o) => s + o.duration, 0)));
      const load = new Array<number>(inst.machines).fill(0);
      for (const ops of inst.operations) for (const o of ops) load[o.machine]! += o.duration;
      expect(bestKnownMakespan(name), name).toBeGreaterThanOrEqual(Math.max(jobLength, ...load));
    }
  });

  it('rejects an unknown name, naming valid ones of the same family', () => {
    expect(() => loadJobShopInstance('la41')).toThrow(
      /^loadJobShopInstance: unknown instance "la41"; valid names include la01, la02, .* \(138 in all/,
    );
    expect(() => bestKnownMakespan('nope')).toThrow(
      /^bestKnownMakespan: unknown instance "nope"; valid names include abz5, abz6/,
    );
  });
});
