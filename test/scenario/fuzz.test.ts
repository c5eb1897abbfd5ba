import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/index.js';

// Takes about a second: 300 runs per property.
const base: unknown = parse(readFileSync(join(import.meta.dirname, 'fixtures', 'machine-shop.yaml'), 'utf8'));

type Path = (string | number)[];

/** Every path to a node of a JSON-like value. */
function paths(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...paths(x, [...prefix, i]));
  } else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

type Mutation =
  | { kind: 'delete' | 'retype' | 'insert'; at: number; value: unknown; key: string }
  | { kind: 'garbage'; at: number; value: unknown; key: string };

/** Applies one mutation to a deep copy of `doc`. */
function mutate(doc: unknown, m: Mutation): unknown {
  const copy: unknown = structuredClone(doc);
  const all = paths(copy);
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.kind === 'retype' ? m.value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.kind === 'retype' || m.kind === 'garbage') parent[last] = m.value;
  else {
    const target = parent[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      (target as Record<string, unknown>)[m.key] = m.value;
    else parent[last] = { [m.key]: m.value };
  }
  return copy;
}

const anyValue = fc.oneof(
  fc.constantFrom('90s', '0s', '-1s', '5 parsecs', 'infinite', 'fifo', 'cut', '', '1e400s'),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ exponential: { mean: '0s' } }),
  fc.string({ maxLength: 8 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'retype', 'insert', 'garbage'),
  at: fc.nat(),
  value: anyValue,
  key: fc.oneof(
    fc.constantFrom('id', 'mean', 'ttf', 'conveyors', '__proto__', 'constructor'),
    fc.string({ maxLength: 6 }),
  ),
});

function neverThrows(text: string, fileName: string): void {
  const r = loadScenario(text, { fileName });
  if (r.ok) expect(r.scenario.stations.length).toBeGreaterThan(0);
  else {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(typeof p.message).toBe('string');
      expect(p.message).not.toMatch(/internal error/);
      expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    }
  }
}

describe('loading mutated documents', () => {
  test('a few random mutations of a valid document give a scenario or problems, never an exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (ms, asJson) => {
        const doc = ms.reduce<unknown>((d, m) => mutate(d, m), base);
        const text = asJson ? JSON.stringify(doc, null, 2) : stringify(doc);
        neverThrows(text ?? 'null', asJson ? 'fuzz.json' : 'fuzz.yaml');
      }),
      { numRuns: 300 },
    );
  });

  test('garbage text spliced into the YAML source gives problems, never an exception', () => {
    const source = stringify(base);
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 20 }), (at, cut, junk) => {
        const i = at % (source.length + 1);
        neverThrows(source.slice(0, i) + junk + source.slice(i + cut), 'fuzz.yaml');
      }),
      { numRuns: 300 },
    );
  });
});
