import {
  type BuiltModel,
  type PortableScenario,
  revivePortableScenario,
  type Scenario,
} from '../scenario/index.js';
import {
  loadWithOverrides,
  type Override,
  OverrideError,
  problemLines,
  readScenarioSource,
  type ScenarioSource,
} from './overrides.js';
import { outcomeOf, runLoadedReplication } from './replication-run.js';
import { recordTransient, type TransientSeries } from './transient.js';

/**
 * One replication of one scenario variant: the unit of work that compare, sweep and the replication
 * procedures hand to a runner. Plain data, so it can cross to a worker thread or another machine.
 */
export interface ReplicationTask {
  /** Scenario file (read by whoever runs the task). */
  readonly file: string;
  /** Overrides applied to it (see `loadWithOverrides`). */
  readonly overrides: readonly Override[];
  /** Master seed of this replication (replication r of a run with seed s uses s + r). */
  readonly seed: number;
  /** Horizon, s (default the scenario's). */
  readonly horizonS?: number;
  /** Warm-up, s (default the scenario's). */
  readonly warmupS?: number;
  /**
   * `kind=file.onnx` texts: a trained policy takes those decisions (loaded once per thread, see
   * `sharedPolicies` of src/rl). Check them against the scenario (`checkPoliciesFit`) before running.
   */
  readonly policies?: readonly string[];
  /** Record the transient series with this many WIP intervals over the horizon (for warm-up detection). */
  readonly transientIntervals?: number;
  /**
   * The scenario that `file` with `overrides` loads to (with `horizonS`), already validated, as plain data
   * (`portableScenario`). A runner then uses it instead of reading and validating the file again: a sweep
   * sends it so that worker threads never parse YAML nor compile the schema. It must be that scenario.
   */
  readonly scenario?: PortableScenario;
}

/** Every figure of one replication, by key (`kpis.throughputPerHour`, `stations.press.utilization`…). */
export type FigureValues = Record<string, number | null>;

/** What a runner returns for a {@link ReplicationTask}. */
export interface ReplicationOutcome {
  readonly seed: number;
  /** Each figure's value in this replication; null where it is undefined (no part finished…). */
  readonly values: FigureValues;
  /** Events the replication ran. */
  readonly events: number;
  /** Horizon and warm-up actually used, s. */
  readonly horizonS: number;
  readonly warmupS: number;
  /** Present when the task asked for it. */
  readonly transient?: TransientSeries;
}

/**
 * Runs replications. The default runs them in this thread ({@link runReplication}); a worker pool or a
 * remote agent (e.g. an ONNX policy served elsewhere) is another implementation of the same signature.
 */
export type ReplicationRunner = (task: ReplicationTask) => Promise<ReplicationOutcome>;

const sources = new Map<string, ScenarioSource>();
/** Variants loaded lately, the most recent last: at most {@link CACHED_VARIANTS} (a sweep has many). */
const scenarios = new Map<string, ReturnType<typeof loadWithOverrides>>();
/** Variants kept loaded per thread: a point's replications and the points in flight beside it reuse them. */
const CACHED_VARIANTS = 256;

/**
 * Runs one replication in this thread: loads the file with its overrides (cached per file and
 * overrides), runs it on the task's seed and returns its figures.
 * @throws OverrideError when the variant does not load (the problems in the message).
 */
export async function runReplication(task: ReplicationTask): Promise<ReplicationOutcome> {
  // Yield first: tasks submitted together then run one per macrotask, so whoever waits on an earlier one
  // (a sweep writing a finished point to its journal) gets to run in between.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (task.policies !== undefined && task.policies.length > 0) return runWithPolicies(task);
  return runReplicationSync(task);
}

/** The task's scenario variant: the one it carries, else loaded once per file and overrides. */
function scenarioOf(task: ReplicationTask): Scenario {
  if (task.scenario !== undefined) return revivePortableScenario(task.scenario);
  let source = sources.get(task.file);
  if (source === undefined) {
    source = readScenarioSource(task.file);
    sources.set(task.file, source);
  }
  const key = `${task.file}\u0000${JSON.stringify(task.overrides)}`;
  let loaded = scenarios.get(key);
  if (loaded === undefined) {
    loaded = loadWithOverrides(source, task.overrides, { horizonS: task.horizonS });
    if (scenarios.size >= CACHED_VARIANTS) scenarios.delete(scenarios.keys().next().value!);
  } else scenarios.delete(key);
  scenarios.set(key, loaded);
  if (!loaded.ok) {
    throw new OverrideError(`${task.file}:\n${problemLines(loaded.problems)}`);
  }
  return loaded.scenario;
}

/**
 * {@link runReplication} without the promise (for callers that run in a loop of their own).
 * @throws RangeError for a task with ONNX policies (their inference is asynchronous: use runReplication).
 */
export function runReplicationSync(task: ReplicationTask): ReplicationOutcome {
  if (task.policies !== undefined && task.policies.length > 0)
    throw new RangeError('runReplicationSync: a task with ONNX policies runs through runReplication');
  return runLoadedReplication(task, scenarioOf(task));
}

/**
 * One replication with trained policies: the same seed, horizon and warm-up as a rule-driven one, so
 * the two see the same random numbers (common random numbers). The ONNX runtime is imported only here,
 * so runs without policies (and worker threads that get none) do not load it.
 */
async function runWithPolicies(task: ReplicationTask): Promise<ReplicationOutcome> {
  const scenario = scenarioOf(task);
  const { runReplicationsWithPolicies, sharedPolicies } = await import('../rl/policy/run-with-policies.js');
  const policies = await sharedPolicies(task.policies!);
  const horizonS = task.horizonS ?? scenario.run.horizon;
  let recorder: ReturnType<typeof recordTransient> | undefined;
  const run = await runReplicationsWithPolicies(scenario, policies, {
    seed: task.seed,
    replications: 1,
    horizon: task.horizonS,
    warmup: task.warmupS,
    onModel:
      task.transientIntervals === undefined
        ? undefined
        : (model: BuiltModel) => {
            recorder = recordTransient(model, horizonS, task.transientIntervals!);
          },
  });
  return outcomeOf(task, run, recorder, horizonS);
}
