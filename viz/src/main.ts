/**
 * The viewer page: wires the file pickers, drag and drop, URL parameters (`?trace=URL`, `?compare=URL`,
 * `?scenario=URL`, `?live=ws://…`) and the in-page engine to the app. `window.shopfloor` exposes the app
 * for the console and the browser tests.
 */
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { decodeRun, recordingOf } from './feed/open-trace.js';
import { Recording } from './feed/recording.js';
import { App } from './ui/app.js';
import { connectLive } from './ui/live.js';
import { runInWorker } from './ui/run-in-worker.js';

const $ = (id: string) => document.getElementById(id)!;
const status = $('status');
const app = new App({
  views: $('views'),
  timeline: $('timeline'),
  legend: $('legend'),
  picked: $('picked'),
  kpis: $('kpis'),
  diff: $('diff'),
  status,
});

function say(text: string, error = false): void {
  status.textContent = text;
  status.dataset.error = String(error);
  if (error) console.warn(text);
}

async function openTraces(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  try {
    const recs = files.map((f) => recordingOf(decodeRun(f.bytes, f.name)));
    if (recs.length === 2 && recs[0]!.info.name !== recs[1]!.info.name)
      say(`side by side: ${recs[0]!.info.name} and ${recs[1]!.info.name} are not the same scenario`, true);
    app.live = null;
    app.show(recs);
    say(files.map((f) => f.name).join(' | '));
  } catch (error) {
    say((error as Error).message, true);
  }
}

async function openScenario(text: string, fileName: string, seed?: number): Promise<void> {
  say(`simulating ${fileName} in the page…`);
  app.live = null;
  let rec: Recording | null = null;
  runInWorker(text, fileName, seed, {
    header: (info) => {
      rec = new Recording(info);
      app.show([rec]);
      app.follow = false;
      app.setPlaying(true);
    },
    frames: (frames) => rec?.append(frames),
    done: (kpis) => {
      rec?.finish(rec.endedAt ?? rec.endS);
      status.dataset.kpis = JSON.stringify(kpis);
      say(
        `${fileName}: simulated in the page (${Object.entries(kpis)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')})`,
      );
    },
    error: (message) => say(`${fileName}: ${message}`, true),
  });
}

async function readFiles(list: FileList | null): Promise<void> {
  const files = [...(list ?? [])];
  if (files.length === 0) return;
  const scenario = files.find((f) => /\.(ya?ml)$/i.test(f.name));
  if (scenario !== undefined) return openScenario(await scenario.text(), scenario.name);
  await openTraces(
    await Promise.all(
      files.slice(0, 2).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    ),
  );
}

($('open-trace') as HTMLInputElement).onchange = (e) => readFiles((e.target as HTMLInputElement).files);
($('open-scenario') as HTMLInputElement).onchange = (e) => readFiles((e.target as HTMLInputElement).files);
document.body.addEventListener('dragover', (e) => e.preventDefault());
document.body.addEventListener('drop', (e) => {
  e.preventDefault();
  void readFiles(e.dataTransfer?.files ?? null);
});

async function fetchBytes(url: string): Promise<{ name: string; bytes: Uint8Array }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { name: url.split('/').pop() ?? url, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function fromUrl(): Promise<void> {
  const q = new URLSearchParams(location.search);
  try {
    const trace = q.get('trace');
    const compare = q.get('compare');
    const scenario = q.get('scenario');
    const live = q.get('live');
    if (trace !== null)
      await openTraces(await Promise.all([trace, compare].filter((u) => u !== null).map(fetchBytes)));
    else if (scenario !== null) {
      const f = await fetchBytes(scenario);
      const seed = q.get('seed');
      await openScenario(new TextDecoder().decode(f.bytes), f.name, seed === null ? undefined : Number(seed));
    } else if (live !== null) connectLive(app, live, q.get('token'), say);
    else say('Open a trace (.sftrace) or a scenario (.yaml), or drop one here.');
  } catch (error) {
    say((error as Error).message, true);
  }
}

($('connect') as HTMLButtonElement).onclick = () => {
  const url = ($('live-url') as HTMLInputElement).value.trim();
  if (url !== '') connectLive(app, url, null, say);
};

($('step') as HTMLButtonElement).onclick = () => app.live?.step();

Object.assign(window, { shopfloor: { app } });
void fromUrl();
