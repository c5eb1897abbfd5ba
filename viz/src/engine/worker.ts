/// <reference lib="webworker" />
/**
 * The engine in a Web Worker: loads a scenario text with the project's public API (`loadScenario`,
 * `runScenario`, the same functions `shopfloor run` calls), runs one replication and posts its frames in
 * chunks while it runs, then the run's KPIs. No server, no Node module.
 *
 * They are imported from their own modules rather than from src/index.ts because the index also exports
 * `loadScenarioFile` and the job-shop instance reader, which read files with `node:fs`; test/viz checks that
 * nothing this worker imports reaches a `node:` module.
 */
import { runScenario } from '../../../src/report/run-scenario.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { buildLayout } from '../../../src/stream/layout.js';
import type { Frame } from '../feed/types.js';
import { observeFrames } from './plant-frames.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (msg: MessageEvent<WorkerRequest>) => {
  const req = msg.data;
  const loaded = loadScenario(req.text, { fileName: req.fileName });
  if (!loaded.ok) {
    post({ kind: 'error', message: loaded.problems.map((p) => `${p.message} (line ${p.line})`).join('\n') });
    return;
  }
  const scenario = loaded.scenario;
  const seed = req.seed ?? scenario.run.seed;
  const frames: Frame[] = [];
  try {
    const result = runScenario(scenario, {
      seed,
      replications: 1,
      onModel: (model) => {
        post({
          kind: 'header',
          info: {
            name: scenario.name ?? req.fileName,
            seed,
            horizonS: scenario.run.horizon,
            startDate: scenario.run.start ?? null,
            layout: buildLayout(scenario, model),
          },
        });
        observeFrames(model, frames);
      },
      onProgress: () => post({ kind: 'frames', frames: frames.splice(0) }),
    });
    frames.push({ k: 'end', t: scenario.run.horizon, reason: 'horizon' });
    post({ kind: 'frames', frames: frames.splice(0) });
    const k = result.kpis;
    post({
      kind: 'done',
      kpis: {
        throughputPerHour: k.throughputPerHour.mean,
        wip: k.wip.mean,
        cycleTimeS: k.cycleTimeS.mean,
        released: k.released.mean,
        finished: k.finished.mean,
        scrapped: k.scrapped.mean,
        events: result.events,
      },
    });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
