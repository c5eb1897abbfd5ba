import type { Position } from './position.js';
import type { Motion } from './snapshot-types.js';

/**
 * Where something on `motion` is at `t` (seconds): linear between its ends, clamped to them (metres).
 * The one formula the snapshot, the trace reader and the viewer share, so they agree to the last bit.
 */
export function positionAt(motion: Motion, t: number): Position {
  if (t >= motion.toT || motion.toT <= motion.fromT) return motion.to;
  if (t <= motion.fromT) return motion.from;
  const f = (t - motion.fromT) / (motion.toT - motion.fromT);
  return {
    x: motion.from.x + (motion.to.x - motion.from.x) * f,
    y: motion.from.y + (motion.to.y - motion.from.y) * f,
  };
}
