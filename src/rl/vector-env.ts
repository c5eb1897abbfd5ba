import { EnvClosedError, EnvConfigError, InvalidActionError } from './errors.js';
import { type EnvInfo, ShopfloorEnv, type ShopfloorEnvOptions } from './shopfloor-env.js';
import type { BoxSpace, DiscreteSpace } from './spaces.js';

/** Options of a {@link VectorEnv}: those of each {@link ShopfloorEnv}, and how many. */
export interface VectorEnvOptions extends ShopfloorEnvOptions {
  /** Number of sub-environments (an integer ≥ 1). */
  readonly numEnvs: number;
}

/** What `VectorEnv.reset` returns. Arrays are the vector env's own, rewritten by the next call. */
export interface VectorResetResult {
  /** `numEnvs × observationSize` observations, env i at `[i × observationSize, (i+1) × observationSize)`. */
  readonly observations: Float32Array;
  /** `numEnvs × maxCandidates` action masks, row i for env i. */
  readonly actionMasks: Uint8Array;
  readonly infos: readonly EnvInfo[];
}

/** What `VectorEnv.step` returns. Arrays are the vector env's own, rewritten by the next call. */
export interface VectorStepResult extends VectorResetResult {
  readonly rewards: Float64Array;
  /** 1 where the sub-environment terminated with this step. */
  readonly terminated: Uint8Array;
  /** 1 where it was truncated with this step. */
  readonly truncated: Uint8Array;
}

/**
 * `numEnvs` {@link ShopfloorEnv}s of one scenario in this process, stepped together with batched typed
 * arrays in and out.
 *
 * - Seeds: sub-environment i starts from `seed + i` (the options' `seed`, or the scenario's `run.seed`);
 *   `reset({ seed })` re-seeds env i with `seed + i`; without a seed each continues its own sequence.
 * - Autoreset, as Gymnasium 1.x's `next_step` mode: the step that ends an episode of env i returns its
 *   terminal observation, reward and flags; the **next** `step` resets env i (no seed: the next of its
 *   sequence), ignores its action, and returns its first observation with reward 0 and terminated and
 *   truncated 0 (its `info` is the reset's).
 * - Illegal actions: with `illegalAction: 'raise'` every action is checked before any sub-environment
 *   steps, so an {@link InvalidActionError} (naming the env) leaves all of them unchanged; with
 *   `'penalty'` each sub-environment applies its penalty.
 */
export class VectorEnv {
  readonly numEnvs: number;
  /** Space of one sub-environment's observation. */
  readonly singleObservationSpace: BoxSpace;
  /** Space of one sub-environment's action. */
  readonly singleActionSpace: DiscreteSpace;
  readonly observationSize: number;
  readonly maxCandidates: number;
  readonly observationFeatureNames: readonly string[];

  private readonly envs: ShopfloorEnv[];
  private readonly observations: Float32Array;
  private readonly masks: Uint8Array;
  private readonly rewards: Float64Array;
  private readonly terminated: Uint8Array;
  private readonly truncated: Uint8Array;
  private readonly infos: EnvInfo[];
  private readonly needsReset: Uint8Array;
  private started = false;
  private closed = false;

  constructor(options: VectorEnvOptions) {
    const n = options?.numEnvs;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= 1)) {
      throw new EnvConfigError(`VectorEnv: numEnvs must be an integer >= 1 (got ${String(n)})`);
    }
    this.numEnvs = n;
    const base = options.seed ?? options.scenario?.run.seed ?? 0;
    this.envs = Array.from({ length: n }, (_, i) => new ShopfloorEnv({ ...options, seed: base + i }));
    const first = this.envs[0]!;
    this.singleObservationSpace = first.observationSpace;
    this.singleActionSpace = first.actionSpace;
    this.observationSize = first.observationSize;
    this.maxCandidates = first.maxCandidates;
    this.observationFeatureNames = first.observationFeatureNames;
    this.observations = new Float32Array(n * this.observationSize);
    this.masks = new Uint8Array(n * this.maxCandidates);
    this.rewards = new Float64Array(n);
    this.terminated = new Uint8Array(n);
    this.truncated = new Uint8Array(n);
    this.infos = new Array<EnvInfo>(n);
    this.needsReset = new Uint8Array(n);
  }

  /** The sub-environments (read them; stepping one directly breaks the vector's bookkeeping). */
  get subEnvs(): readonly ShopfloorEnv[] {
    return this.envs;
  }

  /** Resets every sub-environment (env i with `seed + i` when a seed is given). */
  reset(options: { readonly seed?: number } = {}): VectorResetResult {
    this.assertOpen('reset');
    for (let i = 0; i < this.numEnvs; i++) {
      const r = this.envs[i]!.reset(options.seed === undefined ? {} : { seed: options.seed + i });
      this.take(i, r.observation, r.info);
    }
    this.needsReset.fill(0);
    this.rewards.fill(0);
    this.terminated.fill(0);
    this.truncated.fill(0);
    this.started = true;
    return { observations: this.observations, actionMasks: this.masks, infos: this.infos };
  }

  /**
   * Steps every sub-environment with its action (`actions[i]` for env i; ignored for an env being
   * autoreset). See the class documentation for autoreset and illegal actions.
   */
  step(actions: Int32Array | readonly number[]): VectorStepResult {
    this.checkActions(actions);
    for (let i = 0; i < this.numEnvs; i++) {
      const env = this.envs[i]!;
      if (this.needsReset[i] === 1) {
        const r = env.reset();
        this.take(i, r.observation, r.info);
        this.rewards[i] = 0;
        this.terminated[i] = 0;
        this.truncated[i] = 0;
        this.needsReset[i] = 0;
        continue;
      }
      const r = env.step(actions[i]!);
      this.take(i, r.observation, r.info);
      this.rewards[i] = r.reward;
      this.terminated[i] = r.terminated ? 1 : 0;
      this.truncated[i] = r.truncated ? 1 : 0;
      if (r.terminated || r.truncated) this.needsReset[i] = 1;
    }
    return {
      observations: this.observations,
      actionMasks: this.masks,
      infos: this.infos,
      rewards: this.rewards,
      terminated: this.terminated,
      truncated: this.truncated,
    };
  }

  /**
   * Throws what `step(actions)` would throw before stepping anything (closed, not reset, a wrong number of
   * actions, an illegal action of an env with `illegalAction: 'raise'`); changes nothing.
   */
  checkActions(actions: Int32Array | readonly number[]): void {
    this.assertOpen('step');
    if (!this.started) throw new EnvConfigError('VectorEnv.step: call reset() before the first step');
    if (actions === null || typeof actions !== 'object' || actions.length !== this.numEnvs) {
      throw new InvalidActionError(
        `VectorEnv.step: expected ${this.numEnvs} actions (got ${actions === null || typeof actions !== 'object' ? String(actions) : `${actions.length}`})`,
        actions,
        [],
      );
    }
    for (let i = 0; i < this.numEnvs; i++) {
      const env = this.envs[i]!;
      if (this.needsReset[i] === 1 || env.illegalAction !== 'raise') continue;
      const problem = env.actionProblem(actions[i]);
      if (problem !== undefined) throw illegalVectorAction(i, actions[i], problem, env.legalActions());
    }
  }

  /**
   * Builds ahead the plants of the sub-environments that the next `step` autoresets
   * (`ShopfloorEnv.prepareNextEpisode`): work the env server does while its client thinks.
   */
  prepareResets(): void {
    if (this.closed) return;
    for (let i = 0; i < this.numEnvs; i++) if (this.needsReset[i] === 1) this.envs[i]!.prepareNextEpisode();
  }

  /** Closes every sub-environment. Idempotent; any later call but `close` throws {@link EnvClosedError}. */
  close(): void {
    for (const env of this.envs) env.close();
    this.closed = true;
  }

  private take(i: number, observation: Float32Array, info: EnvInfo): void {
    this.observations.set(observation, i * this.observationSize);
    this.masks.set(info.actionMask, i * this.maxCandidates);
    this.infos[i] = info;
  }

  private assertOpen(method: string): void {
    if (this.closed) throw new EnvClosedError(`VectorEnv.${method}: the environment is closed`);
  }
}

/** The error of `VectorEnv.step` for sub-environment `i`'s illegal `action` (`problem`: why). */
export function illegalVectorAction(
  i: number,
  action: unknown,
  problem: string,
  legal: number[],
): InvalidActionError {
  return new InvalidActionError(
    `VectorEnv.step: env ${i}: action ${String(action)} is ${problem}; legal actions now: [${legal.join(', ')}]`,
    action,
    legal,
  );
}
