/**
 * `compare --html` and `sweep --html` pages, made from real (small) experiments, open in headless Chromium
 * with no console error and every chart drawn with data marks; screenshots in test/browser/artifacts/
 * (git-ignored). About 20 s on 2 cores.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareAlternatives } from '../../src/experiments/compare.js';
import { parseFactor } from '../../src/experiments/design.js';
import { compareHtml, sweepHtml } from '../../src/experiments/html.js';
import { planSweep, runSweep } from '../../src/experiments/sweep.js';
import { launchChromium } from './_support/browser.js';
import { renderReportPage } from './_support/report-page.js';

const LINE = 'scenarios/serial-line.yaml';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('HTML reports of experiments in Chromium', () => {
  test('compare: a forest plot of the paired differences with data, no console error', async () => {
    const alternatives = [2, 4, 6].map((c) => ({
      name: `buffer ${c}`,
      file: LINE,
      overrides: [{ path: 'buffers.before-bend.capacity', value: c }],
    }));
    const result = await compareAlternatives(alternatives, {
      replications: 3,
      seed: 1,
      horizonS: 8 * 3600,
      warmupS: 3600,
      delta: 5,
    });
    const { errors, charts } = await renderReportPage(
      browser,
      compareHtml(result, { shopfloorVersion: 'test', scenario: LINE }),
      'experiments-compare',
    );
    expect(errors).toEqual([]);
    expect(charts.map((c) => c.name)).toContain('forest');
    for (const c of charts) {
      expect(c.rendered, c.name).toBe(true);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
  }, 120_000);

  test('sweep: a heat map per figure over two factors with data, no console error', async () => {
    const plan = planSweep({
      file: LINE,
      factors: [
        parseFactor('buffers.before-bend.capacity=1..3'),
        parseFactor('buffers.before-oven.capacity=1,2'),
      ],
      design: 'grid',
      replications: 2,
      horizonS: 8 * 3600,
      warmupS: 3600,
      shopfloorVersion: 'test',
    });
    const out = mkdtempSync(join(tmpdir(), 'sweep-html-'));
    const r = await runSweep(plan, { out });
    const { errors, charts } = await renderReportPage(browser, sweepHtml(r.table!), 'experiments-sweep');
    expect(errors).toEqual([]);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.rendered, c.name).toBe(true);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
  }, 120_000);
});
