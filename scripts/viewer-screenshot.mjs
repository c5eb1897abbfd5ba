#!/usr/bin/env node
/**
 * Takes the README's picture of the viewer: records the demo factory for 48 h with the built CLI
 * (`shopfloor run … --trace`), opens the trace in the real viewer in Debian's Chromium (software WebGL),
 * jumps to a busy moment, picks the SMT line for its panel and saves docs/viewer-demo.png.
 *
 *   npm run build && npm run build:viz && node scripts/viewer-screenshot.mjs [OUT.png]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'viewer-demo.png'));
for (const need of ['dist/src/cli/main.js', 'viz/dist/index.html']) {
  if (!existsSync(join(ROOT, need))) {
    console.error(`viewer-screenshot: ${need} is missing (run npm run build && npm run build:viz)`);
    process.exit(2);
  }
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('viewer-screenshot: needs Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(2);
}
const { serveViewer } = await import(join(ROOT, 'dist/src/cli/commands/view.js'));

const dir = mkdtempSync(join(tmpdir(), 'shopfloor-screenshot-'));
const trace = join(dir, 'demo.sftrace');
execFileSync(
  process.execPath,
  [
    join(ROOT, 'dist/src/cli/main.js'),
    'run',
    'scenarios/demo-factory.yaml',
    '--replications',
    '1',
    '--horizon',
    '48h',
    '--quiet',
    '--trace',
    trace,
  ],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--use-gl=angle',
    '--use-angle=swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(await serveViewer([trace]));
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
  // 30 h 20 min into the run: the lines are busy, parts wait in the queues and ride the belts.
  await page.evaluate(() => window.shopfloor.app.seek(30 * 3600 + 1200));
  await page.waitForTimeout(500);
  // Pick the SMT line where the scene draws it, for the details panel.
  const at = await page.evaluate(() => {
    const scene = window.shopfloor.app.views[0].scene;
    return scene.screenOf('server', scene.index.firstServer.get('smt'));
  });
  await page.mouse.click(at.x, at.y + 4);
  await page.waitForSelector('#picked[data-entity]', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`viewer-screenshot: wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
