/**
 * An empty array that is to hold objects (functions included).
 *
 * V8 starts a `[]` in its kind for small integers; the first object pushed changes that kind, and
 * optimised code that so far had only seen the array empty is thrown away and compiled again. For a hot
 * array that stays empty for a while (a buffer, a queue) that happens in the first replications of a
 * run, while the code is being optimised; it costs compile time on every thread of a sweep. An array
 * made here holds objects from the start, and all of them share one shape.
 */
export function objectArray<T extends object>(): T[] {
  const a: (T | null)[] = [null];
  a.length = 0;
  return a as T[];
}
