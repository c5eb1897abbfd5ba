import type { FeedEvent, Layout } from '../feed/types.js';

/** Page → worker: run this scenario text. */
export interface WorkerRequest {
  readonly text: string;
  readonly fileName: string;
  /** Master seed; default the scenario's. */
  readonly seed?: number;
}

/** Worker → page, in this order: the layout, events in chunks, then `done` (or `error` at any point). */
export type WorkerReply =
  | { readonly kind: 'layout'; readonly layout: Layout }
  | { readonly kind: 'events'; readonly events: FeedEvent[] }
  | { readonly kind: 'done'; readonly endS: number; readonly kpis: Record<string, number> }
  | { readonly kind: 'error'; readonly message: string };
