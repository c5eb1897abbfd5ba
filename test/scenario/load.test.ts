import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { Exponential } from '../../src/engine/index.js';
import { formatProblems, loadScenario, loadScenarioFile, type Problem } from '../../src/scenario/index.js';

const fixtures = join(import.meta.dirname, 'fixtures');

/** A valid minimal scenario; tests splice mistakes into it. Line numbers matter: keep the layout. */
const MINIMAL = `run:
  horizon: 8h
  warmup: 1h
products:
  - id: gear
    routing:
      - station: cut
        processTime: { exponential: { mean: 2min } }
sources:
  - id: src
    product: gear
    interarrival: { exponential: { mean: 3min } }
stations:
  - id: cut
crews:
  - id: tech
    skills: [electric]
sinks:
  - id: out
`;

function problemsOf(text: string, fileName = 'test.yaml'): Problem[] {
  const r = loadScenario(text, { fileName });
  if (r.ok) throw new Error('expected problems, got a valid scenario');
  return [...r.problems];
}

const brief = (ps: readonly Problem[]) => ps.map((p) => [p.path, p.line]);

describe('loadScenario', () => {
  test.each(['machine-shop.yaml', 'tandem.json', 'conwip-csv.yaml'])('the fixture %s loads', (file) => {
    const r = loadScenarioFile(join(fixtures, file));
    if (!r.ok) throw new Error(formatProblems(r.problems, file));
    expect(r.scenario.stations.length).toBeGreaterThan(0);
  });

  test('a minimal scenario loads with durations in seconds, kernel distributions and defaults', () => {
    const r = loadScenario(MINIMAL, { fileName: 'minimal.yaml' });
    if (!r.ok) throw new Error(formatProblems(r.problems, 'minimal.yaml'));
    const s = r.scenario;
    expect(s.run).toEqual({ horizon: 28_800, warmup: 3_600, replications: 1, seed: 1 });
    const step = s.products[0]!.routing[0]!;
    expect(step.processTime).toBeInstanceOf(Exponential);
    expect(step.processTime!.mean).toBe(120);
    expect(s.stations[0]).toMatchObject({
      id: 'cut',
      servers: 1,
      dispatch: 'fifo',
      failures: [],
      preventive: [],
    });
    expect(s.buffers).toEqual([]);
    expect(s.crews[0]).toMatchObject({ size: 1, dispatch: 'fifo', skills: ['electric'] });
  });

  test('the machine shop fixture has every unit converted', () => {
    const r = loadScenarioFile(join(fixtures, 'machine-shop.yaml'));
    if (!r.ok) throw new Error('invalid');
    const mill = r.scenario.stations[1]!;
    expect(mill.position).toEqual({ x: 12, y: 0 });
    expect(r.scenario.stations[0]!.size).toEqual({ width: 2, depth: 1.5 });
    expect(r.scenario.buffers.map((b) => b.capacity)).toEqual([5, Number.POSITIVE_INFINITY]);
    expect(r.scenario.crews[0]!.travel).toEqual({ speed: 1.2 });
    expect(mill.preventive[0]).toMatchObject({ interval: 432_000, basis: 'operating' });
    expect(mill.preventive[0]!.duration.mean).toBe(2_700);
    expect(r.scenario.stations[2]!.failures[0]!.ttr.kind).toBe('normal');
  });

  test('orders from a CSV file are read into the source, durations converted', () => {
    const r = loadScenarioFile(join(fixtures, 'conwip-csv.yaml'));
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.sources[1]!.orders).toEqual([
      { release: 0, product: 'widget', quantity: 3, due: 14_400 },
      { release: 7_200, product: 'widget', quantity: 1 },
      { release: 12_600, product: 'widget', quantity: 2, due: 43_200 },
    ]);
  });

  test('a bad CSV row is reported with the CSV file and line', () => {
    const text = readFileSync(join(fixtures, 'conwip-csv.yaml'), 'utf8');
    const r = loadScenario(text, {
      fileName: 'x.yaml',
      readTextFile: () => 'release,product,quantity\n0s,widget,1\n2 hours,gizmo,0\n',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.file, p.line])).toEqual([
      ['sources[1].ordersCsv[1].release', 'orders.csv', 3],
      ['sources[1].ordersCsv[1].quantity', 'orders.csv', 3],
    ]);
  });

  test('ordersCsv without a file reader is a problem, not a crash', () => {
    const text = readFileSync(join(fixtures, 'conwip-csv.yaml'), 'utf8');
    const ps = problemsOf(text);
    expect(brief(ps)).toEqual([['sources[1].ordersCsv', 8]]);
  });

  test('a file with three different mistakes gives three problems with paths and lines', () => {
    const text = MINIMAL.replace('mean: 2min', 'mean: 0min') // kernel parameter error, line 8
      .replace('product: gear', 'product: bolt') // unknown product, line 11
      .replace('  - id: cut\n', '  - id: cut\n    sped: 3\n'); // unknown key, line 15
    const ps = problemsOf(text);
    expect(brief(ps)).toEqual([
      ['products[0].routing[0].processTime.exponential.mean', 8],
      ['sources[0].product', 11],
      ['stations[0].sped', 15],
    ]);
    expect(ps[0]!.message).toMatch(/mean must be .*> 0/);
    expect(ps[1]!.message).toBe('unknown product "bolt" (known: gear)');
    expect(ps[2]!.message).toBe('unknown key "sped"');
    expect(formatProblems(ps, 'test.yaml')).toBe(
      [
        '✖ Exponential: mean must be a finite number > 0 (got 0) → at products[0].routing[0].processTime.exponential.mean (line 8)',
        '✖ unknown product "bolt" (known: gear) → at sources[0].product (line 11)',
        '✖ unknown key "sped" → at stations[0].sped (line 15)',
        '3 problems in test.yaml',
      ].join('\n'),
    );
  });

  test('an unknown key is an error at its own line', () => {
    const ps = problemsOf(MINIMAL.replace('  warmup: 1h\n', '  warmup: 1h\n  replicatoins: 3\n'));
    expect(ps).toEqual([{ message: 'unknown key "replicatoins"', path: 'run.replicatoins', line: 4 }]);
  });

  test('a bad unit names the expected form and the value', () => {
    const ps = problemsOf(MINIMAL.replace('horizon: 8h', 'horizon: 5 parsecs'));
    expect(ps).toEqual([
      {
        message: 'expected a duration such as "90s" or "2.5min" (units ms s min h d; got "5 parsecs")',
        path: 'run.horizon',
        line: 2,
      },
    ]);
  });

  test('bad references are reported: unknown station, duplicate id, unknown buffer, missing skill, warmup >= horizon', () => {
    const text = MINIMAL.replace('station: cut', 'station: drill')
      .replace('  warmup: 1h', '  warmup: 8h')
      .replace(
        '  - id: cut\n',
        [
          '  - id: cut',
          '    input: q',
          '    failures:',
          '      - { name: jam, basis: cycles, cycles: 100, ttr: 5min, skill: hydraulic }',
          '  - id: src',
          '',
        ].join('\n'),
      );
    const ps = problemsOf(text);
    expect(ps.map((p) => [p.message, p.path, p.line])).toEqual([
      ['warmup (8h) must be shorter than horizon (8h)', 'run.warmup', 3],
      ['unknown station "drill" (known: cut, src)', 'products[0].routing[0].station', 7],
      ['unknown buffer "q" (no buffer is defined)', 'stations[0].input', 15],
      ['no crew has skill "hydraulic"', 'stations[0].failures[0].skill', 17],
      ['duplicate id "src" (also sources[0])', 'stations[1].id', 18],
    ]);
  });

  test('structural rules are reported: a source kind, a failure basis, a distribution family', () => {
    const text = MINIMAL.replace(
      '    interarrival: { exponential: { mean: 3min } }',
      '    interarrival: { exponential: { mean: 3min }, uniform: { min: 1s, max: 2s } }\n    conwip: { wip: 2 }',
    ).replace('  - id: cut\n', '  - id: cut\n    failures: [{ name: f, basis: calendar, ttr: 1h }]\n');
    const ps = problemsOf(text);
    expect(ps.map((p) => [p.message, p.path])).toEqual([
      [
        'a source has exactly one of interarrival, orders, ordersCsv, conwip (got interarrival, conwip)',
        'sources[0]',
      ],
      ['a distribution has exactly one family (got exponential and uniform)', 'sources[0].interarrival'],
      ['basis calendar needs ttf', 'stations[0].failures[0]'],
    ]);
  });

  test('part-2 elements: a conveyor shorter than its spacing, an unknown carrier, a rework at an assembly', () => {
    const text = `run: { horizon: 1h }
products:
  - id: p
    routing:
      - { station: a, processTime: 1min }
      - { station: b, processTime: 1min, via: belt }
      - { station: c, processTime: 1min, via: nowhere }
sources: [{ id: src, product: p, interarrival: 2min }]
stations:
  - { id: a }
  - { id: b, inspection: { defect: 0.1, onDefect: { rework: c } } }
  - { id: c }
conveyors:
  - { id: belt, to: b, length: 1m, speed: 1m/s, spacing: 2m }
sinks: [{ id: out }]
`;
    const ps = problemsOf(text).map((p) => [p.message, p.path, p.line]);
    expect(ps).toContainEqual([
      'spacing (2 m) must not exceed the length (1 m): the belt could hold no item',
      'conveyors[0].spacing',
      14,
    ]);
    expect(ps).toContainEqual([
      'unknown conveyor or robot fleet "nowhere" (known: belt)',
      'products[0].routing[2].via',
      7,
    ]);
    expect(ps).toContainEqual([
      'product "p" does not visit "c" before "b", so it cannot be reworked there',
      'stations[1].inspection.onDefect.rework',
      11,
    ]);
  });

  test('a routing step without processTime is a problem unless it delivers a component to its assembly', () => {
    const ps = problemsOf(MINIMAL.replace(/\n\s+processTime:.*\n/, '\n'));
    expect(ps.map((p) => [p.message, p.path])).toContainEqual([
      'a routing step needs processTime',
      'products[0].routing[0]',
    ]);
  });

  test('a YAML syntax error is reported with its line', () => {
    const ps = problemsOf(MINIMAL.replace('  horizon: 8h', '  horizon: [8h'));
    expect(ps.length).toBeGreaterThan(0);
    expect(ps[0]!.line).toBeGreaterThanOrEqual(2);
    expect(ps[0]!.path).toBe('');
  });

  test('a duplicate key is reported with its line', () => {
    const ps = problemsOf(MINIMAL.replace('  warmup: 1h\n', '  warmup: 1h\n  horizon: 9h\n'));
    expect(ps.length).toBe(1);
    expect(ps[0]!.message).toMatch(/unique/);
    expect(ps[0]!.line).toBe(4);
  });

  test('JSON input works and its problems carry JSON lines', () => {
    const json = readFileSync(join(fixtures, 'tandem.json'), 'utf8');
    const r = loadScenario(json, { fileName: 'tandem.json' });
    expect(r.ok).toBe(true);
    const ps = problemsOf(json.replace('"servers": 2', '"servers": 0'), 'tandem.json');
    expect(ps).toEqual([{ message: 'must be an integer >= 1', path: 'stations[1].servers', line: 19 }]);
    const broken = problemsOf(json.replace('"seed": 7 }', '"seed": 7, }'), 'tandem.json');
    expect(broken[0]!.message).toMatch(/JSON/);
  });

  test('a document that is not a mapping is one problem, not a crash', () => {
    expect(problemsOf('')).toHaveLength(1);
    expect(problemsOf('- 1\n- 2\n')).toHaveLength(1);
    expect(problemsOf('42')[0]!.line).toBe(1);
  });

  test('a missing file is a problem', () => {
    const r = loadScenarioFile(join(fixtures, 'nope.yaml'));
    expect(r.ok).toBe(false);
  });
});

describe('problem messages', () => {
  test('a missing required key says so, at the enclosing object', () => {
    const ps = problemsOf(MINIMAL.replace('  horizon: 8h\n', ''));
    expect(ps).toEqual([{ message: 'required, but missing', path: 'run.horizon', line: 1 }]);
  });

  test('problems are printed scenario lines first, then other files', () => {
    const out = formatProblems(
      [
        { message: 'b', path: 'x', line: 3, file: 'o.csv' },
        { message: 'a', path: '', line: 9 },
      ],
      's.yaml',
    );
    expect(out).toBe('✖ a → at the document (line 9)\n✖ b → at x (o.csv line 3)\n2 problems in s.yaml');
  });
});

describe('the Scenario type', () => {
  test('has SI numbers and kernel distributions where the file has units', () => {
    type S = import('../../src/scenario/index.js').Scenario;
    type D = import('../../src/engine/index.js').Distribution;
    expectTypeOf<S['run']>().toEqualTypeOf<{
      horizon: number;
      warmup: number;
      replications: number;
      seed: number;
      start?: string | undefined;
    }>();
    expectTypeOf<S['products'][number]['routing'][number]['processTime']>().toEqualTypeOf<D | undefined>();
    expectTypeOf<S['buffers'][number]['capacity']>().toEqualTypeOf<number>();
    expectTypeOf<S['stations'][number]['failures'][number]['ttf']>().toEqualTypeOf<D | undefined>();
    expectTypeOf<S['stations'][number]['position']>().toEqualTypeOf<{ x: number; y: number } | undefined>();
    expectTypeOf<S['sources'][number]['interarrival']>().toEqualTypeOf<D | undefined>();
  });
});
