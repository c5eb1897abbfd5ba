import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  aggregateReplications,
  definedMeanEstimate,
  type Estimate,
  type FigureRow,
  formatReport,
  meanEstimate,
  pooledRatioEstimate,
  replicationValues,
  resultCsvFiles,
  SECTIONS,
  type Section,
  valueFigure,
  withFigureReference,
} from '../../src/report/index.js';
import { loadScenarioFile, type ReplicationRun, runReplications } from '../../src/scenario/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function run(file: string, options: Parameters<typeof runReplications>[1]): ReplicationRun {
  const loaded = loadScenarioFile(join(ROOT, 'scenarios', file));
  if (!loaded.ok) throw new Error(`${file} should load`);
  return runReplications(loaded.scenario, options);
}

// About 1 s: three short replications of two examples.
const demo = run('demo-factory.yaml', { replications: 3, horizon: 4 * 3600, warmup: 0 });
const shop = run('machine-shop.yaml', { replications: 3, horizon: 3 * 86_400 });

describe('aggregation over replications, as each figure declares it', () => {
  test('mean: the mean with the 95% Student-t half-width (t(0.975, 2) = 4.302653 for 3 values)', () => {
    const e = meanEstimate([1, 2, 3]);
    expect(e.mean).toBe(2);
    expect(e.halfWidth).toBeCloseTo((4.302653 * 1) / Math.sqrt(3), 5);
  });
  test('mean: one replication has no half-width; an undefined value makes the mean NaN (null in JSON)', () => {
    expect(meanEstimate([5])).toEqual({ mean: 5, halfWidth: null });
    expect(meanEstimate([1, Number.NaN])).toEqual({ mean: Number.NaN, halfWidth: null });
  });
  test('mean-if-defined: null unless every replication defines the value', () => {
    expect(definedMeanEstimate([1, Number.NaN, 3])).toBeNull();
    expect(definedMeanEstimate([1, 3])?.mean).toBe(2);
  });
  test('pooled ratio: Σ numerators / Σ denominators, no CI; null when no denominator', () => {
    expect(
      pooledRatioEstimate([
        [10, 1],
        [0, 0],
        [20, 3],
      ]),
    ).toEqual({ mean: 7.5, halfWidth: null });
    expect(
      pooledRatioEstimate([
        [10, 0],
        [5, 0],
      ]),
    ).toBeNull();
  });
});

describe('the result is derived from the declarations', () => {
  const result = aggregateReplications(demo) as unknown as Record<string, unknown>;

  test('every section holds exactly its declared figures, in declaration order (the JSON order)', () => {
    for (const section of SECTIONS as readonly Section[]) {
      const keys = section.figures.map((f) => f.key);
      const value = result[section.name];
      const rows: FigureRow[] =
        section.kind === 'single'
          ? [value as FigureRow]
          : section.kind === 'keyed'
            ? Object.values(value as Record<string, FigureRow>)
            : (value as FigureRow[]);
      for (const row of rows) {
        const own = Object.keys(row).filter(
          (k) => !['id', 'product', 'quantity', 'releaseS', 'dueS'].includes(k),
        );
        expect(own, section.name).toEqual(keys);
      }
    }
    expect(Object.keys((result.stations as Record<string, unknown>) ?? {}).length).toBeGreaterThan(3);
  });

  test('per-replication values give back each aggregated figure (mean of values; Σ/Σ of ratios)', () => {
    const series = replicationValues(demo);
    expect(series.length).toBeGreaterThan(100);
    let checked = 0;
    for (const s of series) {
      expect(s.values).toHaveLength(3);
      let at: unknown = result;
      for (const part of s.path.split('.')) at = (at as Record<string, unknown>)[part];
      const e = at as Estimate | null;
      if (s.figure.aggregate === 'pooled-ratio') {
        expect(e).toEqual(pooledRatioEstimate(s.ratios!));
      } else if (e !== null && Number.isFinite(e.mean)) {
        expect(e.mean, s.path).toBeCloseTo(s.values.reduce((a, b) => a + b, 0) / 3, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('paths name the result: kpis.<key>, stations.<id>.<key>.<member>, orders.<row>.<key>', () => {
    const paths = replicationValues(shop).map((s) => s.path);
    expect(paths).toContain('kpis.throughputPerHour');
    expect(paths).toContain('stations.lathe.stateFractions.busy');
    expect(paths).toContain('stations.lathe.mtbfS');
  });

  test('CSV: one row per entity and figure (a family: one per member, after the others)', () => {
    const files = Object.fromEntries(
      resultCsvFiles(aggregateReplications(demo)).map((f) => [f.name, f.text]),
    );
    const stations = Object.keys(result.stations as object);
    const states = Object.keys(
      (Object.values(result.stations as object)[0] as FigureRow).stateFractions as object,
    );
    const lines = files['stations.csv']!.trimEnd().split('\n');
    expect(lines[0]).toBe('station,figure,mean,half_width_95');
    expect(lines.length - 1).toBe(stations.length * (SECTIONS[2].figures.length - 1 + states.length));
    expect(lines[1]).toMatch(new RegExp(`^${stations[0]},utilization,`));
    expect(files['buffers.csv']).toMatch(/,meanLevel,/);
  });
});

describe('a new figure is one entry', () => {
  const extra = valueFigure({
    key: 'releasedPerHour',
    label: 'release rate',
    unit: 'parts/h',
    description: 'parts released per hour',
    aggregate: 'mean',
    value: (r) => r.plant.released / (r.plant.elapsedS / 3600),
  });
  const plant = SECTIONS[0] as Section;
  const sections: Section[] = [
    { ...plant, figures: [...plant.figures, extra] },
    ...(SECTIONS.slice(1) as readonly Section[]),
  ];
  const result = aggregateReplications(demo, sections);

  test('it appears in the result, the CSV, the text table and the README list', () => {
    const k = result.kpis as unknown as Record<string, Estimate>;
    expect(k.releasedPerHour!.mean).toBeCloseTo(k.released!.mean / 4, 9);
    expect(resultCsvFiles(result, sections)[0]!.text).toMatch(/^releasedPerHour,/m);
    expect(formatReport('t', result, sections)).toMatch(/release rate +│ [\d.]+ ± [\d.]+ parts\/h/);
  });
});

describe('the README', () => {
  test('its list of report figures is the one the declarations generate (npm run readme:figures)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withFigureReference(readme) === readme, 'README.md is out of date: npm run readme:figures').toBe(
      true,
    );
  });
});
