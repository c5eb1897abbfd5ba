/**
 * A key whose plain string order is the natural order of `id`: runs of digits compare by value, so
 * `job2` sorts before `job10` and `m9` before `m10`. Each digit run (leading zeros dropped) is prefixed by
 * one character encoding its length; the raw id is appended so that `a01` and `a1` still differ.
 */
export function naturalKey(id: string): string {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const key = computeKey(id);
  // A bounded memo: models are built again and again (an RL episode each) from the same few ids.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, key);
  return key;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

function computeKey(id: string): string {
  const body = id.replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x30 + Math.min(digits.length, 0xffff - 0x30)) + digits;
  });
  return `${body}\u0000${id}`;
}

/** Compares two ids in natural order (see {@link naturalKey}): negative, zero or positive. */
export function naturalCompare(a: string, b: string): number {
  const ka = naturalKey(a);
  const kb = naturalKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
