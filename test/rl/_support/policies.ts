import { RandomStream } from '../../../src/engine/index.js';

/** A random masked policy: a uniform legal action, drawn from a seeded stream. */
export function randomMasked(seed: number): (mask: Uint8Array, offset?: number, n?: number) => number {
  const rng = new RandomStream('test/random-masked', String(seed));
  const legal: number[] = [];
  return (mask, offset = 0, n = mask.length - offset) => {
    legal.length = 0;
    for (let i = 0; i < n; i++) if (mask[offset + i] === 1) legal.push(i);
    if (legal.length === 0) throw new Error('randomMasked: no legal action');
    return legal[rng.int(0, legal.length - 1)]!;
  };
}
