/**
 * `compare --html` and `sweep --html` pages, made from real (small) experiments, open in headless Chromium
 * with no console error and every chart drawn with data marks; screenshots in test/browser/artifacts/
 * (git-ignored). About 20 s on 2 cores.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareAlternatives } from '../../src/experiments/compare.js';
import { parseFactor } from '../../src/experiments/design.js';
import { compareHtml, sweepHtml } from '../../src/experiments/html.js';
import { planSweep, runSweep } from '../../src/experiments/sweep.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const LINE = 'scenarios/serial-line.yaml';

async function render(browser: Browser, html: string, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-chart]')].every((e) => e.dataset.rendered === 'true' || e.className.includes('error'))`,
    null,
    { timeout: 60_000 },
  );
  const charts = (await page.evaluate(
    `[...document.querySelectorAll('[data-chart]')].map((e) => ({
      name: e.dataset.chart,
      rendered: e.dataset.rendered === 'true',
      marks: e.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > text').length,
    }))`,
  )) as { name: string; rendered: boolean; marks: number }[];
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.close();
  return { errors, charts };
}

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
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
    const { errors, charts } = await render(
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
    const { errors, charts } = await render(browser, sweepHtml(r.table!), 'experiments-sweep');
    expect(errors).toEqual([]);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.rendered, c.name).toBe(true);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
  }, 120_000);
});
