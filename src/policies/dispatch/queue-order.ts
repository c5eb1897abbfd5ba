import { argMax } from '../_internal/arg-best.js';
import type { DispatchPolicy } from '../contract.js';

/**
 * First in, first out: the part that entered the queue first, i.e. option 0 (the options arrive ordered
 * by queue entry time, then product, then part id).
 */
export const fifo: DispatchPolicy = { name: 'fifo', alwaysFirst: true, decide: () => 0 };

/**
 * Last in, first out: the part with the latest queue entry time (`queuedS`, s). Parts that entered at the
 * same instant keep the tie-break order: the earliest option among them.
 */
export const lifo: DispatchPolicy = {
  name: 'lifo',
  decide: (p) => argMax(p.options, (o) => o.queuedS),
};
