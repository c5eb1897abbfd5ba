import type { Objective } from './compare.js';
import type { Factor } from './design.js';

/**
 * A decision rule every point of a sweep runs with (`--policy`): a built-in rule, or a trained ONNX policy
 * identified by its file's content (the path is where this machine found it).
 */
export type SweepPolicy =
  | { readonly kind: string; readonly rule: string }
  | { readonly kind: string; readonly file: string; readonly sha256: string };

/**
 * What defines a sweep's results: the scenario (by content), the design and the run settings. Two runs
 * with equal manifests compute the same points with the same seeds, so their results can be resumed
 * from and merged. Nothing machine-specific (worker count, shard, time) is in it.
 */
export interface SweepManifest {
  /** Version of the simulator that ran it (results of another version are not merged). */
  readonly shopfloorVersion: string;
  /** Scenario file as given. */
  readonly scenario: string;
  /** SHA-256 of the scenario file's bytes. */
  readonly scenarioSha256: string;
  readonly factors: readonly Pick<Factor, 'path' | 'spec'>[];
  readonly design: 'grid' | 'lhs';
  /** LHS sample size (null for a grid). */
  readonly samples: number | null;
  /** Points in the whole design. */
  readonly points: number;
  /** Replication r of every point uses seed + r (common random numbers across points). */
  readonly seed: number;
  readonly replications: number;
  /** Horizon and warm-up, s (null: the scenario's). */
  readonly horizonS: number | null;
  readonly warmupS: number | null;
  /** Figures of the table (null: every `kpis.*` figure defined everywhere). */
  readonly kpis: readonly string[] | null;
  readonly objective: Objective;
  /**
   * Decision rules of every point, in the order given; absent when the scenario's own rules run (so the
   * results of a sweep without `--policy` are those of earlier versions, byte for byte).
   */
  readonly policies?: readonly SweepPolicy[];
}
