#!/usr/bin/env node
/**
 * Takes the README's picture of the viewer: records 48 h of the demo factory into a trace, opens it in the
 * real viewer in Debian's Chromium (software WebGL, launched like the browser tests), jumps to a busy
 * moment, picks the SMT line for its panel and saves docs/viewer-demo.png. Uses the compiled code of
 * `npm run build:bench` (the engine, the viewer's server and the browser tests' launcher).
 *
 *   npm run build:bench && npm run build:viz && node scripts/viewer-screenshot.mjs [OUT.png]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'viewer-demo.png'));
const LAUNCHER = 'dist/test/browser/_support/browser.js';
for (const need of [LAUNCHER, 'dist/src/cli/commands/view.js', 'viz/dist/index.html']) {
  if (!existsSync(join(ROOT, need))) {
    console.error(`viewer-screenshot: ${need} is missing (run npm run build:bench && npm run build:viz)`);
    process.exit(2);
  }
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('viewer-screenshot: needs Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(2);
}
const { serveViewer } = await import(join(ROOT, 'dist/src/cli/commands/view.js'));
const { runScenario } = await import(join(ROOT, 'dist/src/report/index.js'));
const { loadScenarioFile } = await import(join(ROOT, 'dist/src/scenario/index.js'));
const { TraceWriter } = await import(join(ROOT, 'dist/src/stream/index.js'));
const { launchChromium } = await import(join(ROOT, LAUNCHER));

const dir = mkdtempSync(join(tmpdir(), 'shopfloor-screenshot-'));
const trace = join(dir, 'demo.sftrace');
const file = join(ROOT, 'scenarios/demo-factory.yaml');
const loaded = loadScenarioFile(file);
if (!loaded.ok) throw new Error('viewer-screenshot: the demo factory does not load');
const scenarioText = readFileSync(file, 'utf8');
runScenario(loaded.scenario, {
  replications: 1,
  horizon: 48 * 3600,
  observe: [new TraceWriter({ path: trace, scenarioText, version: 'screenshot' })],
});
const browser = await launchChromium();
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
