import type { Part } from '../part.js';

/**
 * The oldest complete kit of a bill of materials among `contents` (a queue, oldest first): for each input
 * product its `inputs[product]` oldest parts, in the order of `inputs`; `null` while some are missing.
 */
export function assemblyKit(
  contents: readonly Part[],
  inputs: Readonly<Record<string, number>>,
): Part[] | null {
  const picked: Part[] = [];
  for (const [product, qty] of Object.entries(inputs)) {
    let n = 0;
    for (const p of contents) {
      if (n >= qty) break;
      if (p.product === product) {
        picked.push(p);
        n++;
      }
    }
    if (n < qty) return null;
  }
  return picked;
}
