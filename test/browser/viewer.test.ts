/**
 * The 3D viewer in a real browser (Debian's Chromium, software WebGL): a demo-factory run recorded by the
 * built CLI (`shopfloor run … --trace`) replayed, scrubbed, played and picked; two traces side by side; the
 * engine running in the page; a live `shopfloor serve` paused and resumed from the page. Screenshots go to
 * test-artifacts/. About 105 s on 2 shared cores (building viz/dist first, if missing, adds about 30 s).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { serveViewer } from '../../src/cli/commands/view.js';
import { decodeRun } from '../../viz/src/feed/open-trace.js';
import { STATE_COLOURS } from '../../viz/src/feed/palette.js';
import type { Frame } from '../../viz/src/feed/types.js';
import { artifact, collectErrors, ensureViewerBuilt, launchChromium, ROOT } from './_support/browser.js';

/** What the page exposes to the callbacks given to `page.evaluate` (they run in the browser). */
interface SceneApi {
  screenOf(kind: 'server' | 'mover', index: number): { x: number; y: number };
  pick(x: number, y: number): { kind: string; index: number } | null;
  pixel(x: number, y: number): [number, number, number];
  readonly partCount: number;
  partPosition(i: number, out: { x: number; y: number; z: number }): void;
  readonly index: { firstServer: Map<string, number>; mover: Map<string, number> };
}
interface PageGlobals {
  shopfloor: {
    app: {
      t: number;
      views: {
        scene: SceneApi;
        state: { t: number };
        host: { getBoundingClientRect(): { left: number; top: number; width: number; height: number } };
      }[];
    };
  };
}
declare const window: PageGlobals;
declare const document: {
  getElementById(id: string): { dataset: Record<string, string | undefined> } | null;
};

const HORIZON_S = 2 * 86_400;
let browser: Browser;
const traces: string[] = [];
let framesA: Frame[] = [];

/**
 * Records the demo factory (seed) for two days with the built CLI, `shopfloor run … --trace FILE.sftrace`,
 * the way a user does; returns the trace's frames (decoded by the viewer's own reader).
 */
function recordDemo(seed: number, file: string): Frame[] {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'dist/src/cli/main.js'),
      'run',
      'scenarios/demo-factory.yaml',
      '--replications',
      '1',
      '--seed',
      String(seed),
      '--horizon',
      `${HORIZON_S}s`,
      '--quiet',
      '--trace',
      file,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  return [...decodeRun(readFileSync(file), file).frames];
}

beforeAll(async () => {
  ensureViewerBuilt();
  for (const seed of [1, 2]) traces.push(artifact(`demo-seed${seed}.sftrace`));
  framesA = recordDemo(1, traces[0]!);
  recordDemo(2, traces[1]!);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
  return { page, errors };
}

/** Drags the scrubber to `t` seconds the way a user does (input event on the range). */
async function scrubTo(page: Page, t: number): Promise<void> {
  await page.$eval(
    '#scrubber',
    (el, v) => {
      const input = el as unknown as { value: string; dispatchEvent(e: Event): void };
      input.value = String(v);
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
    },
    t,
  );
  await page.waitForFunction((v) => Number(document.getElementById('clock')?.dataset.t) === v, t);
}

/** The server state whose legend colour is closest to an RGB pixel. */
function nearestState(rgb: readonly number[]): string {
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const [state, c] of Object.entries(STATE_COLOURS)) {
    const ref = [(c >> 16) & 255, (c >> 8) & 255, c & 255];
    // Compare chromaticity (shading scales all channels), then brightness a little.
    const sum = (v: readonly number[]) => v[0]! + v[1]! + v[2]! + 1;
    const d =
      ref.reduce((acc, r, i) => acc + (r / sum(ref) - rgb[i]! / sum(rgb)) ** 2, 0) +
      0.05 * ((sum(ref) - sum(rgb)) / 765) ** 2;
    if (d < bestD) [best, bestD] = [state, d];
  }
  return best;
}

/** Middle of the first interval of at least `minS` seconds in which station/server was in `state`. */
function middleOf(frames: readonly Frame[], station: string, state: string, minS: number): number | null {
  let since: number | null = null;
  for (const f of frames) {
    if (f.k !== 'server' || f.station !== station || f.server !== 0) continue;
    if (since !== null && f.t - since >= minS) return Math.round((since + f.t) / 2);
    since = f.state === state ? f.t : null;
  }
  return null;
}

describe('replay of a recorded demo-factory run', () => {
  test('scrubbing to a time the trace says the press is down shows it down: label state and pixel colour', async () => {
    const { page, errors } = await open(await serveViewer([traces[0]!]));
    let state = 'down-waiting';
    let t = middleOf(framesA, 'press', state, 120);
    if (t === null) {
      state = 'repair';
      t = middleOf(framesA, 'press', state, 120);
    }
    expect(t, 'the recorded run has a failure of the press').not.toBeNull();
    await scrubTo(page, t!);
    await page.waitForTimeout(300);
    expect(await page.getAttribute('.label[data-entity="press"]', 'data-state')).toBe(state);
    const rgb = await page.evaluate(() => {
      const scene = window.shopfloor.app.views[0]!.scene;
      const at = scene.screenOf('server', scene.index.firstServer.get('press')!);
      return scene.pixel(at.x, at.y + 4);
    });
    expect(nearestState(rgb), `pixel ${rgb}`).toBe(state);
    // The picked panel says the same. Click where the press itself is hit: a crew repairing it or the robot
    // arm tending it may stand in front of its centre (movers are picked first).
    const at = await page.evaluate(() => {
      const scene = window.shopfloor.app.views[0]!.scene;
      const press = scene.index.firstServer.get('press')!;
      const c = scene.screenOf('server', press);
      for (let r = 0; r <= 30; r += 2)
        for (const [dx, dy] of [
          [0, r],
          [0, -r],
          [r, 0],
          [-r, 0],
          [r, r],
          [-r, r],
          [r, -r],
          [-r, -r],
        ] as const) {
          const p = scene.pick(c.x + dx, c.y + dy);
          if (p?.kind === 'server' && p.index === press) return { x: c.x + dx, y: c.y + dy };
        }
      return { x: c.x, y: c.y + 6 };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#picked[data-entity="press"]');
    await page.waitForSelector(`#picked [data-field="state"][data-value="${state}"]`);
    await page.screenshot({ path: artifact('replay-press-down.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('playing forward moves parts along the belts and robots', async () => {
    const { page, errors } = await open(await serveViewer([traces[0]!]));
    // A moment when an item rides the press-to-oven belt.
    const onBelt = framesA.find((f) => f.k === 'item' && f.speedMps > 0 && f.t > 20_000)!;
    await scrubTo(page, Math.ceil(onBelt.t) + 2);
    const positions = () =>
      page.evaluate(() => {
        const scene = window.shopfloor.app.views[0]!.scene;
        const out = { x: 0, y: 0, z: 0 };
        const list: number[][] = [];
        for (let i = 0; i < scene.partCount; i++) {
          scene.partPosition(i, out);
          list.push([out.x, out.y, out.z]);
        }
        return { t: window.shopfloor.app.t as number, list };
      });
    const before = await positions();
    await page.selectOption('#speed', '10');
    await page.click('#play');
    await page.waitForFunction((t0) => window.shopfloor.app.t > t0 + 5, before.t);
    await page.click('#play');
    const after = await positions();
    expect(before.list.length).toBeGreaterThan(0);
    expect(after.t).toBeGreaterThan(before.t);
    const key = (p: number[]) => p.map((v) => v.toFixed(3)).join(',');
    const moved = after.list.filter((p) => !before.list.some((q) => key(q) === key(p)));
    expect(moved.length, 'parts at new places after playing').toBeGreaterThan(0);
    await page.screenshot({ path: artifact('replay-playing.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('picking an AGV shows its panel: state, what it carries, trips', async () => {
    const { page, errors } = await open(await serveViewer([traces[0]!]));
    await scrubTo(page, 40_000);
    const at = await page.evaluate(() => {
      const app = window.shopfloor.app;
      const scene = app.views[0]!.scene;
      return scene.screenOf('mover', scene.index.mover.get('agv/1')!);
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#picked[data-entity="agv/1"]');
    const state = await page.getAttribute('#picked [data-field="state"]', 'data-value');
    expect(['idle', 'travelling-empty', 'picking', 'travelling-loaded', 'placing', 'waiting']).toContain(
      state,
    );
    expect(await page.textContent('#picked [data-field="trips"]')).toMatch(/trips: [1-9]\d*/);
    expect(await page.textContent('#picked [data-field="part"]')).toMatch(/carrying: /);
    await page.screenshot({ path: artifact('replay-robot-picked.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('side by side', () => {
  test('two runs of the demo show in two views on one timeline, with the difference strip', async () => {
    const { page, errors } = await open(await serveViewer([traces[0]!, traces[1]!]));
    expect(await page.locator('.view canvas').count()).toBe(2);
    await scrubTo(page, 100_000);
    const ts = await page.evaluate(() => window.shopfloor.app.views.map((v) => v.state.t));
    expect(ts).toEqual([100_000, 100_000]);
    await page.waitForTimeout(400);
    expect(await page.isVisible('#diff')).toBe(true);
    expect(await page.locator('#diff .chart').count()).toBe(2);
    // Each half frames the whole plant alike: every machine inside its own view, at the same place in both.
    const places = await page.evaluate(() =>
      window.shopfloor.app.views.map((v) => {
        const r = v.host.getBoundingClientRect();
        return [...v.scene.index.firstServer.values()].map((i) => {
          const p = v.scene.screenOf('server', i);
          return { x: (p.x - r.left) / r.width, y: (p.y - r.top) / r.height };
        });
      }),
    );
    expect(places[0]!.length).toBeGreaterThan(4);
    for (const p of places.flat()) {
      expect(p.x).toBeGreaterThan(0.02);
      expect(p.x).toBeLessThan(0.98);
      expect(p.y).toBeGreaterThan(0.02);
      expect(p.y).toBeLessThan(0.98);
    }
    places[0]!.forEach((p, i) => {
      expect(Math.abs(p.x - places[1]![i]!.x)).toBeLessThan(0.005);
      expect(Math.abs(p.y - places[1]![i]!.y)).toBeLessThan(0.005);
    });
    await page.screenshot({ path: artifact('side-by-side.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the engine in the page', () => {
  test('a scenario simulated in the page gives the KPIs of `shopfloor run` with the same seed', async () => {
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'dist/src/cli/main.js'),
          'run',
          'scenarios/demo-factory.yaml',
          '--replications',
          '1',
          '--seed',
          '3',
          '--json',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    );
    const url = await serveViewer([join(ROOT, 'scenarios/demo-factory.yaml')]);
    const { page, errors } = await open(`${url}&seed=3`);
    await page.waitForSelector('#status[data-kpis]', { timeout: 120_000 });
    const kpis = JSON.parse((await page.getAttribute('#status', 'data-kpis'))!);
    // The same events in the same order: every count is equal.
    expect(kpis.events).toBe(cli.events);
    for (const k of ['released', 'finished', 'scrapped']) expect(kpis[k], k).toBe(cli.kpis[k].mean);
    // Time averages agree to the last bits only: Chromium's V8 and Node's round a few sums differently
    // (measured: WIP 54.98971065843855 in the page, …858 in Node).
    for (const k of ['throughputPerHour', 'wip', 'cycleTimeS'])
      expect(Math.abs(kpis[k] - cli.kpis[k].mean) / Math.abs(cli.kpis[k].mean), k).toBeLessThan(1e-12);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: artifact('in-page-engine.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Starts `shopfloor serve` (the built CLI) on a free loopback port; resolves with it and its ws:// URL. */
function startServe(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/src/cli/main.js'), 'serve', 'scenarios/demo-factory.yaml', '--port', '0', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve printed no URL in 30 s: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(ws:\/\/127\.0\.0\.1:\d+\/?)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        done({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** What `shopfloor serve` reports of its run (part of its status message). */
interface LiveStatus {
  t: number;
  paused: boolean;
  speed: number | 'max';
}

/** The next status `shopfloor serve` reports to a second viewer (a plain WebSocket client) that passes `ok`. */
function serverStatus(url: string, ok: (s: LiveStatus) => boolean) {
  const ws = new WebSocket(url);
  return new Promise<LiveStatus>((done, fail) => {
    const timer = setTimeout(() => {
      ws.close();
      fail(new Error('no matching status from the server in 20 s'));
    }, 20_000);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { status?: LiveStatus };
      if (m.status !== undefined && ok(m.status)) {
        clearTimeout(timer);
        ws.close();
        done(m.status);
      }
    });
    ws.on('error', fail);
  });
}

describe('live: a running `shopfloor serve`', () => {
  test('the viewer follows the live run and its pause and resume buttons pause and resume the server', async () => {
    const { child, url } = await startServe(['--speed', '600']);
    try {
      const { page, errors } = await open(await serveViewer([], 0, url));
      const liveT = async () => Number(await page.getAttribute('#status', 'data-live-t'));
      // Running: the clock the server reports advances and the viewer follows it.
      await page.waitForSelector('#status[data-live-paused="false"]');
      const t0 = await liveT();
      await page.waitForFunction(
        (t) => Number(document.getElementById('status')?.dataset.liveT) > t + 60,
        t0,
      );
      expect(await page.getAttribute('#play', 'data-playing')).toBe('true');
      // Pause from the page: the server reports paused, to this page and to another viewer, and time stops.
      await page.click('#play');
      await page.waitForSelector('#status[data-live-paused="true"]');
      const other = await serverStatus(url, () => true);
      expect(other.paused).toBe(true);
      const tPaused = await liveT();
      await page.waitForTimeout(500);
      expect(await liveT()).toBe(tPaused);
      expect((await serverStatus(url, () => true)).t).toBe(tPaused);
      await page.screenshot({ path: artifact('live-paused.png') });
      // Resume from the page: the server runs on.
      await page.click('#play');
      await page.waitForSelector('#status[data-live-paused="false"]');
      const resumed = await serverStatus(url, (s) => !s.paused && s.t > tPaused);
      expect(resumed.t).toBeGreaterThan(tPaused);
      await page.waitForFunction((t) => (window as unknown as PageGlobals).shopfloor.app.t > t, tPaused);
      await page.screenshot({ path: artifact('live-running.png') });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      child.kill('SIGTERM');
    }
  });

  test("the viewer's Step button moves the paused server on, still paused, and its speed menu sets the server's speed", async () => {
    const { child, url } = await startServe(['--speed', '600']);
    try {
      const { page, errors } = await open(await serveViewer([], 0, url));
      await page.waitForSelector('#status[data-live-paused="false"]');
      await page.click('#play');
      await page.waitForSelector('#status[data-live-paused="true"]');
      const before = await serverStatus(url, (s) => s.paused);
      // Step until the clock moves (several events may share an instant); the server stays paused.
      let after = before;
      for (let i = 0; i < 50 && after.t === before.t; i++) {
        await page.click('#step');
        await page.waitForTimeout(100);
        after = await serverStatus(url, () => true);
        expect(after.paused).toBe(true);
      }
      expect(after.t).toBeGreaterThan(before.t);
      await page.waitForTimeout(300);
      expect((await serverStatus(url, () => true)).t).toBe(after.t);
      // The speed menu drives the server's speed, for every viewer.
      await page.selectOption('#speed', '3600');
      const fast = await serverStatus(url, (s) => s.speed === 3600);
      expect(fast.paused).toBe(true);
      await page.selectOption('#speed', '10');
      expect((await serverStatus(url, (s) => s.speed === 10)).speed).toBe(10);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
