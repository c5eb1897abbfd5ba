/**
 * loadWithOverrides parses a source once and applies each set of overrides to a copy: the result of every
 * call equals that of a call on a freshly read source, in any order, errors (with their lines) included.
 * About 5 s (parses the demo factory about a hundred times).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWithOverrides, type Override, readScenarioSource } from '../../src/experiments/overrides.js';

const DEMO = 'scenarios/demo-factory.yaml';

/** A load result without its `lineOf` function (compared by what it answers instead). */
function comparable(r: ReturnType<typeof loadWithOverrides>) {
  if (!r.ok) return r;
  const { lineOf, ...rest } = r;
  return {
    ...rest,
    lines: [['run'], ['run', 'seed'], ['stations', 0], ['buffers', 0, 'capacity']].map((p) => lineOf(p)),
  };
}

const settings: Override[][] = [
  [{ path: 'buffers.oven-in.capacity', value: 3 }],
  [
    { path: 'buffers.oven-in.capacity', value: 12 },
    { path: 'buffers.adjust-in.capacity', value: 1 },
  ],
  [{ path: 'run.horizon', value: '2d' }],
  // Rejected by the schema: the problem names the setting and its line.
  [{ path: 'buffers.adjust-in.capacity', value: 0 }],
  [],
];

describe('loadWithOverrides on one source', () => {
  it('every call equals a call on a freshly read source, whatever came before (the parsed source is never changed)', () => {
    const shared = readScenarioSource(DEMO);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: settings.length - 1 }), { maxLength: 8 }), (order) => {
        for (const i of order) {
          const got = loadWithOverrides(shared, settings[i]!);
          const fresh = loadWithOverrides(readScenarioSource(DEMO), settings[i]!);
          expect(comparable(got)).toEqual(comparable(fresh));
        }
      }),
      { numRuns: 15 },
    );
    const rejected = loadWithOverrides(shared, settings[3]!);
    expect(rejected.ok).toBe(false);
    if (!rejected.ok)
      expect(rejected.problems[0]!.message).toMatch(/^--set buffers\.adjust-in\.capacity=0: /);
  });

  it('a path that does not resolve leaves the source usable for the next call', () => {
    const shared = readScenarioSource(DEMO);
    expect(() => loadWithOverrides(shared, [{ path: 'buffers.nope.capacity', value: 1 }])).toThrow(
      /no element "nope"/,
    );
    expect(comparable(loadWithOverrides(shared, settings[0]!))).toEqual(
      comparable(loadWithOverrides(readScenarioSource(DEMO), settings[0]!)),
    );
  });

  it('every example scenario loads the same through the shared source as through a fresh one', () => {
    const dir = 'scenarios';
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const shared = readScenarioSource(join(dir, f));
      const over: Override[] = [{ path: 'run.seed', value: 7 }];
      loadWithOverrides(shared, over);
      expect(comparable(loadWithOverrides(shared, over)), f).toEqual(
        comparable(loadWithOverrides(readScenarioSource(join(dir, f)), over)),
      );
    }
  });

  it("a rejected setting's problem gives the line of the file, even where writing the changed document again would move lines", () => {
    // A flow mapping over two lines: the YAML writer puts it on one, so lines of a re-written copy shift.
    const text = readScenarioSource(DEMO).text.replace(
      'run:\n  horizon: 5d\n  warmup: 8h\n  replications: 5\n  seed: 1\n',
      'run: { horizon: 5d, warmup: 8h,\n  replications: 5, seed: 1 }\n',
    );
    expect(text).toContain('seed: 1 }');
    const line = text.split('\n').findIndex((l) => l.includes('{ id: adjust-in, capacity: 2 }')) + 1;
    const r = loadWithOverrides({ file: 'x.yaml', text }, [{ path: 'buffers.adjust-in.capacity', value: 0 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.line])).toEqual([['buffers[1].capacity', line]]);
    expect(r.problems[0]!.message).toMatch(/^--set buffers\.adjust-in\.capacity=0: /);
  });
});
