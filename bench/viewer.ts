/**
 * `npm run bench -- viewer [--json] [--quick]`: the 3D viewer's frame loop in Debian's Chromium (software
 * WebGL), replaying a 120 h demo-factory trace at the default speed:
 * - JS time per frame: each `requestAnimationFrame` callback timed in the page (the viewer's whole frame:
 *   feed, scene update, three.js render calls and panels; GPU rasterisation runs elsewhere);
 * - heap growth over windows of 1,000 frames after 1,000 frames of warm-up, after a forced full GC
 *   (Chromium started with `--expose-gc`): the whole V8 heap (`Runtime.getHeapUsage`, compiled code
 *   included) and the JS values alone (objects, arrays, closures, strings, numbers: heap snapshots of the
 *   DevTools protocol, the values born in the window and still alive minus those that died);
 * - seeking: 100 jumps across the 120 h trace, each timed in the page;
 * - JS time per frame of a crowded floor (bench/scenarios/belts-2000.yaml: 2,000 parts moving at once).
 * Needs `npm run build:viz` first (the bench says so otherwise). Not part of the full run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { serveViewer, viewerDir } from '../src/cli/commands/view.js';
import { runScenario } from '../src/report/index.js';
import { loadScenarioFile } from '../src/scenario/index.js';
import { openTrace, TraceWriter } from '../src/stream/index.js';
import { launchChromium } from '../test/browser/_support/browser.js';
import { median } from './harness.js';

/** What {@link benchViewer} returns (the `viewer` entry of the JSON). */
export interface ViewerBench {
  readonly frames: number;
  /** JS time per frame, ms: median and 95th percentile over the measured windows. */
  readonly frameJsMs: { readonly median: number; readonly p95: number };
  /**
   * Growth of the page's whole V8 heap after a forced GC over each window of 1,000 frames, KB (negative: it
   * shrank). It counts compiled code too, which V8 keeps adding while it optimises.
   */
  readonly heapGrowthKbPer1000Frames: readonly number[];
  /**
   * Growth of the JS values alone (objects, arrays, closures, strings, numbers) over the same windows, KB:
   * from heap snapshots, the values born in the window and still alive minus those that died.
   */
  readonly jsValuesGrowthKbPer1000Frames: readonly number[];
  /** Used JS heap after a forced GC at the start, KB. */
  readonly heapKb: number;
  /** Frames per second (information only: software rasterisation on a shared machine). */
  readonly fps: number;
  /**
   * The crowded floor (`bench/scenarios/belts-2000.yaml`: about 2,000 parts riding ten belts at once),
   * replayed at ×1 after its belts have filled: JS time per frame, ms, and frames per second.
   */
  /** Jumps to 100 instants of the 120 h demo trace in the page, ms: median and maximum. */
  readonly seekMs: { readonly median: number; readonly max: number };
  readonly crowded: {
    readonly movingParts: number;
    readonly frames: number;
    readonly frameJsMs: { readonly median: number; readonly p95: number };
    readonly fps: number;
  };
}

/** Records `horizonS` of one replication of `file` as a trace at `path`. */
function record(file: string, path: string, horizonS: number): void {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`bench viewer: cannot load ${file}`);
  runScenario(loaded.scenario, {
    replications: 1,
    horizon: horizonS,
    observe: [new TraceWriter({ path, scenarioText: readFileSync(file, 'utf8'), version: 'bench' })],
  });
}

/** Median and 95th percentile of frame times, ms, rounded to 0.01 ms. */
function frameStats(times: readonly number[]): { median: number; p95: number } {
  const sorted = [...times].sort((x, y) => x - y);
  return {
    median: Math.round(median([...times]) * 100) / 100,
    p95: Math.round(sorted[Math.floor(sorted.length * 0.95)]! * 100) / 100,
  };
}

/**
 * The page's hook installed before the viewer loads: every animation-frame callback timed, through one
 * trampoline made once (the hook itself allocates nothing per frame, or it would be what is measured).
 */
const TIMING = `
  (() => {
    const raf = window.requestAnimationFrame.bind(window);
    const times = new Float64Array(1 << 16);
    const f = { n: 0, times };
    window.__frames = f;
    const queue = new Array(16).fill(null);
    let queued = 0;
    const run = (now) => {
      const n = queued;
      queued = 0;
      for (let i = 0; i < n; i++) {
        const cb = queue[i];
        queue[i] = null;
        const t0 = performance.now();
        cb(now);
        f.times[f.n++ & 0xffff] = performance.now() - t0;
      }
    };
    window.requestAnimationFrame = (cb) => {
      if (queued === queue.length) return raf(cb);
      queue[queued++] = cb;
      return queued === 1 ? raf(run) : 0;
    };
  })();
`;

/** Heap snapshot node types that are JavaScript values (not compiled code, not Blink's own objects). */
const JS_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'number',
  'regexp',
  'symbol',
  'bigint',
]);

/** A heap snapshot (after a full GC) as node id → [is a JS value, self size in bytes]. */
async function jsNodes(cdp: CDPSession): Promise<Map<number, number>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const width = snap.snapshot.meta.node_fields.length;
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<number, number>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    if (JS_TYPES.has(types[snap.nodes[i]!]!)) out.set(snap.nodes[i + 2]!, snap.nodes[i + 3]!);
  }
  return out;
}

/** Bytes of JS values in `after` and not in `before`, minus those in `before` and no longer in `after`. */
function jsGrowth(before: Map<number, number>, after: Map<number, number>): number {
  let bytes = 0;
  for (const [id, size] of after) if (!before.has(id)) bytes += size;
  for (const [id, size] of before) if (!after.has(id)) bytes -= size;
  return bytes;
}

interface PageFrames {
  __frames: { n: number; times: Float64Array };
  shopfloor: {
    app: { playing: boolean; speed: number; setPlaying(p: boolean): void; seek(t: number): void };
  };
}
declare const window: PageFrames;

/** Runs the viewer benchmark, logging one line per figure. */
export async function benchViewer(quick: boolean, log: (line: string) => void): Promise<ViewerBench> {
  if (!existsSync(join(viewerDir(), 'index.html'))) {
    throw new Error('bench viewer: build the viewer first (npm run build:viz)');
  }
  const file = fileURLToPath(new URL('../../scenarios/demo-factory.yaml', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-bench-viewer-'));
  const path = join(dir, 'demo.sftrace');
  const demoHorizonS = 120 * 3600;
  record(file, path, demoHorizonS);
  const crowdedFile = fileURLToPath(new URL('../../bench/scenarios/belts-2000.yaml', import.meta.url));
  const crowdedPath = join(dir, 'belts.sftrace');
  const crowdedHorizonS = 2 * 3600;
  record(crowdedFile, crowdedPath, crowdedHorizonS);
  const crowdedAtS = 1800;
  const crowdedTrace = openTrace(crowdedPath);
  const movingParts = Object.values(crowdedTrace.stateAt(crowdedAtS).conveyors).reduce(
    (n, c) => n + c.items.length,
    0,
  );
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(TIMING);
    await page.goto(await serveViewer([path]));
    await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    const heapKb = async (): Promise<number> => {
      await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
      await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
      const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return u.usedSize / 1024;
    };
    const frameCount = () => page.evaluate(() => window.__frames.n);
    const waitFrames = async (n: number) => {
      const target = (await frameCount()) + n;
      await page.waitForFunction((v) => window.__frames.n >= v, target, { timeout: 600_000, polling: 200 });
    };
    // Play from 1 h at 60 simulated seconds per wall second: the 120 h run lasts longer than the bench.
    await cdp.send('HeapProfiler.enable');
    await page.evaluate(() => {
      const app = window.shopfloor.app;
      app.seek(3600);
      app.speed = 60;
      app.setPlaying(true);
    });
    // Warm up: the first thousand frames compile the viewer's code (V8 keeps optimising it for a while).
    await waitFrames(quick ? 300 : 1000);
    const windows = quick ? 1 : 3;
    const growth: number[] = [];
    const jsGrowthKb: number[] = [];
    const start = await heapKb();
    let before = start;
    let nodes = await jsNodes(cdp);
    const n0 = await frameCount();
    const t0 = performance.now();
    for (let w = 0; w < windows; w++) {
      await waitFrames(1000);
      const after = await heapKb();
      growth.push(Math.round(after - before));
      before = after;
      const next = await jsNodes(cdp);
      jsGrowthKb.push(Math.round(jsGrowth(nodes, next) / 102.4) / 10);
      nodes = next;
    }
    const n1 = await frameCount();
    const fps = ((n1 - n0) * 1000) / (performance.now() - t0);
    const times = await page.evaluate(
      ([a, b]) => Array.from(window.__frames.times.subarray(a! & 0xffff, b! & 0xffff)),
      [n0, n1],
    );
    // Jumps to 100 instants spread over the 120 h (a fixed sequence, as a user scrubbing): the seek
    // itself, i.e. decoding from the nearest keyframe and updating the scene's state.
    const seeks = await page.evaluate((endS) => {
      const app = window.shopfloor.app;
      app.setPlaying(false);
      const out: number[] = [];
      let x = 0.5;
      for (let i = 0; i < 100; i++) {
        x = ((x * 233280 * 9301 + 49297) % 233280) / 233280;
        const t0 = performance.now();
        app.seek(x * endS);
        out.push(performance.now() - t0);
      }
      return out;
    }, demoHorizonS);
    await page.close();
    const crowded = await crowdedFrames(browser, crowdedPath, crowdedAtS, quick ? 300 : 1000);
    const result: ViewerBench = {
      frames: n1 - n0,
      frameJsMs: frameStats(times),
      heapGrowthKbPer1000Frames: growth,
      jsValuesGrowthKbPer1000Frames: jsGrowthKb,
      heapKb: Math.round(start),
      fps: Math.round(fps * 10) / 10,
      crowded: { movingParts, ...crowded },
      seekMs: {
        median: Math.round(median([...seeks]) * 100) / 100,
        max: Math.round(Math.max(...seeks) * 100) / 100,
      },
    };
    log(
      `viewer    demo replay (120 h trace, 60 s/s): JS per frame median ${result.frameJsMs.median} ms, p95 ${result.frameJsMs.p95} ms over ${result.frames} frames (${result.fps} fps, information only)`,
    );
    const signed = (xs: readonly number[]) => xs.map((g) => `${g > 0 ? '+' : ''}${g} KB`).join(', ');
    log(
      `viewer    seek in the 120 h demo trace (100 instants): median ${result.seekMs.median} ms, max ${result.seekMs.max} ms`,
    );
    log(
      `viewer    crowded floor (${movingParts} parts riding belts, ×1): JS per frame median ${crowded.frameJsMs.median} ms, p95 ${crowded.frameJsMs.p95} ms over ${crowded.frames} frames (${crowded.fps} fps, information only)`,
    );
    log(
      `viewer    heap after a forced GC: ${result.heapKb} KB after warm-up; per 1,000 frames: JS values ${signed(jsGrowthKb)}, whole V8 heap (compiled code too) ${signed(growth)}`,
    );
    return result;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Replays the crowded trace from `atS` at ×1 (every belt full, every part moving) and times `frames`
 * animation frames after as many frames of warm-up.
 */
async function crowdedFrames(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  path: string,
  atS: number,
  frames: number,
): Promise<{ frames: number; frameJsMs: { median: number; p95: number }; fps: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(TIMING);
    await page.goto(await serveViewer([path]));
    await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    await page.evaluate((t) => {
      const app = window.shopfloor.app;
      app.seek(t);
      app.speed = 1;
      app.setPlaying(true);
    }, atS);
    const count = () => page.evaluate(() => window.__frames.n);
    const wait = async (n: number) => {
      const target = (await count()) + n;
      await page.waitForFunction((v) => window.__frames.n >= v, target, { timeout: 600_000, polling: 200 });
    };
    await wait(frames);
    const n0 = await count();
    const t0 = performance.now();
    await wait(frames);
    const n1 = await count();
    const fps = ((n1 - n0) * 1000) / (performance.now() - t0);
    const times = await page.evaluate(
      ([a, b]) => Array.from(window.__frames.times.subarray(a! & 0xffff, b! & 0xffff)),
      [n0, n1],
    );
    return { frames: n1 - n0, frameJsMs: frameStats(times), fps: Math.round(fps * 10) / 10 };
  } finally {
    await page.close();
  }
}
