import { describe, expect, test } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.js';

/** A scenario with two products; tests splice a setup table into the station. Line numbers matter. */
const BASE = `run:
  horizon: 8h
products:
  - id: A
    routing:
      - station: cut
        processTime: 1min
  - id: B
    routing:
      - station: cut
        processTime: 1min
sources:
  - id: src
    product: A
    interarrival: 3min
stations:
  - id: cut
SETUPS
sinks:
  - id: out
`;

const withSetups = (yaml: string) => BASE.replace('SETUPS', yaml);

function problemsOf(text: string): Problem[] {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (r.ok) throw new Error('expected problems, got a valid scenario');
  return [...r.problems];
}

describe('scenario setup tables with wildcards', () => {
  test("'*' is accepted as a from or a to product", () => {
    const r = loadScenario(
      withSetups(
        `    setups:\n      '*': { A: 5min, '*': 2min }\n      A: { '*': 3min }\n      B: { A: 1min }`,
      ),
      { fileName: 'test.yaml' },
    );
    expect(r.ok).toBe(true);
  });

  test('an unknown product in a setup table is still a problem with path and line, beside a wildcard', () => {
    const ps = problemsOf(withSetups(`    setups:\n      '*': { C: 5min }\n      D: { '*': 3min }`));
    expect(ps.map((p) => [p.path, p.line, p.message])).toEqual([
      ['stations[0].setups["*"].C', 19, 'unknown product "C" (known: A, B)'],
      ['stations[0].setups.D', 20, 'unknown product "D" (known: A, B)'],
    ]);
  });

  test('a key that is neither an id nor * is a problem', () => {
    const ps = problemsOf(withSetups(`    setups:\n      '**': { A: 5min }`));
    expect(ps[0]!.path).toMatch(/^stations\[0\]\.setups/);
  });
});
