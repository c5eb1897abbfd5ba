import type { Frame, RunInfo } from '../feed/types.js';

/** Page → worker: run this scenario text. */
export interface WorkerRequest {
  readonly text: string;
  readonly fileName: string;
  /** Master seed; default the scenario's. */
  readonly seed?: number;
}

/** Worker → page, in this order: the header, frames in chunks, then `done` (or `error` at any point). */
export type WorkerReply =
  | { readonly kind: 'header'; readonly info: RunInfo }
  | { readonly kind: 'frames'; readonly frames: Frame[] }
  | { readonly kind: 'done'; readonly kpis: Record<string, number> }
  | { readonly kind: 'error'; readonly message: string };
