/** A product type: the stations a part of it visits, in order, and where it leaves the system. */
export interface ProductSpec {
  /** Product id, unique in the plant. */
  readonly id: string;
  /** Station ids in visiting order (at least one). */
  readonly routing: readonly string[];
  /** Id of the sink that receives finished parts. */
  readonly sink: string;
  /** Default due date offset from release, seconds (default `Infinity`: no due date). */
  readonly dueInS?: number;
  /** Default dispatch priority (higher is more urgent; default 0). */
  readonly priority?: number;
}
