/**
 * Tiny seeded generators for the statistics tests (never `Math.random`): mulberry32 for uniforms
 * and Box–Muller for standard normals. Test-only; the simulator's streams live elsewhere.
 */

/** mulberry32: a 32-bit-state PRNG; returns uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal(mean, sd) draws by Box–Muller over a mulberry32 stream. */
export function seededNormal(seed: number, mean = 0, sd = 1): () => number {
  const u = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return mean + sd * z;
    }
    const u1 = 1 - u(); // (0, 1]: log is finite
    const u2 = u();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return mean + sd * r * Math.cos(2 * Math.PI * u2);
  };
}
