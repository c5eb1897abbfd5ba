import { describe, expect, test } from 'vitest';
import { DISPATCH_RULE_NAMES, dispatchPolicy } from '../../src/policies/index.js';
import { loadScenario, type Problem, type Station } from '../../src/scenario/index.js';

/** A one-station scenario whose station has `dispatch: <text>` (line 13). */
const withDispatch = (text: string) => `run:
  horizon: 8h
products:
  - id: gear
    routing:
      - station: cut
        processTime: 2min
sources:
  - id: src
    product: gear
    interarrival: 3min
stations:
  - id: cut
    dispatch: ${text}
sinks:
  - id: out
`;

function station(text: string): Station {
  const r = loadScenario(withDispatch(text), { fileName: 'd.yaml' });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario.stations[0]!;
}

function problems(text: string): Pick<Problem, 'path' | 'message' | 'line'>[] {
  const r = loadScenario(withDispatch(text), { fileName: 'd.yaml' });
  if (r.ok) throw new Error('expected problems');
  return r.problems.map(({ path, message, line }) => ({ path, message, line }));
}

describe('stations[i].dispatch', () => {
  test('every built-in rule name loads; the parsed station carries the name and the spec', () => {
    for (const name of DISPATCH_RULE_NAMES) {
      const st = station(name);
      expect(st.dispatch).toBe(name);
      expect(st.dispatchSpec).toEqual({ rule: name });
      expect(dispatchPolicy(st.dispatchSpec, () => 0.5).name).toBe(name);
    }
  });

  test('fifo is the default', () => {
    const r = loadScenario(withDispatch('fifo').replace('    dispatch: fifo\n', ''), { fileName: 'd.yaml' });
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.stations[0]).toMatchObject({ dispatch: 'fifo', dispatchSpec: { rule: 'fifo' } });
  });

  test('{ rule: atc, k: 3 } gives atc with its look-ahead; { rule: spt } is the same as spt', () => {
    expect(station('{ rule: atc, k: 3 }')).toMatchObject({
      dispatch: 'atc',
      dispatchSpec: { rule: 'atc', k: 3 },
    });
    expect(station('{ rule: spt }')).toMatchObject({ dispatch: 'spt', dispatchSpec: { rule: 'spt' } });
  });

  test('an unknown name lists the rules, with its line', () => {
    expect(problems('sptt')).toEqual([
      {
        path: 'stations[0].dispatch',
        line: 14,
        message: `expected a dispatch rule: ${DISPATCH_RULE_NAMES.join(', ')} (got "sptt")`,
      },
    ]);
  });

  test('k only for atc, and only > 0; unknown keys are rejected', () => {
    expect(problems('{ rule: spt, k: 3 }').map((p) => [p.path, p.message])).toEqual([
      ['stations[0].dispatch.k', 'k is a parameter of atc only (not spt)'],
    ]);
    expect(problems('{ rule: atc, k: 0 }').map((p) => [p.path, p.message])).toEqual([
      ['stations[0].dispatch.k', 'must be > 0'],
    ]);
    expect(problems('{ rule: atc, kk: 3 }').map((p) => p.path)).toEqual(['stations[0].dispatch.kk']);
  });

  test('{ rule: campaign, maxRun: 20 } carries its run length; maxRun only for campaign, an integer >= 1', () => {
    expect(station('{ rule: campaign, maxRun: 20 }')).toMatchObject({
      dispatch: 'campaign',
      dispatchSpec: { rule: 'campaign', maxRun: 20 },
    });
    expect(station('same-product')).toMatchObject({ dispatchSpec: { rule: 'same-product' } });
    expect(problems('{ rule: fifo, maxRun: 3 }').map((p) => [p.path, p.message, p.line])).toEqual([
      ['stations[0].dispatch.maxRun', 'maxRun is a parameter of campaign only (not fifo)', 14],
    ]);
    expect(problems('{ rule: campaign, maxRun: 0 }').map((p) => [p.path, p.message])).toEqual([
      ['stations[0].dispatch.maxRun', 'must be an integer >= 1'],
    ]);
    expect(problems('{ rule: campaign, maxRun: 2.5 }').map((p) => p.path)).toEqual([
      'stations[0].dispatch.maxRun',
    ]);
  });
});
