import { describe, expect, test } from 'vitest';
import { buildPlant, loadScenario, type Problem } from '../../src/scenario/index.js';

/** A three-step routing cut → wash → pack; tests splice `branch` lists after a step (line numbers matter). */
const BASE = `run:
  horizon: 8h
products:
  - id: A
    routing:
      - station: cut
        processTime: 1min
CUT
      - station: wash
        processTime: 1min
WASH
      - station: pack
        processTime: 1min
sources:
  - id: src
    product: A
    interarrival: 3min
stations:
  - id: cut
  - id: wash
  - id: pack
sinks:
  - id: out
`;

const doc = (cut: string, wash = '') =>
  BASE.replace('CUT\n', cut ? `${cut}\n` : '').replace('WASH\n', wash ? `${wash}\n` : '');

function problemsOf(text: string): [string, number | undefined, string][] {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (r.ok) throw new Error('expected problems, got a valid scenario');
  return r.problems.map((p: Problem) => [p.path, p.line, p.message]);
}

describe('products[i].routing[j].branch', () => {
  test('a forward skip, a loop back and a branch to the sink load and build', () => {
    const r = loadScenario(
      doc(
        '        branch: [{ to: pack, p: 0.3 }, { to: sink, p: 0.1 }]',
        '        branch: [{ to: cut, p: 0.2 }]',
      ),
      { fileName: 'test.yaml' },
    );
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.scenario.products[0]!.routing[0]!.branch).toEqual([
      { to: 'pack', p: 0.3 },
      { to: 'sink', p: 0.1 },
    ]);
    const built = buildPlant(r.scenario, 1);
    expect(built.plant.product('A').branches).toEqual([
      [
        { toStep: 2, p: 0.3 },
        { toStep: 3, p: 0.1 },
      ],
      [{ toStep: 0, p: 0.2 }],
      undefined,
    ]);
  });

  test('a target not in the routing, a bad probability and a sum above 1 are problems with path and line', () => {
    expect(problemsOf(doc('        branch: [{ to: paint, p: 0.3 }, { to: pack, p: 0 }]'))).toEqual([
      ['products[0].routing[0].branch[1].p', 8, 'a branch probability must be > 0'],
      [
        'products[0].routing[0].branch[0].to',
        8,
        '"paint" is not a station of this routing (cut, wash, pack) nor sink',
      ],
    ]);
    expect(problemsOf(doc('        branch: [{ to: paint, p: 0.3 }]'))).toEqual([
      [
        'products[0].routing[0].branch[0].to',
        8,
        '"paint" is not a station of this routing (cut, wash, pack) nor sink',
      ],
    ]);
    expect(problemsOf(doc('        branch: [{ to: pack, p: 0.7 }, { to: sink, p: 0.4 }]'))).toEqual([
      ['products[0].routing[0].branch', 8, 'branch probabilities sum to 1.1 (at most 1)'],
    ]);
    expect(problemsOf(doc('        branch: [{ to: pack, p: 0.2 }, { to: pack, p: 0.2 }]'))[0]![2]).toBe(
      '"pack" is a branch target twice',
    );
  });

  test('a loop that can never reach the sink is a problem', () => {
    expect(problemsOf(doc('', '        branch: [{ to: cut, p: 1 }]'))).toEqual([
      [
        'products[0].routing[1].branch',
        10,
        'with these branches a part never leaves the routing: some probability must go on to the sink',
      ],
    ]);
  });

  test('a branch that is not a list says what it expects', () => {
    expect(problemsOf(doc('        branch: 0.2'))).toEqual([
      ['products[0].routing[0].branch', 8, 'expected a list of branches, e.g. [{ to: wash, p: 0.2 }]'],
    ]);
  });
});
