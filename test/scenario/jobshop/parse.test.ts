import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobShop } from '../../../src/scenario/jobshop/parse.js';

const read = (name: string) =>
  readFileSync(new URL(`../../../data/jobshop/${name}`, import.meta.url), 'utf8');

describe('parseJobShop', () => {
  it('reads ft06: 6 jobs × 6 machines, operations in processing order', () => {
    const r = parseJobShop(read('ft06.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.instance).toMatchObject({ name: 'ft06', jobs: 6, machines: 6 });
    expect(r.instance.operations[0]).toEqual([
      { machine: 2, duration: 1 },
      { machine: 0, duration: 3 },
      { machine: 1, duration: 6 },
      { machine: 3, duration: 7 },
      { machine: 5, duration: 3 },
      { machine: 4, duration: 6 },
    ]);
  });

  it('reads every shipped instance with the size bounds.json gives', () => {
    const bounds = JSON.parse(read('bounds.json')) as { name: string; jobs: number; machines: number }[];
    for (const b of bounds) {
      const r = parseJobShop(read(`${b.name}.txt`));
      expect(r.ok, b.name).toBe(true);
      if (r.ok) expect([r.instance.jobs, r.instance.machines]).toEqual([b.jobs, b.machines]);
    }
  });

  it('reports every problem with its line', () => {
    const r = parseJobShop('# x\n2 2\n0 5 1 x\n0 3 0 4\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { line: 3, message: 'duration must be a number >= 0 (got "x")' },
      { line: 4, message: 'machine 0 appears twice in one job' },
    ]);
  });

  it('rejects a missing or malformed header and a wrong number of jobs', () => {
    expect(parseJobShop('# only comments\n')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parseJobShop('3\n')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parseJobShop('2 1\n0 4\n')).toMatchObject({
      ok: false,
      problems: [{ message: 'expected 2 job lines (got 1)' }],
    });
  });
});
