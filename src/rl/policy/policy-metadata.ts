/**
 * What a trained policy's ONNX file says about itself, in its `metadata_props` under the key
 * {@link POLICY_METADATA_KEY}: a JSON object written by `shopfloor_gym.export_onnx` (Python) and read
 * here. It records the observation the policy was trained on (so that a run can check that the scenario
 * produces the same one) and how its output becomes an action:
 *
 * ```json
 * { "format": 1, "input": "observation", "output": "logits", "action": "masked-argmax",
 *   "observation": { "size": 103, "layoutVersion": 1, "featureNames": ["time", …], "agent": ["dispatch"],
 *                    "slots": "product", "maxCandidates": 6, "scales": { "timeS": 5.0, … } },
 *   "scenario": { "fingerprint": "9f2c…", "name": "ft06" },
 *   "producer": { "library": "sb3-contrib", "algorithm": "MaskablePPO", … } }
 * ```
 *
 * - `input`: the graph input, float32 `[batch, size]`; `output`: float32 `[batch, maxCandidates]`, one
 *   unnormalised logit per action slot.
 * - `masked-argmax`: the action is the slot with the highest logit among those the action mask allows
 *   (the lowest such slot on a tie), as MaskablePPO's deterministic `predict(obs, action_masks=…)`.
 * - `layoutVersion` is `OBSERVATION_LAYOUT_VERSION` of `observation.ts` when the policy was trained;
 *   `scales` are the observation's divisors then, reused as they are when the policy runs.
 */
import { z } from 'zod';
import type { DecisionKind } from '../../policies/contract.js';
import { DECISION_KINDS } from '../../policies/decision-kinds.js';
import type { ObservationScales, SlotMode } from '../observation.js';
import { PolicyError } from './policy-error.js';

/** The `metadata_props` key holding the policy's JSON description. */
export const POLICY_METADATA_KEY = 'shopfloor.policy';

/** Version of the JSON object under {@link POLICY_METADATA_KEY} that this code reads and writes. */
export const POLICY_METADATA_FORMAT = 1;

/** How the policy's output becomes an action (the only one defined). */
export const MASKED_ARGMAX = 'masked-argmax';

const positive = z.number().finite().positive();
const ScalesSchema = z.strictObject({
  timeS: positive,
  horizonS: positive,
  wip: positive,
  distanceM: positive,
  priority: positive,
  operations: positive,
});

const MetadataSchema = z.object({
  format: z.literal(POLICY_METADATA_FORMAT, {
    error: `expected ${POLICY_METADATA_FORMAT} (a model exported by a newer shopfloor_gym?)`,
  }),
  input: z.string().min(1),
  output: z.string().min(1),
  action: z.literal(MASKED_ARGMAX, { error: `expected "${MASKED_ARGMAX}"` }),
  observation: z.object({
    size: z.number().int().positive(),
    layoutVersion: z.number().int().positive(),
    featureNames: z.array(z.string()),
    agent: z.array(z.enum(DECISION_KINDS as unknown as [DecisionKind, ...DecisionKind[]])).min(1),
    slots: z.enum(['queue', 'product']),
    maxCandidates: z.number().int().positive(),
    scales: ScalesSchema,
  }),
  scenario: z
    .object({ fingerprint: z.string().nullable().optional(), name: z.string().nullable().optional() })
    .optional(),
  producer: z.record(z.string(), z.unknown()).optional(),
});

/** The observation a policy was trained on (see the module documentation). */
export interface PolicyObservationSpec {
  /** Number of float32 features. */
  readonly size: number;
  /** `OBSERVATION_LAYOUT_VERSION` at training time. */
  readonly layoutVersion: number;
  readonly featureNames: readonly string[];
  /** Decision kinds the policy answers. */
  readonly agent: readonly DecisionKind[];
  readonly slots: SlotMode;
  /** Action slots (the length of the output and of the mask). */
  readonly maxCandidates: number;
  /** The observation's divisors at training time (durations s, distances m). */
  readonly scales: ObservationScales;
}

/** The parsed JSON under {@link POLICY_METADATA_KEY}. */
export interface PolicyMetadata {
  readonly format: number;
  /** Name of the graph input: float32 `[batch, observation.size]`. */
  readonly input: string;
  /** Name of the graph output: float32 `[batch, observation.maxCandidates]` logits. */
  readonly output: string;
  readonly action: typeof MASKED_ARGMAX;
  readonly observation: PolicyObservationSpec;
  /** The scenario it was trained on: `scenarioFingerprint` and name, when known. */
  readonly scenario?: { readonly fingerprint?: string | null; readonly name?: string | null };
  /** Who exported it (library, algorithm, versions): informational. */
  readonly producer?: Readonly<Record<string, unknown>>;
}

/**
 * Parses and checks the policy metadata of a model's `metadata_props`.
 * @param source the file name, for messages.
 * @throws PolicyError `POLICY_METADATA` naming every problem with its path (e.g. `observation.slots`).
 */
export function parsePolicyMetadata(metadata: ReadonlyMap<string, string>, source: string): PolicyMetadata {
  const text = metadata.get(POLICY_METADATA_KEY);
  if (text === undefined) {
    const keys = [...metadata.keys()];
    throw new PolicyError(
      'POLICY_METADATA',
      `${source}: no "${POLICY_METADATA_KEY}" entry in the model's metadata_props (has: ${keys.length > 0 ? keys.join(', ') : 'none'}); export the policy with shopfloor_gym.export_onnx`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(
      'POLICY_METADATA',
      `${source}: metadata "${POLICY_METADATA_KEY}" is not JSON (${(error as Error).message})`,
    );
  }
  const parsed = MetadataSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.message} → at ${i.path.length > 0 ? i.path.join('.') : '(root)'}`,
    );
    throw new PolicyError(
      'POLICY_METADATA',
      `${source}: metadata "${POLICY_METADATA_KEY}" is not valid:\n  ${problems.join('\n  ')}`,
    );
  }
  const m = parsed.data;
  const o = m.observation;
  if (o.featureNames.length !== o.size) {
    throw new PolicyError(
      'POLICY_METADATA',
      `${source}: metadata observation.featureNames has ${o.featureNames.length} names for size ${o.size}`,
    );
  }
  return m as PolicyMetadata;
}

/** The observation an environment produces, as compared with a policy's {@link PolicyObservationSpec}. */
export interface EnvObservationSpec {
  readonly layoutVersion: number;
  readonly featureNames: readonly string[];
  readonly agent: readonly DecisionKind[];
  readonly slots: SlotMode;
  readonly maxCandidates: number;
}

/** Largest number of differing feature names a mismatch message lists. */
const MAX_LISTED = 6;

/**
 * Every way in which the observation of a scenario's environment differs from the one a policy was
 * trained on, one sentence each (empty when they are the same).
 */
export function observationSpecProblems(policy: PolicyObservationSpec, env: EnvObservationSpec): string[] {
  const problems: string[] = [];
  if (policy.layoutVersion !== env.layoutVersion) {
    problems.push(
      `observation layout version: the model has ${policy.layoutVersion}, this shopfloor writes ${env.layoutVersion}`,
    );
  }
  if (policy.agent.join(',') !== env.agent.join(',')) {
    problems.push(
      `decision kinds: the model answers ${policy.agent.join(', ')}, the run asks ${env.agent.join(', ')}`,
    );
  }
  if (policy.slots !== env.slots) problems.push(`slots: the model has ${policy.slots}, the run ${env.slots}`);
  if (policy.maxCandidates !== env.maxCandidates) {
    problems.push(
      `maxCandidates (action slots): the model has ${policy.maxCandidates}, the scenario ${env.maxCandidates}`,
    );
  }
  const a = policy.featureNames;
  const b = env.featureNames;
  if (a.length !== b.length) {
    problems.push(`observation size: the model takes ${a.length} features, the scenario gives ${b.length}`);
  }
  const onlyModel = a.filter((n) => !b.includes(n));
  const onlyEnv = b.filter((n) => !a.includes(n));
  const list = (names: readonly string[]) =>
    names.length > MAX_LISTED
      ? `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length} in all)`
      : names.join(', ');
  if (onlyModel.length > 0) problems.push(`features only in the model: ${list(onlyModel)}`);
  if (onlyEnv.length > 0) problems.push(`features only in the scenario: ${list(onlyEnv)}`);
  if (onlyModel.length === 0 && onlyEnv.length === 0 && a.length === b.length) {
    const moved: string[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) moved.push(`#${i} ${a[i]} vs ${b[i]}`);
    if (moved.length > 0) problems.push(`features in another order: ${list(moved)}`);
  }
  return problems;
}
