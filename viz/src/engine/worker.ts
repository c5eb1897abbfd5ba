/// <reference lib="webworker" />
/**
 * The engine in a Web Worker: loads a scenario text with the project's public API (`loadScenario`,
 * `runScenario`, the same calls as `shopfloor run`), runs one replication and posts the viewer's events in
 * chunks while it runs, then the run's KPIs. No server, no Node module.
 */
import { loadScenario, runScenario } from '../../../src/index.js';
import type { FeedEvent } from '../feed/types.js';
import { layoutOf } from './layout-of.js';
import { observePlant } from './observe-plant.js';
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
  const events: FeedEvent[] = [];
  try {
    const result = runScenario(scenario, {
      seed,
      replications: 1,
      onModel: (model) => {
        post({ kind: 'layout', layout: layoutOf(scenario, model, seed) });
        observePlant(model, events);
      },
      onProgress: () => {
        post({ kind: 'events', events: events.splice(0) });
      },
    });
    post({ kind: 'events', events: events.splice(0) });
    post({
      kind: 'done',
      endS: scenario.run.horizon,
      kpis: {
        throughputPerHour: result.kpis.throughputPerHour.mean,
        wip: result.kpis.wip.mean,
        finished: result.kpis.finished.mean,
        released: result.kpis.released.mean,
      },
    });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
