/**
 * The reinforcement-learning environment, in process: {@link ShopfloorEnv} with Gymnasium's semantics,
 * its spaces, observations and rewards, the batched {@link VectorEnv}, and {@link checkEnv}, the
 * executable contract.
 */

export type { CheckEnvOptions, CheckEnvReport, CheckResult } from './check-env.js';
export { CheckEnvError, checkEnv } from './check-env.js';
export type { EnvErrorCode } from './errors.js';
export { EnvClosedError, EnvConfigError, EnvError, InvalidActionError, NeedsResetError } from './errors.js';
export type { ObservationScales, SlotMode } from './observation.js';
export {
  CANDIDATE_FEATURES,
  CONTEXT_FEATURES,
  OBSERVATION_CLIP,
  OBSERVATION_LAYOUT_VERSION,
  observationFeatureNames,
} from './observation.js';
export type { OnnxModelInfo } from './policy/onnx-metadata.js';
export { readOnnxMetadata } from './policy/onnx-metadata.js';
export { maskedArgmax, OnnxPolicy } from './policy/onnx-policy.js';
export type { PolicyChoice } from './policy/policy-choice.js';
export { checkPolicyChoices, parsePolicyChoice, RULE_NAMES, withRules } from './policy/policy-choice.js';
export type { PolicyErrorCode } from './policy/policy-error.js';
export { PolicyError } from './policy/policy-error.js';
export type {
  EnvObservationSpec,
  PolicyMetadata,
  PolicyObservationSpec,
} from './policy/policy-metadata.js';
export {
  MASKED_ARGMAX,
  observationSpecProblems,
  POLICY_METADATA_FORMAT,
  POLICY_METADATA_KEY,
  parsePolicyMetadata,
} from './policy/policy-metadata.js';
export type {
  LoadedPolicies,
  LoadPoliciesOptions,
  PolicyDecision,
  PolicyFit,
  RunWithPoliciesOptions,
} from './policy/run-with-policies.js';
export {
  checkPoliciesFit,
  loadPolicies,
  runReplicationsWithPolicies,
  runScenarioWithPolicies,
  sharedPolicies,
} from './policy/run-with-policies.js';
export type { CostWeights, RewardContext, RewardFunction, RewardName } from './reward.js';
export { DEFAULT_COST_WEIGHTS } from './reward.js';
export { scenarioFingerprint } from './scenario-fingerprint.js';
export type {
  EnvInfo,
  EpisodePauses,
  IllegalActionMode,
  ResetOptions,
  ResetResult,
  ShopfloorEnvOptions,
  StepResult,
} from './shopfloor-env.js';
export { ShopfloorEnv } from './shopfloor-env.js';
export type { BoxSpace, DiscreteSpace, MultiBinarySpace, Space } from './spaces.js';
export { boxSize, contains, spaceProblems } from './spaces.js';
export type { VectorEnvOptions, VectorResetResult, VectorStepResult } from './vector-env.js';
export { VectorEnv } from './vector-env.js';
