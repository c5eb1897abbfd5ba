import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/** HTML reports and their screenshots written by the report tests (git-ignored). */
export const REPORT_ARTIFACTS = join(import.meta.dirname, '../artifacts');

/** What a report page showed: console errors (and any network request), each chart's state, table names. */
export interface RenderedReport {
  readonly errors: string[];
  readonly charts: { name: string; rendered: boolean; marks: number }[];
  readonly tables: (string | null)[];
}

/**
 * Writes `html` as `<name>.html`, opens it from disk in `browser`, waits for every chart to render (or
 * fail), and saves a full-page screenshot `<name>.png`. A report must open offline: any request that is
 * not a file is counted as an error.
 */
export async function renderReportPage(
  browser: Browser,
  html: string,
  name: string,
): Promise<RenderedReport> {
  mkdirSync(REPORT_ARTIFACTS, { recursive: true });
  const file = join(REPORT_ARTIFACTS, `${name}.html`);
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
  // Runs in the page (a string, as this project type-checks without the DOM library).
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-chart]')].every((e) => e.dataset.rendered === 'true' || e.className.includes('error'))`,
    null,
    { timeout: 60_000 },
  );
  // Data marks only: Vega's mark groups (role-mark), not axes or legends.
  const charts = (await page.evaluate(
    `[...document.querySelectorAll('[data-chart]')].map((e) => ({
      name: e.dataset.chart,
      rendered: e.dataset.rendered === 'true',
      marks: e.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > text').length,
    }))`,
  )) as RenderedReport['charts'];
  const tables = await page.$$eval('table[data-table]', (els) =>
    els.map((e) => e.getAttribute('data-table')),
  );
  await page.screenshot({ path: join(REPORT_ARTIFACTS, `${name}.png`), fullPage: true });
  await page.close();
  return { errors, charts, tables };
}
