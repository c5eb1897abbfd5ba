/**
 * Runs a scenario's replications with the decisions of some kinds taken by other policies than the
 * scenario's: built-in rules (`dispatch=fifo`) or a trained ONNX policy (`dispatch=policy.onnx`), and
 * returns the same {@link ScenarioResult} as `runScenario`, so reports, JSON and comparisons work
 * unchanged. Replication i uses master seed `seed + i` whatever the policies, so two runs with different
 * policies and the same seed see the same random numbers (common random numbers): their paired
 * differences measure the policies, not the noise.
 *
 * An ONNX policy's inference is asynchronous (onnxruntime-web), so its replications are driven through
 * the RL environment's agent loop (`ShopfloorEnv`: run to the next decision, build the observation and the
 * mask exactly as in training, answer with the masked argmax, run on), with the KPI collector on.
 */
import { readFile } from 'node:fs/promises';
import { DeadlockError } from '../../entities/index.js';
import type { DecisionKind } from '../../policies/contract.js';
import { aggregateReplications, type ScenarioResult } from '../../report/index.js';
import {
  nextObserverStop,
  type ReplicationData,
  type ReplicationRun,
  RunLimits,
  type RunScenarioOptions,
  runReplications,
  type Scenario,
} from '../../scenario/index.js';
import { EnvConfigError } from '../errors.js';
import { OBSERVATION_LAYOUT_VERSION } from '../observation.js';
import { scenarioFingerprint } from '../scenario-fingerprint.js';
import { type EpisodePauses, ShopfloorEnv } from '../shopfloor-env.js';
import { OnnxPolicy } from './onnx-policy.js';
import { checkPolicyChoices, type PolicyChoice, parsePolicyChoice, withRules } from './policy-choice.js';
import { PolicyError } from './policy-error.js';
import { observationSpecProblems } from './policy-metadata.js';

/** Policies ready to run: the parsed choices and the loaded ONNX model, if any. */
export interface LoadedPolicies {
  readonly choices: readonly PolicyChoice[];
  /** The trained policy and the decision kinds it takes (those named with its file), or `null`. */
  readonly onnx: { readonly policy: OnnxPolicy; readonly kinds: readonly DecisionKind[] } | null;
  /** A label for reports, e.g. `dispatch=policy.onnx` (the choices' texts joined by a space). */
  readonly label: string;
}

/** Options of {@link loadPolicies}. */
export interface LoadPoliciesOptions {
  /** Reads an ONNX file's bytes (default: `fs.readFile`, paths relative to the working directory). */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Parses `kind=rule` / `kind=file.onnx` texts and loads the ONNX file they name. One ONNX model per run:
 * name it for each kind it was trained to answer (`--policy dispatch=m.onnx --policy routing=m.onnx`).
 * @throws PolicyError `POLICY_SPEC` (bad text, a kind twice, two different models), `POLICY_FILE`
 *   (unreadable or not ONNX), `POLICY_METADATA` (no or bad shopfloor metadata).
 */
export async function loadPolicies(
  texts: readonly string[],
  options: LoadPoliciesOptions = {},
): Promise<LoadedPolicies> {
  const choices = texts.map(parsePolicyChoice);
  const files = [...new Set(choices.flatMap((c) => (c.type === 'onnx' ? [c.path] : [])))];
  if (files.length > 1) {
    throw new PolicyError(
      'POLICY_SPEC',
      `--policy: one ONNX model per run (got ${files.join(', ')}); a model answers every kind it was trained on`,
    );
  }
  const label = choices.map((c) => c.text).join(' ');
  const path = files[0];
  if (path === undefined) return { choices, onnx: null, label };
  const read = options.readFile ?? ((p: string) => readFile(p));
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyError(
      'POLICY_FILE',
      `--policy: cannot read ${path}${code === 'ENOENT' ? ': no such file' : ` (${(error as Error).message})`}`,
    );
  }
  const policy = await OnnxPolicy.fromBytes(bytes, path);
  const kinds = choices.filter((c) => c.type === 'onnx').map((c) => c.kind);
  const trained = policy.metadata.observation.agent;
  const missing = trained.filter((k) => !kinds.includes(k));
  const extra = kinds.filter((k) => !trained.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    await policy.release();
    throw new PolicyError(
      'POLICY_MISMATCH',
      `${path}: the model answers ${trained.join(', ')} decisions; give it for exactly those (${trained.map((k) => `--policy ${k}=${path}`).join(' ')})`,
    );
  }
  return { choices, onnx: { policy, kinds: trained }, label };
}

/** Decisions between two calls of `onProgress` within a replication run by an ONNX policy. */
const PROGRESS_DECISIONS = 256;

const shared = new Map<string, Promise<LoadedPolicies>>();

/**
 * {@link loadPolicies}, once per distinct list of texts in this thread: later calls with the same texts
 * share the first call's policies (an ONNX session takes about a second to start, a replication of a
 * small scenario milliseconds). For runners that get one replication at a time (compare, sweep). A load
 * that failed is not kept, so the next call tries again.
 */
export function sharedPolicies(texts: readonly string[]): Promise<LoadedPolicies> {
  const key = JSON.stringify(texts);
  let loading = shared.get(key);
  if (loading === undefined) {
    loading = loadPolicies(texts);
    shared.set(key, loading);
    loading.catch(() => shared.delete(key));
  }
  return loading;
}

/** One decision taken by an ONNX policy (what {@link RunWithPoliciesOptions.onDecision} receives). */
export interface PolicyDecision {
  /** Replication, from 0. */
  readonly replication: number;
  /** Decision in the replication, from 0. */
  readonly step: number;
  /** Simulated time, s. */
  readonly nowS: number;
  /** A copy of the observation the policy saw. */
  readonly observation: Float32Array;
  /** A copy of the action mask (1 = legal slot). */
  readonly mask: Uint8Array;
  /** The policy's logits, one per slot. */
  readonly logits: Float32Array;
  /** The slot taken: the masked argmax of the logits. */
  readonly action: number;
}

/** Options of {@link runScenarioWithPolicies}: those of `runScenario`, and a hook on each decision. */
export interface RunWithPoliciesOptions extends RunScenarioOptions {
  /** Called with every decision an ONNX policy takes (for logs and tests). */
  readonly onDecision?: (decision: PolicyDecision) => void;
}

/** What a scenario looks like to a loaded policy (see {@link checkPoliciesFit}). */
export interface PolicyFit {
  /** Things worth telling the user that do not stop the run (e.g. trained on another scenario). */
  readonly notes: readonly string[];
}

/**
 * Checks that the policies can run on `scenario`: every kind named occurs, and the ONNX model's recorded
 * observation (layout version, decision kinds, slots, action slots, feature names) is the one the
 * scenario gives.
 * @throws PolicyError `POLICY_SPEC` or `POLICY_MISMATCH`, naming every difference.
 */
export function checkPoliciesFit(scenario: Scenario, policies: LoadedPolicies): PolicyFit {
  checkPolicyChoices(policies.choices, scenario);
  if (policies.onnx === null) return { notes: [] };
  const { policy } = policies.onnx;
  const problems: string[] = [];
  let env: ShopfloorEnv;
  try {
    env = makeEnv(scenario, policies, scenario.run.horizon);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    // The model's action slots do not fit (e.g. another number of products): say so, and compare the
    // features of the scenario's own default too, so that every difference is listed at once.
    const head = 'does not fit this scenario: ';
    problems.push(error.message.slice(error.message.indexOf(head) + head.length));
    env = makeEnv(scenario, policies, scenario.run.horizon, { defaultSlots: true });
  }
  problems.push(
    ...observationSpecProblems(policy.metadata.observation, {
      layoutVersion: OBSERVATION_LAYOUT_VERSION,
      featureNames: env.observationFeatureNames,
      agent: env.agent,
      slots: env.slots,
      maxCandidates: env.maxCandidates,
    }),
  );
  env.close();
  if (problems.length > 0) {
    throw new PolicyError(
      'POLICY_MISMATCH',
      `${policy.source} does not fit this scenario:\n  ${problems.join('\n  ')}`,
    );
  }
  const notes: string[] = [];
  const trainedOn = policy.metadata.scenario?.fingerprint;
  if (typeof trainedOn === 'string' && trainedOn !== scenarioFingerprint(scenario)) {
    const name = policy.metadata.scenario?.name;
    notes.push(
      `${policy.source} was trained on a plant that differs from this one${name ? ` ("${name}" with other settings, or another plant)` : ''}; its observation fits this one, so it runs`,
    );
  }
  return { notes };
}

/** The environment that builds the ONNX policy's observations, as in training. */
function makeEnv(
  scenario: Scenario,
  policies: LoadedPolicies,
  horizonS: number,
  extra: {
    statistics?: boolean;
    onModel?: RunScenarioOptions['onModel'];
    defaultSlots?: boolean;
    pauses?: EpisodePauses;
    limits?: RunLimits;
  } = {},
): ShopfloorEnv {
  const { policy } = policies.onnx!;
  const o = policy.metadata.observation;
  let replication = 0;
  try {
    return new ShopfloorEnv({
      scenario,
      agent: o.agent,
      slots: o.slots,
      maxCandidates: extra.defaultSlots === true ? undefined : o.maxCandidates,
      scales: o.scales,
      horizonS,
      // The scenario's env section may cap episodes for training; an evaluation runs to the horizon.
      maxSteps: Number.MAX_SAFE_INTEGER,
      illegalAction: 'raise',
      statistics: extra.statistics ?? false,
      pauses: extra.pauses,
      limits: extra.limits,
      onEpisodeStart:
        extra.onModel === undefined
          ? undefined
          : (_plant, env) => extra.onModel!(env.currentModel!, replication++),
    });
  } catch (error) {
    if (!(error instanceof EnvConfigError)) throw error;
    throw new PolicyError(
      'POLICY_MISMATCH',
      `${policy.source} does not fit this scenario: ${error.message.replace(/^ShopfloorEnv: /, '')}`,
    );
  }
}

/**
 * Runs the scenario's replications with `policies` (see the module documentation) and aggregates them
 * as `runScenario` does. Call {@link checkPoliciesFit} first for its notes; this checks again.
 * @throws PolicyError for policies that do not fit; RangeError for a bad `maxEvents` or `maxWallS`;
 *   `DeadlockError` when a replication can make no more progress.
 */
export async function runScenarioWithPolicies(
  scenario: Scenario,
  policies: LoadedPolicies,
  options: RunWithPoliciesOptions = {},
): Promise<ScenarioResult> {
  return aggregateReplications(await runReplicationsWithPolicies(scenario, policies, options));
}

/**
 * {@link runScenarioWithPolicies} without the aggregation: every replication's raw results, as
 * `runReplications` returns them (for reports that need more than the figures).
 */
export async function runReplicationsWithPolicies(
  scenario: Scenario,
  policies: LoadedPolicies,
  options: RunWithPoliciesOptions = {},
): Promise<ReplicationRun> {
  checkPoliciesFit(scenario, policies);
  const ruled = withRules(scenario, policies.choices);
  if (policies.onnx === null) return runReplications(ruled, options);
  const limits = new RunLimits(options);
  const seed = options.seed ?? scenario.run.seed;
  const replications = options.replications ?? scenario.run.replications;
  const horizonS = options.horizon ?? scenario.run.horizon;
  const warmupS = options.warmup ?? scenario.run.warmup;
  const effective: Scenario = { ...ruled, run: { ...ruled.run, horizon: horizonS, warmup: warmupS } };
  // Observers (a trace, an event log) watch each episode as they watch a run without a trained policy.
  const observers = options.observe ?? [];
  const env = makeEnv(effective, policies, horizonS, {
    statistics: true,
    limits,
    onModel: (model, r) => {
      options.onModel?.(model, r);
      const run = { scenario: effective, replication: r, replications, seed: seed + r, horizonS, warmupS };
      for (const o of observers) o.start(model, run);
    },
    pauses:
      observers.length === 0
        ? undefined
        : {
            nextStopS: (nowS) => nextObserverStop(observers, nowS, horizonS),
            at: (nowS) => {
              for (const o of observers) o.at?.(nowS);
            },
          },
  });
  const { policy } = policies.onnx;
  const runs: ReplicationData[] = [];
  const partial: string[] = [];
  let events = 0;
  let episode = false;
  try {
    for (let r = 0; r < replications; r++) {
      episode = true;
      let { observation, info } = env.reset({ seed: seed + r });
      for (let step = 0; !info.done; step++) {
        const mask = info.actionMask;
        const { action, logits } = await policy.act(observation, mask);
        options.onDecision?.({
          replication: r,
          step,
          nowS: info.nowS,
          observation: observation.slice(),
          mask: mask.slice(),
          logits,
          action,
        });
        ({ observation, info } = env.step(action));
        if ((step + 1) % PROGRESS_DECISIONS === 0)
          options.onProgress?.({ replication: r, replications, nowS: info.nowS, horizonS });
      }
      // The environment stops an episode at its limit (exactly at maxEvents events), as runReplications does.
      const stopped = env.stoppedBy;
      if (info.deadlock !== undefined) throw new DeadlockError(info.deadlock, []);
      episode = false;
      const model = env.currentModel!;
      const endS = stopped === null ? horizonS : model.sim.now;
      for (const o of observers) o.end?.(endS, stopped === null ? 'horizon' : 'stopped');
      events += model.sim.eventCount;
      runs.push({
        plant: model.statistics!.report(endS),
        orders: model.orders === null ? null : model.orders.report(endS),
        crewMembers: new Map(model.crewMembers),
      });
      options.onProgress?.({ replication: r, replications, nowS: endS, horizonS });
      options.onReplication?.(r + 1, replications);
      if (stopped !== null) {
        partial.push(
          ...limits.notes(stopped, r, replications, { endS, horizonS, warmupS }, model.sim.eventCount),
        );
        if (stopped === 'maxWall') break;
      }
    }
  } catch (error) {
    if (episode) for (const o of observers) o.abort?.(error);
    throw error;
  } finally {
    env.close();
  }
  return {
    seed,
    replications: runs.length,
    partial: partial.length > 0,
    partialReason: partial.length > 0 ? partial.join('; ') : null,
    horizonS,
    warmupS,
    events,
    runs,
  };
}
