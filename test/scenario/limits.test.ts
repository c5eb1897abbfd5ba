import { describe, expect, it } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.js';

/**
 * Inputs that would hang or exhaust memory are validation problems with their path and line
 * (issue 9 §1): an interarrival time that is always 0, sizes and horizons past the documented limits,
 * a batch that can never fill.
 */
function scenario(over: {
  run?: string;
  source?: string;
  station?: string;
  buffers?: string;
  crew?: string;
}) {
  return `run:
  horizon: ${over.run ?? '8h'}
products:
  - id: gear
    routing:
      - station: cut
        processTime: 1min
sources:
  - id: src
    product: gear
${over.source ?? '    interarrival: 2min'}
buffers:
${over.buffers ?? '  - { id: q, capacity: 5 }'}
stations:
  - id: cut
    input: q
${over.station ?? '    servers: 1'}
crews:
  - id: tech
${over.crew ?? '    size: 1'}
sinks:
  - id: out
`;
}

function problems(text: string): Problem[] {
  const r = loadScenario(text, { fileName: 'x.yaml' });
  return r.ok ? [] : [...r.problems];
}

describe('validation of inputs that would hang or exhaust memory', () => {
  it('the baseline scenario is valid', () => {
    expect(problems(scenario({}))).toEqual([]);
  });

  it('an interarrival time that is always 0 (constant 0s, empirical of 0s) is a problem at interarrival', () => {
    for (const ia of ['0s', '{ constant: 0s }', '{ empirical: { values: [0s, 0s] } }']) {
      const p = problems(scenario({ source: `    interarrival: ${ia}` }));
      expect(p, ia).toHaveLength(1);
      expect(p[0]!.path, ia).toBe('sources[0].interarrival');
      expect(p[0]!.line, ia).toBe(11);
      expect(p[0]!.message, ia).toMatch(/always 0 would release unboundedly many parts at one instant/);
    }
  });

  it('an interarrival time that is sometimes 0 is valid', () => {
    expect(problems(scenario({ source: '    interarrival: { empirical: { values: [0s, 1min] } }' }))).toEqual(
      [],
    );
  });

  it('sizes past the documented limits are problems with their path and line', () => {
    const cases: [Parameters<typeof scenario>[0], string, RegExp][] = [
      [
        { station: '    servers: 1000000000' },
        'stations[0].servers',
        /at most 10,000 \(the limit for servers/,
      ],
      [{ buffers: '  - { id: q, capacity: 2000000 }' }, 'buffers[0].capacity', /at most 1,000,000/],
      [{ station: '    batch: { size: 20000, maxWait: 1h }' }, 'stations[0].batch.size', /at most 10,000/],
      [{ crew: '    size: 99999' }, 'crews[0].size', /at most 10,000/],
      [
        { source: '    interarrival: 2min\n    quantity: 9000000000' },
        'sources[0].quantity',
        /at most 1,000,000,000/,
      ],
      [{ source: '    conwip: { wip: 5000000 }' }, 'sources[0].conwip.wip', /at most 1,000,000/],
      [{ run: '1e300d' }, 'run.horizon', /at most 100 years/],
    ];
    for (const [over, path, message] of cases) {
      const p = problems(scenario(over));
      const hit = p.find((x) => x.path === path);
      expect(hit, `${path}: ${JSON.stringify(p)}`).toBeDefined();
      expect(hit!.message).toMatch(message);
      expect(hit!.line).toBeGreaterThan(1);
    }
    expect(problems(scenario({ run: '99d', station: '    servers: 10000' }))).toEqual([]);
  });

  it('a batch without maxWait larger than its input buffer can never fill: a problem at batch.size', () => {
    const p = problems(
      scenario({ buffers: '  - { id: q, capacity: 3 }', station: '    batch: { size: 10 }' }),
    );
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('stations[0].batch.size');
    expect(p[0]!.line).toBe(17);
    expect(p[0]!.message).toMatch(/a batch of 10 can never fill: input buffer "q" holds at most 3 parts/);
    const withWait = scenario({
      buffers: '  - { id: q, capacity: 3 }',
      station: '    batch: { size: 10, maxWait: 1h }',
    });
    expect(problems(withWait)).toEqual([]);
  });

  it('an assembly whose component no source releases and no station makes is a problem at that input', () => {
    const text = (sources: string) => `run: { horizon: 8h }
products:
  - id: car
    routing: [{ station: join, processTime: 1min }]
  - id: body
    routing: [{ station: join }]
  - id: wheel
    routing: [{ station: join }]
sources:
${sources}
stations:
  - id: join
    assembly: { output: car, inputs: { body: 1, wheel: 4 } }
sinks: [{ id: out }]
`;
    const p = problems(text('  - { id: bodies, product: body, interarrival: 2min }'));
    expect(p).toEqual([
      {
        message:
          'no source releases "wheel" and no station makes it, so the assembly at "join" could never start',
        path: 'stations[0].assembly.inputs.wheel',
        line: 13,
      },
    ]);
    const both =
      '  - { id: bodies, product: body, interarrival: 2min }\n  - { id: wheels, product: wheel, interarrival: 30s }';
    expect(problems(text(both))).toEqual([]);
  });
});
