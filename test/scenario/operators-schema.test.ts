import { describe, expect, test } from 'vitest';
import { buildPlant, loadScenario, type Problem } from '../../src/scenario/index.js';

/** Two stations; tests replace the OPERATOR lines and the OPERATORS section (line numbers matter). */
const BASE = `run:
  horizon: 8h
products:
  - id: A
    routing:
      - { station: cut, processTime: 1min }
      - { station: pack, processTime: 1min }
sources:
  - { id: src, product: A, interarrival: 3min }
stations:
  - id: cut
    position: { x: 0m, y: 0m }
CUT
  - id: pack
PACK
sinks:
  - id: out
shifts:
  - id: day
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "06:00", end: "14:00" }]
OPERATORS
`;

const POOL = `operators:
  - id: ops
    members:
      - { id: anna, skills: [setter, cutting] }
      - { id: bob, skills: [cutting] }`;

const doc = (cut: string, pack = '', operators = POOL) =>
  BASE.replace('CUT\n', cut ? `${cut}\n` : '')
    .replace('PACK\n', pack ? `${pack}\n` : '')
    .replace('OPERATORS\n', operators ? `${operators}\n` : '');

function problemsOf(text: string): [string, number, string][] {
  const r = loadScenario(text, { fileName: 'test.yaml' });
  if (r.ok) throw new Error('expected problems, got a valid scenario');
  return r.problems.map((p: Problem) => [p.path, p.line, p.message]);
}

describe('operators and stations[i].operator', () => {
  test('a pool with named members and a station needing an operator load, parse and build', () => {
    const r = loadScenario(
      doc(
        '    operator: { pool: ops, for: [load, setup, process], skill: { setup: setter }, loadTime: 20s }',
      ),
      { fileName: 'test.yaml' },
    );
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const st = r.scenario.stations[0]!;
    expect(st.operator?.for).toEqual(['load', 'setup', 'process']);
    expect(st.operator?.loadTime?.mean).toBe(20);
    expect(r.scenario.operators[0]!.members!.map((m) => m.id)).toEqual(['anna', 'bob']);
    const built = buildPlant(r.scenario, 1);
    expect([...built.plant.operatorPools.get('ops')!.operatorIds]).toEqual(['anna', 'bob']);
  });

  test('a station naming an unknown pool is reported at operator.pool with its line', () => {
    expect(problemsOf(doc('    operator: { pool: opz, for: [process] }'))).toEqual([
      ['stations[0].operator.pool', 13, 'unknown operator pool "opz" (known: ops)'],
    ]);
    expect(problemsOf(doc('    operator: { pool: ops, for: [process] }', '', ''))).toEqual([
      ['stations[0].operator.pool', 13, 'unknown operator pool "ops" (no operator pool is defined)'],
    ]);
  });

  test('a task needing a skill nobody of the pool has is reported at the skill', () => {
    expect(problemsOf(doc('    operator: { pool: ops, for: [process], skill: painting }'))).toEqual([
      [
        'stations[0].operator.skill',
        13,
        'nobody of operator pool "ops" has skill "painting" (operators[0] lists the skills)',
      ],
    ]);
    expect(
      problemsOf(doc('    operator: { pool: ops, for: [setup, process], skill: { setup: welding } }')),
    ).toEqual([
      [
        'stations[0].operator.skill.setup',
        13,
        'nobody of operator pool "ops" has skill "welding" (operators[0] lists the skills)',
      ],
    ]);
  });

  test('load and unload need their times, and a time without its task is an error too', () => {
    expect(problemsOf(doc('    operator: { pool: ops, for: [load, unload], unloadTime: 5s }'))).toEqual([
      ['stations[0].operator.for', 13, 'an operator does the load, so give loadTime'],
    ]);
    expect(problemsOf(doc('    operator: { pool: ops, for: [process], loadTime: 5s }'))).toEqual([
      ['stations[0].operator.loadTime', 13, 'loadTime is only used when for lists load'],
    ]);
  });

  test('unknown tasks, repeated tasks, an empty list and unknown keys are reported', () => {
    const p = problemsOf(
      doc(
        '    operator: { pool: ops, for: [process, process] }',
        '    operator: { pool: ops, for: [paint], walk: 3 }',
      ),
    );
    expect(p).toEqual([
      ['stations[0].operator.for[1]', 13, 'process is listed twice'],
      ['stations[1].operator.for[0]', 15, 'expected load, setup, process or unload'],
      ['stations[1].operator.walk', 15, 'unknown key "walk"'],
    ]);
    expect(problemsOf(doc('    operator: { pool: ops, for: [] }'))).toEqual([
      ['stations[0].operator.for', 13, 'name at least one task: load, setup, process or unload'],
    ]);
  });

  test('a pool with both size and members, an unknown shift and a duplicate id are reported', () => {
    const p = problemsOf(
      doc(
        '',
        '',
        `operators:
  - id: cut
    size: 2
    members: [{ id: anna, shift: night }]`,
      ),
    );
    expect(p).toEqual([
      ['operators[0].id', 20, 'duplicate id "cut" (also stations[0])'],
      [
        'operators[0].size',
        21,
        'give size or members, not both (the pool has one member per entry of members)',
      ],
      ['operators[0].members[0].shift', 22, 'unknown shift calendar "night" (known: day)'],
    ]);
  });

  test('an operator cannot load a station a robot tends, and walking by speed needs positions', () => {
    const p = problemsOf(
      doc(
        '',
        '    tendedBy: arm\n    operator: { pool: ops, for: [unload], unloadTime: 4s }',
        `operators:
  - { id: ops, size: 2, travel: { speed: 1m/s } }
robots:
  - { id: arm, count: 1, speedEmpty: 1m/s, speedLoaded: 1m/s, pick: 1s, place: 1s }`,
      ),
    );
    expect(p).toEqual([
      ['stations[1]', 13, 'operators[0] walks by speed, so this station needs a position'],
      [
        'stations[1].operator.for[0]',
        15,
        'a robot fleet (tendedBy) loads and unloads this station, so its operator cannot unload',
      ],
    ]);
  });
});

describe('operators: warnings', () => {
  test('an operator pool or member whose calendar is never on within the horizon is a warning with its path', () => {
    // A second calendar, Saturday 22:00–23:00, after the 8 h horizon; bob works the day shift.
    const text = doc(
      '',
      '',
      `  - id: night
    shifts: [{ days: [sat], start: "22:00", end: "23:00" }]
operators:
  - id: ops
    shift: night
    members: [{ id: anna }, { id: bob, shift: day }, { id: cy, shift: night }]`,
    );
    const r = loadScenario(text, { fileName: 'test.yaml' });
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.warnings.map((w) => [w.path, w.message.split(':')[0]])).toEqual([
      [
        'operators[0].shift',
        'operator pool "ops" works to calendar "night", which is never on within the horizon (8 h)',
      ],
      [
        'operators[0].members[2].shift',
        'operator "ops/cy" works to calendar "night", which is never on within the horizon (8 h)',
      ],
    ]);
  });
});
