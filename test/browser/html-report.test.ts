import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  aggregateReplications,
  compareReportHtml,
  meanEstimate,
  type PairedDifference,
  replicationValues,
  runReportHtml,
  runScenario,
  runScenarioObserved,
  sweepReportHtml,
} from '../../src/report/index.js';
import { loadScenario, loadScenarioFile, runReplications, type Scenario } from '../../src/scenario/index.js';
import { launchChromium } from './_support/browser.js';
import { renderReportPage } from './_support/report-page.js';

const ROOT = join(import.meta.dirname, '..', '..');

function scenarioFile(name: string): Scenario {
  const loaded = loadScenarioFile(join(ROOT, 'scenarios', name));
  if (!loaded.ok) throw new Error(`${name} should load`);
  return loaded.scenario;
}

/** A serial line whose buffer sizes and arrival rate a test can set. */
function line(buffer: number, interarrivalS: number): Scenario {
  const loaded = loadScenario(
    `
run: { horizon: 1d, warmup: 2h, replications: 4, seed: 11 }
products:
  - id: p
    routing:
      - { station: a, processTime: { exponential: { mean: 50s } } }
      - { station: b, processTime: { exponential: { mean: 60s } } }
sources:
  - { id: in, product: p, interarrival: { exponential: { mean: ${interarrivalS}s } } }
buffers:
  - { id: q, capacity: ${buffer} }
stations:
  - { id: a }
  - { id: b, input: q }
sinks:
  - id: out
`,
    { fileName: 'line.yaml' },
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.scenario;
}

const manifest = { shopfloorVersion: 'test', scenario: 'test', seed: 11 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML reports in headless Chromium', () => {
  test('a run report draws every plot with data, offline, without console errors', async () => {
    const { result, observations } = runScenarioObserved(scenarioFile('demo-factory.yaml'), {
      replications: 2,
      horizon: 24 * 3600,
      warmup: 4 * 3600,
    });
    const html = runReportHtml({ title: 'demo factory', manifest, result, observations });
    const { errors, charts, tables } = await renderReportPage(browser, html, 'run-report');
    expect(errors).toEqual([]);
    expect(charts.map((c) => c.name)).toEqual([
      'wip',
      'throughput',
      'station-states',
      'cycle-time',
      'queues',
      'gantt',
      'bottlenecks',
    ]);
    for (const c of charts) {
      expect(c.rendered, c.name).toBe(true);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
    // Bars: one per station and state with a share > 0; the Gantt chart: one bar per row drawn.
    expect(charts.find((c) => c.name === 'gantt')!.marks).toBeGreaterThan(50);
    expect(charts.find((c) => c.name === 'station-states')!.marks).toBeGreaterThanOrEqual(
      Object.keys(result.stations).length * 2,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['Manifest', 'Plant KPIs', 'Stations', 'Bottleneck ranking']),
    );
  }, 120_000);

  test('a compare report draws the forest plot of paired differences', async () => {
    const base = runReplications(line(2, 80));
    const bigger = runReplications(line(10, 80));
    const alternatives = [
      { name: 'buffer 2', run: base },
      { name: 'buffer 10', run: bigger },
    ];
    const differences: PairedDifference[] = [];
    const values = alternatives.map((a) => new Map(replicationValues(a.run).map((s) => [s.path, s.values])));
    for (const key of ['throughputPerHour', 'cycleTimeS', 'wip']) {
      const a = values[0]!.get(`kpis.${key}`)!;
      const b = values[1]!.get(`kpis.${key}`)!;
      const e = meanEstimate(b.map((v, i) => v - a[i]!));
      differences.push({
        figure: key,
        alternative: 'buffer 10',
        baseline: 'buffer 2',
        mean: e.mean,
        halfWidth: e.halfWidth,
        significant: e.halfWidth !== null && Math.abs(e.mean) > e.halfWidth,
      });
    }
    const html = compareReportHtml({
      title: 'buffer 2 vs 10',
      manifest,
      alternatives: alternatives.map((a) => ({ name: a.name, kpis: aggregateReplications(a.run).kpis })),
      differences,
      statements: ['Paired-t 95% intervals on common random numbers.'],
    });
    const { errors, charts, tables } = await renderReportPage(browser, html, 'compare-report');
    expect(errors).toEqual([]);
    expect(charts.map((c) => c.name)).toEqual(['forest']);
    expect(charts[0]!.rendered).toBe(true);
    // A point and an interval per difference (plus the zero rules).
    expect(charts[0]!.marks).toBeGreaterThanOrEqual(2 * differences.length);
    expect(tables).toEqual(['Manifest', 'Plant KPIs', 'Paired differences']);
  }, 120_000);

  test('a sweep report draws a response plot for one parameter and heat maps for two', async () => {
    const one = [1, 3, 6].map((b) => ({
      values: { 'buffers.q.capacity': b },
      kpis: runScenario(line(b, 70)).kpis,
    }));
    const oneHtml = sweepReportHtml({
      title: 'buffer sweep',
      manifest,
      parameters: ['buffers.q.capacity'],
      points: one,
      objective: { figure: 'throughputPerHour', goal: 'max', best: 2 },
    });
    const r1 = await renderReportPage(browser, oneHtml, 'sweep-response');
    expect(r1.errors).toEqual([]);
    expect(r1.charts.map((c) => c.name)).toEqual(['response']);
    expect(r1.charts[0]!.marks).toBeGreaterThanOrEqual(3 * 3);

    const two = [1, 4].flatMap((b) =>
      [70, 90].map((t) => ({
        values: { 'buffers.q.capacity': b, interarrivalS: t },
        kpis: runScenario(line(b, t), { replications: 2 }).kpis,
      })),
    );
    const twoHtml = sweepReportHtml({
      title: 'buffer × arrivals',
      manifest,
      parameters: ['buffers.q.capacity', 'interarrivalS'],
      points: two,
    });
    const r2 = await renderReportPage(browser, twoHtml, 'sweep-heatmap');
    expect(r2.errors).toEqual([]);
    expect(r2.charts.map((c) => c.name)).toEqual([
      'heatmap-throughputPerHour',
      'heatmap-cycleTimeS',
      'heatmap-wip',
    ]);
    for (const c of r2.charts) expect(c.marks, c.name).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
