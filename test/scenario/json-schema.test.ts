import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/scenario/index.js';

type Schema = Record<string, unknown>;

interface Keywords {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  minProperties?: number;
  maxProperties?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  not?: Schema;
}

interface Doc {
  run: Record<string, unknown>;
  sources: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * A deliberately small JSON Schema checker for the keywords the generated schema uses (the test
 * fails if a new keyword appears, so the checker never silently ignores one). No new dependency.
 */
const KNOWN = new Set([
  '$schema',
  'title',
  'description',
  'default',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'anyOf',
  'oneOf',
  'const',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minLength',
  'minProperties',
  'maxProperties',
  'not',
  '$ref',
  '$defs',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function valid(schema: Schema, v: unknown, root: Schema = schema): boolean {
  if (typeof schema.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target =
      name === undefined ? undefined : (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (target === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
    if (!valid(target, v, root)) return false;
  }
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unhandled keyword ${key}`);
  const s = schema as Keywords;
  if (s.type !== undefined) {
    const t = typeOf(v);
    if (!(t === s.type || (s.type === 'number' && t === 'integer'))) return false;
  }
  if (s.const !== undefined && v !== s.const) return false;
  if (s.enum !== undefined && !s.enum.includes(v)) return false;
  if (typeof v === 'string') {
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) return false;
    if (s.minLength !== undefined && v.length < s.minLength) return false;
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) return false;
    if (s.maximum !== undefined && v > s.maximum) return false;
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return false;
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return false;
    const items = s.items;
    if (items !== undefined && !v.every((x) => valid(items, x, root))) return false;
  }
  if (typeOf(v) === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const props = s.properties ?? {};
    if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
    if (s.required !== undefined && !s.required.every((k) => k in o)) return false;
    for (const k of keys) {
      const p = props[k];
      if (p === undefined) {
        if (s.additionalProperties === false) return false;
      } else if (!valid(p, o[k], root)) return false;
    }
  }
  if (s.anyOf !== undefined && !s.anyOf.some((x) => valid(x, v, root))) return false;
  if (s.oneOf !== undefined && s.oneOf.filter((x) => valid(x, v, root)).length !== 1) return false;
  if (s.not !== undefined && valid(s.not, v, root)) return false;
  return true;
}

const fixtures = join(import.meta.dirname, 'fixtures');
const machineShop = () => parse(readFileSync(join(fixtures, 'machine-shop.yaml'), 'utf8')) as Doc;

describe('scenarioJsonSchema', () => {
  test('is plain JSON with a $schema and a strict top level', () => {
    const schema = JSON.parse(JSON.stringify(scenarioJsonSchema())) as Schema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['run', 'products', 'sources', 'stations', 'sinks']);
  });

  test.each([
    'machine-shop.yaml',
    'tandem.json',
    'conwip-csv.yaml',
  ])('accepts the valid fixture %s', (file) => {
    const doc: unknown = parse(readFileSync(join(fixtures, file), 'utf8'));
    expect(valid(scenarioJsonSchema(), doc)).toBe(true);
  });

  test('rejects an unknown key, a bad unit, a plain number duration and a two-family distribution', () => {
    const schema = scenarioJsonSchema();
    const withKey = machineShop();
    withKey.run.replicatoins = 3;
    expect(valid(schema, withKey)).toBe(false);
    const badUnit = machineShop();
    badUnit.run.horizon = '30 parsecs';
    expect(valid(schema, badUnit)).toBe(false);
    const plain = machineShop();
    plain.run.horizon = 3600;
    expect(valid(schema, plain)).toBe(false);
    const twoFamilies = machineShop();
    twoFamilies.sources[0]!.interarrival = {
      exponential: { mean: '1min' },
      constant: '1min',
    };
    expect(valid(schema, twoFamilies)).toBe(false);
    const badConveyor = machineShop();
    badConveyor.conveyors = [
      { id: 'c', to: 'x', length: '3m', speed: '1m/s', spacing: '0.5m', colour: 'red' },
    ];
    expect(valid(schema, badConveyor)).toBe(false);
  });

  // Regenerate both files with: UPDATE_SCENARIO_SCHEMA=1 npx vitest run test/scenario/json-schema.test.ts
  test('the schema file next to the fixtures (used by their yaml-language-server line) is current', () => {
    const file = join(fixtures, 'scenario.schema.json');
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1')
      writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    const onDisk: unknown = JSON.parse(readFileSync(join(fixtures, 'scenario.schema.json'), 'utf8'));
    expect(onDisk).toEqual(scenarioJsonSchema());
  });

  // The copy at the root is the one the example scenarios (and the published package) point at;
  // regenerate with UPDATE_SCENARIO_SCHEMA=1 as above, or `npx shopfloor schema > scenario.schema.json`.
  test('the schema file at the root of the repository (shipped with the package) is current', () => {
    const file = join(import.meta.dirname, '../../scenario.schema.json');
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1')
      writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(scenarioJsonSchema());
  });
});
