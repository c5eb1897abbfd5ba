import type { Part } from '../part.js';

/** A bill of materials as a list: each input product and the quantity of it a kit takes. */
export type KitInputs = readonly (readonly [product: string, quantity: number])[];

/**
 * The oldest complete kit of a bill of materials among `contents` (a queue, oldest first): for each input
 * product its `quantity` oldest parts, in the order of `inputs`; `null` while some are missing.
 */
export function assemblyKit(contents: readonly Part[], inputs: KitInputs): Part[] | null {
  const picked: Part[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const [product, qty] = inputs[k]!;
    let n = 0;
    for (let i = 0; i < contents.length && n < qty; i++) {
      const p = contents[i]!;
      if (p.product === product) {
        picked.push(p);
        n++;
      }
    }
    if (n < qty) return null;
  }
  return picked;
}
