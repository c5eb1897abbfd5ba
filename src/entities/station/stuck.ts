import { Buffer } from '../buffer.js';
import { DeadlockError } from '../errors.js';
import type { Part } from '../part.js';
import type { Grouping } from './grouping.js';
import type { Server } from './server.js';

/**
 * Why the parts waiting at a station can never start, in words, when nothing else can happen any more
 * (the calendar ran empty): a batch that can never fill, an assembly kit that can never complete, no
 * server free; `null` when no part waits.
 * @param waiting the parts in its input; `idle` its idle servers.
 * @internal used by deadlock reports.
 */
export function stuckReason(
  waiting: readonly Part[],
  grouping: Pick<Grouping, 'assembly' | 'batch'>,
  idle: number,
  servers: readonly Server[],
): string | null {
  const n = waiting.length;
  if (n === 0) return null;
  const count = new Map<string, number>();
  for (const p of waiting) count.set(p.product, (count.get(p.product) ?? 0) + 1);
  const parts = `${n} part(s) waiting`;
  const { assembly, batch } = grouping;
  if (assembly !== undefined) {
    const missing = Object.entries(assembly.inputs)
      .map(([product, qty]) => [product, qty - (count.get(product) ?? 0)] as const)
      .filter(([, m]) => m > 0)
      .map(([product, m]) => `${m} ${product}`);
    if (missing.length > 0)
      return `kit of ${assembly.output} can never complete: ${parts}, missing ${missing.join(', ')}`;
  }
  if (
    batch !== undefined &&
    batch.maxWaitS === undefined &&
    [...count.values()].every((c) => c < batch.size)
  ) {
    const by = count.size > 1 ? ` (${[...count].map(([p, c]) => `${c} ${p}`).join(', ')})` : '';
    return `batch of ${batch.size} can never fill: ${parts}${by}`;
  }
  if (idle === 0) {
    const states = [...new Set(servers.map((s) => s.state))].join(', ');
    return `${parts}, no server can take one (servers ${states})`;
  }
  return parts;
}

/**
 * A full input buffer holding no startable group can never change at a batch station without `maxWait`
 * or at an assembly station: no part can join those waiting. The {@link DeadlockError} naming station
 * `station` and its input, or `null` when the station can still move (other groupings).
 * @param why the station's {@link stuckReason}.
 * @internal
 */
export function jamError(
  station: string,
  input: Buffer,
  grouping: Pick<Grouping, 'assembly' | 'batch'>,
  nowS: number,
  why: () => string | null,
): DeadlockError | null {
  const { assembly, batch } = grouping;
  if (assembly === undefined && (batch === undefined || batch.maxWaitS !== undefined)) return null;
  return new DeadlockError(
    `Station: deadlock at ${nowS} s at ${station} — ${why()}, and its input ${input.id} is full (capacity ${input.capacity}), so no other part can ever join them`,
    [station, input.id],
  );
}

/**
 * The buffers every one of `servers` is blocked on, or `null` if some server is not blocked on a buffer.
 * @internal used by deadlock detection.
 */
export function blockedBuffers(servers: readonly Server[]): Buffer[] | null {
  const out: Buffer[] = [];
  for (const s of servers) {
    if (s.state !== 'blocked' || !(s.blockedOn instanceof Buffer)) return null;
    out.push(s.blockedOn);
  }
  return out;
}

/** `true` when every one of `servers` is blocked on a buffer, found without allocating. @internal */
export function allBlockedOnBuffers(servers: readonly Server[]): boolean {
  for (const s of servers) if (s.state !== 'blocked' || !(s.blockedOn instanceof Buffer)) return false;
  return true;
}
