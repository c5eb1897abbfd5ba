import type { WorkerReply, WorkerRequest } from '../engine/worker-protocol.js';
import type { Frame, RunInfo } from '../feed/types.js';

/** What the page does with the worker's replies. */
export interface WorkerHandlers {
  header(info: RunInfo): void;
  frames(frames: Frame[]): void;
  done(kpis: Record<string, number>): void;
  error(message: string): void;
}

/** Runs a scenario in a new Web Worker (the engine bundled by Vite); the worker ends with the run. */
export function runInWorker(
  text: string,
  fileName: string,
  seed: number | undefined,
  on: WorkerHandlers,
): Worker {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const m = e.data;
    if (m.kind === 'header') on.header(m.info);
    else if (m.kind === 'frames') on.frames(m.frames);
    else if (m.kind === 'done') {
      on.done(m.kpis);
      worker.terminate();
    } else {
      on.error(m.message);
      worker.terminate();
    }
  };
  worker.onerror = (e) => on.error(e.message);
  const req: WorkerRequest = seed === undefined ? { text, fileName } : { text, fileName, seed };
  worker.postMessage(req);
  return worker;
}
