import fc from 'fast-check';
import type { Doc } from './scenario-arbitrary.js';

/**
 * Mutations of a valid scenario document that make it **invalid** for certain (each breaks a rule of
 * the schema or of the references), and mutations that may or may not.
 */

type Path = (string | number)[];

/** Every path to an object (not array) node of a JSON-like value. */
export function objectPaths(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(v)) v.forEach((x, i) => void out.push(...objectPaths(x, [...prefix, i])));
  else if (typeof v === 'object' && v !== null) {
    out.push(prefix);
    for (const [k, x] of Object.entries(v)) out.push(...objectPaths(x, [...prefix, k]));
  }
  return out;
}

function at(doc: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = doc as Record<string | number, unknown> | undefined;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[seg] as Record<string | number, unknown> | undefined;
  }
  return typeof node === 'object' && node !== null ? node : undefined;
}

/** The array at `doc[key]`, or `[]` (an earlier edit may have removed or retyped it). */
const list = (v: unknown, key: string): Doc[] => {
  const x = typeof v === 'object' && v !== null ? (v as Doc)[key] : undefined;
  return Array.isArray(x) ? (x as Doc[]).filter((e) => typeof e === 'object' && e !== null) : [];
};

/** A certainly-invalid edit of a generated document. */
export type InvalidEdit =
  | { kind: 'unknownKey'; pick: number; key: string }
  | { kind: 'missingKey'; pick: number }
  | { kind: 'wrongType'; pick: number; value: unknown }
  | { kind: 'badUnit'; pick: number; unit: string }
  | { kind: 'badReference'; pick: number };

export const invalidEdit: fc.Arbitrary<InvalidEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('unknownKey' as const),
    pick: fc.nat(),
    key: fc.constantFrom('colour', 'servers_', 'Horizon', 'ttf2', 'capacityy', 'x-extra'),
  }),
  fc.record({ kind: fc.constant('missingKey' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('wrongType' as const),
    pick: fc.nat(),
    value: fc.constantFrom<unknown>('two', -1, 0, 1.5, true, null, [], { a: 1 }, '', 'random'),
  }),
  fc.record({
    kind: fc.constant('badUnit' as const),
    pick: fc.nat(),
    unit: fc.constantFrom('5 parsecs', '3 fortnights', '12', '-4min', 'NaNs', '1e999h', 'min', '2 kW'),
  }),
  fc.record({ kind: fc.constant('badReference' as const), pick: fc.nat() }),
);

/** Required keys (relative to the document) that `missingKey` deletes. */
function requiredPaths(doc: Doc): Path[] {
  const out: Path[] = [['run'], ['run', 'horizon'], ['products'], ['sources'], ['stations'], ['sinks']];
  list(doc, 'products').forEach((p, i) => {
    out.push(['products', i, 'id'], ['products', i, 'routing']);
    list(p, 'routing').forEach(
      (_, j) =>
        void out.push(['products', i, 'routing', j, 'station'], ['products', i, 'routing', j, 'processTime']),
    );
  });
  list(doc, 'stations').forEach((st, i) => {
    out.push(['stations', i, 'id']);
    list(st, 'failures').forEach(
      (_, j) => void out.push(['stations', i, 'failures', j, 'ttr'], ['stations', i, 'failures', j, 'basis']),
    );
  });
  list(doc, 'sources').forEach((_, i) => void out.push(['sources', i, 'id']));
  list(doc, 'sinks').forEach((_, i) => void out.push(['sinks', i, 'id']));
  return out;
}

/** Typed slots (path, and values of the wrong type for it). */
function typedPaths(doc: Doc): Path[] {
  const out: Path[] = [
    ['run', 'horizon'],
    ['run', 'replications'],
    ['run', 'seed'],
  ];
  list(doc, 'stations').forEach((st, i) => {
    out.push(['stations', i, 'servers'], ['stations', i, 'dispatch'], ['stations', i, 'id']);
    list(st, 'failures').forEach((_, j) => void out.push(['stations', i, 'failures', j, 'basis']));
  });
  list(doc, 'products').forEach(
    (p, i) =>
      void list(p, 'routing').forEach((_, j) => void out.push(['products', i, 'routing', j, 'processTime'])),
  );
  list(doc, 'buffers').forEach((_, i) => void out.push(['buffers', i, 'capacity']));
  return out;
}

/** Values that are wrong for every slot of {@link typedPaths} (a valid id, integer or duration is not among them). */
function wrongFor(path: Path, value: unknown): unknown {
  const key = path[path.length - 1];
  // 'random' is a valid id (and dispatch rule) and `1.5` a wrong integer but fine elsewhere: keep only values
  // wrong for the slot.
  if (key === 'id') return typeof value === 'string' && /^[A-Za-z_]/.test(value) ? 'has space' : value;
  if (key === 'seed' && value === 0) return -1;
  // 'random' is a dispatch rule too.
  if (key === 'dispatch' && value === 'random') return 'randomly';
  if (key === 'servers' || key === 'replications' || key === 'capacity') return value === 0 ? 0 : 'two';
  if (
    key === 'processTime' &&
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'a' in value
  )
    return value; // { a: 1 } is not a distribution
  return value;
}

/** Duration slots for `badUnit`. */
function durationPaths(doc: Doc): Path[] {
  const out: Path[] = [['run', 'horizon']];
  list(doc, 'products').forEach(
    (p, i) =>
      void list(p, 'routing').forEach((_, j) => void out.push(['products', i, 'routing', j, 'processTime'])),
  );
  list(doc, 'stations').forEach((st, i) => {
    out.push(['stations', i, 'position', 'x']);
    list(st, 'preventive').forEach((_, j) => void out.push(['stations', i, 'preventive', j, 'interval']));
  });
  return out;
}

/** Applies an edit to a copy of `doc`; the result is certainly invalid. */
export function applyInvalid(doc: Doc, e: InvalidEdit): Doc {
  const copy = structuredClone(doc);
  const pickOf = <T>(xs: T[]): T => xs[e.pick % xs.length]!;
  switch (e.kind) {
    case 'unknownKey': {
      const path = pickOf(objectPaths(copy));
      at(copy, path)![e.key] = 1;
      break;
    }
    case 'missingKey': {
      const path = pickOf(requiredPaths(copy));
      const parent = at(copy, path.slice(0, -1));
      if (parent === undefined) copy.colour = 1;
      else delete parent[path[path.length - 1]!];
      break;
    }
    case 'wrongType': {
      const path = pickOf(typedPaths(copy));
      const parent = at(copy, path.slice(0, -1));
      if (parent === undefined) copy.colour = 1;
      else parent[path[path.length - 1]!] = wrongFor(path, e.value);
      break;
    }
    case 'badUnit': {
      const path = pickOf(durationPaths(copy));
      const parent = at(copy, path.slice(0, -1));
      if (parent === undefined) copy.colour = 1;
      else parent[path[path.length - 1]!] = e.unit;
      break;
    }
    case 'badReference': {
      const steps = list(copy, 'products').flatMap((p) => list(p, 'routing'));
      if (steps.length === 0) copy.colour = 1;
      else steps[e.pick % steps.length]!.station = 'nowhere';
      break;
    }
  }
  return copy;
}

/** Garbage text that is not a scenario: random strings, or a valid JSON text cut short. */
export const garbageText = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(
      '',
      '---\n',
      '[1, 2',
      'run: {horizon: 8h',
      ':\n  - :',
      '\t\tbad: indent\n x',
      'null',
      '42',
    ),
    fc.nat().map((n) => valid.slice(0, n % valid.trimEnd().length)),
  );
