import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlockError } from '../../src/entities/index.js';
import { BuildError, buildPlant, type LoadResult, loadScenario } from '../../src/scenario/index.js';
import { applyInvalid, garbageText, invalidEdit } from './_support/mutations.js';
import { type Doc, scenarioDoc, toText } from './_support/scenario-arbitrary.js';

/**
 * In-process fuzzing of `loadScenario` with documents derived from generated valid scenarios (issue 3
 * §6): certainly-invalid edits must give problems (never an exception, never "internal error"), and
 * arbitrary edits that happen to stay valid must build and run (a short run, bounded in events)
 * without any error other than the documented `BuildError`/`DeadlockError`. About 2 s.
 */

function checkProblems(r: LoadResult): void {
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/internal error/);
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
  }
}

/** Loads without throwing; a valid result must build and run a little without an unexpected error. */
function loadAndRun(text: string, fileName: string): LoadResult {
  let r: LoadResult | undefined;
  expect(() => {
    r = loadScenario(text, { fileName });
  }).not.toThrow();
  checkProblems(r!);
  if (r!.ok) {
    const scenario = r!.scenario;
    try {
      const { plant } = buildPlant(scenario, scenario.run.seed);
      plant.run({ until: Math.min(scenario.run.horizon, 4 * 3600), maxEvents: 200_000 });
    } catch (error) {
      if (!(error instanceof BuildError || error instanceof DeadlockError)) throw error;
    }
  }
  return r!;
}

const format = fc.constantFrom<'yaml' | 'json'>('yaml', 'json');

describe('fuzzing loadScenario with generated documents', () => {
  it('a certainly-invalid edit (unknown key, missing key, wrong type, bad unit, bad reference) gives problems', () => {
    fc.assert(
      fc.property(
        scenarioDoc(),
        fc.array(invalidEdit, { minLength: 1, maxLength: 3 }),
        format,
        (doc, edits, f) => {
          const bad = edits.reduce<Doc>(applyInvalid, doc);
          const r = loadAndRun(toText(bad, f), `fuzz.${f}`);
          if (r.ok)
            expect.fail(`accepted an invalid document (${JSON.stringify(edits)}):\n${toText(bad, 'yaml')}`);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('garbage text gives problems, never an exception', () => {
    fc.assert(
      fc.property(
        scenarioDoc().chain((doc) => garbageText(toText(doc, 'json'))),
        format,
        (text, f) => {
          expect(loadAndRun(text, `fuzz.${f}`).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  // BUG found by 'garbage text…' (fast-check seed -382616031, counterexample "*!" as a YAML file):
  it('a YAML alias to an undefined anchor ("*!", found by fast-check seed -382616031) is a problem with its line', () => {
    const r = loadScenario('run:\n  horizon: *nowhere\n', { fileName: 'alias.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).not.toMatch(/internal error/);
    expect(r.problems[0]!.line).toBe(2);
    const bare = loadScenario('*!', { fileName: 'alias.yaml' });
    expect(bare.ok).toBe(false);
  });

  // BUG found by 'arbitrary edits…' (fast-check seed 38): a cv of 1.34e154 made a lognormal whose draws were
  // NaN, accepted by validation and thrown at run time. Such distributions are now problems.
  it('a distribution without finite mean and variance (seed 38) is a problem, not a run-time error', () => {
    const doc = (pt: string) =>
      `run: { horizon: 1h }\nproducts: [{ id: p, routing: [{ station: s, processTime: ${pt} }] }]\n` +
      'sources: [{ id: src, product: p, interarrival: 1min }]\nstations: [{ id: s }]\nsinks: [{ id: out }]\n';
    for (const pt of [
      '{ lognormal: { mean: 0.5min, cv: 1.3407807929942597e+154 } }',
      '{ weibull: { shape: 1e-300, scale: 1min } }',
    ]) {
      const r = loadScenario(doc(pt), { fileName: 'overflow.yaml' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toMatch(/no finite mean and variance/);
    }
  });

  it('arbitrary edits (any value anywhere) never throw; what stays valid builds and runs', () => {
    const anyValue = fc.oneof(
      fc.constantFrom<unknown>(
        '0s',
        '1ms',
        '90s',
        '-1s',
        'infinite',
        'fifo',
        'calendar',
        'cycles',
        's0',
        'p0',
        '',
      ),
      fc.integer({ min: -3, max: 5 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.constant({ exponential: { mean: '0s' } }),
      fc.constant({ constant: '0s' }),
    );
    fc.assert(
      fc.property(
        scenarioDoc(),
        fc.array(
          fc.record({
            pick: fc.nat(),
            value: anyValue,
            key: fc.constantFrom('id', 'mean', 'x', 'colour'),
          }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        format,
        (doc, edits, f) => {
          const copy: Doc = structuredClone(doc);
          for (const e of edits) {
            // set a random leaf or key of a random node
            const nodes: (Record<string, unknown> | unknown[])[] = [];
            const walk = (v: unknown) => {
              if (Array.isArray(v)) {
                nodes.push(v);
                v.forEach(walk);
              } else if (typeof v === 'object' && v !== null) {
                nodes.push(v as Record<string, unknown>);
                Object.values(v).forEach(walk);
              }
            };
            walk(copy);
            const node = nodes[e.pick % nodes.length]!;
            const keys = Object.keys(node);
            const key = keys.length > 0 && e.pick % 3 !== 0 ? keys[e.pick % keys.length]! : e.key;
            // Clone: fc.constant hands out one shared object, which a later edit must not write into (cycles).
            (node as Record<string, unknown>)[key] = structuredClone(e.value);
          }
          loadAndRun(toText(copy, f), `fuzz.${f}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
