/** A point of the factory layout, in metres. */
export interface Position {
  /** metres */
  readonly x: number;
  /** metres */
  readonly y: number;
}

/** Euclidean distance between two layout positions, in metres. */
export function distanceM(a: Position, b: Position): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
