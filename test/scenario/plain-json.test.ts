import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadScenario, parseScenario } from '../../src/scenario/index.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

/** Every example scenario as a JSON text (pretty-printed, so lines differ from path to path). */
const examples = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ f, json: JSON.stringify(parseYaml(readFileSync(join(SCENARIOS, f), 'utf8')), null, 2) }));

describe('JSON scenarios are read with JSON.parse, lines found only when asked', () => {
  it('give the value and the lines the YAML parser gives, for every example scenario', () => {
    expect(examples.length).toBeGreaterThan(5);
    for (const { f, json } of examples) {
      const fast = parseScenario(json, { fileName: `${f}.json` });
      const yaml = parseScenario(json, { fileName: `${f}.json`, format: 'yaml' });
      if (!fast.ok || !yaml.ok) throw new Error(`${f} should parse both ways`);
      expect(fast.parsed.raw, f).toEqual(yaml.parsed.raw);
      for (const path of [
        ['stations', 1, 'id'],
        ['run', 'horizon'],
        ['products', 0],
        ['nowhere', 3],
      ]) {
        expect(fast.parsed.lineOf(path), `${f} ${path.join('.')}`).toBe(yaml.parsed.lineOf(path));
      }
    }
  });

  it('a key repeated in an object is still an error naming its line', () => {
    const { json } = examples.find((e) => e.f === 'serial-line.yaml')!;
    const twice = json.replace('"horizon": ', '"horizon": "2h",\n    "horizon": ');
    expect(twice).not.toBe(json);
    const r = loadScenario(twice, { fileName: 'line.json' });
    if (r.ok) throw new Error('a repeated key must be reported');
    const line =
      twice
        .split('\n')
        .findIndex((l, i, all) => l.includes('"horizon"') && all[i - 1]!.includes('"horizon"')) + 1;
    expect(r.problems).toEqual([expect.objectContaining({ line, message: expect.stringMatching(/unique/) })]);
    // An escaped spelling of the same key is the same key.
    const escaped = json.replace('"horizon": ', '"horizon": "2h",\n    "hori\\u007aon": ');
    expect(loadScenario(escaped, { fileName: 'line.json' }).ok).toBe(false);
    // Equal keys in different objects are fine.
    expect(loadScenario(json, { fileName: 'line.json' }).ok).toBe(true);
  });

  it('a problem in a valid JSON document still carries its line', () => {
    const { json } = examples.find((e) => e.f === 'serial-line.yaml')!;
    const bad = json.replace(/"horizon": "[^"]*"/, '"horizon": "soon"');
    const r = loadScenario(bad, { fileName: 'line.json' });
    if (r.ok) throw new Error('a bad horizon must be reported');
    const line = bad.split('\n').findIndex((l) => l.includes('"soon"')) + 1;
    expect(r.problems[0]).toMatchObject({ path: 'run.horizon', line });
  });
});
