/**
 * The next seed of an environment's episode sequence: a 32-bit integer mix (the finaliser of
 * MurmurHash3) of the previous one, so consecutive episodes, and the sub-environments of a vector env
 * seeded `seed + i`, do not run into each other's seeds.
 */
export function nextSeed(seed: number): number {
  let h = (seed ^ (seed / 2 ** 32)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h + 0x9e3779b9) >>> 0;
}

/** `true` for a seed the environment accepts: a safe integer ≥ 0. */
export function isSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0;
}
