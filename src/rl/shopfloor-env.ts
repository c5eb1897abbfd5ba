import type { RunResult } from '../engine/index.js';
import { DeadlockError, type DecisionStop, type Plant } from '../entities/index.js';
import type { AnyDecisionPoint, DecisionKind } from '../policies/contract.js';
import {
  type BuiltModel,
  buildPlant,
  type LimitReason,
  type PlantPlan,
  planPlant,
  RunLimits,
  type Scenario,
} from '../scenario/index.js';
import {
  checkAgent,
  defaultMaxCandidates,
  defaultScales,
  positiveInt,
  showAction,
  slotProblem,
  whyNot,
} from './_internal/env-options.js';
import { runToDecision } from './_internal/run-to-decision.js';
import { possibleDecisionKinds, type ScenarioInfo, scenarioInfo } from './_internal/scenario-info.js';
import { isSeed, nextSeed } from './_internal/seeds.js';
import { EnvClosedError, EnvConfigError, InvalidActionError, NeedsResetError } from './errors.js';
import { ObservationBuilder, type ObservationScales, type SlotMode } from './observation.js';
import {
  type CostWeights,
  createReward,
  DEFAULT_COST_WEIGHTS,
  type Reward,
  type RewardContext,
  type RewardFunction,
  type RewardName,
} from './reward.js';
import {
  type BoxSpace,
  boxSpace,
  type DiscreteSpace,
  discreteSpace,
  type MultiBinarySpace,
  multiBinarySpace,
} from './spaces.js';

/** What happens to an illegal action (see {@link ShopfloorEnv.step}). */
export type IllegalActionMode = 'raise' | 'penalty';

/** Options of a {@link ShopfloorEnv}; unset ones come from the scenario's `env` section, then the defaults. */
export interface ShopfloorEnvOptions {
  /** The validated scenario (from `loadScenario` / `loadScenarioFile`). */
  readonly scenario: Scenario;
  /** Decision kinds the agent answers; the others stay with the scenario's rules (default `['dispatch']`). */
  readonly agent?: readonly DecisionKind[];
  /**
   * Reward (see `reward.ts`): a built-in name or a function of the step's context (default `makespan`
   * when every part is released at time 0, as in a job shop; else `throughput`).
   */
  readonly reward?: RewardName | RewardFunction;
  /** Factor applied to every reward, e.g. `1 / 60` for a makespan in minutes (default 1). */
  readonly rewardScale?: number;
  /** Weights of the `cost` reward (defaults: `DEFAULT_COST_WEIGHTS`). */
  readonly costWeights?: Partial<CostWeights>;
  /** An episode is truncated after this many steps (default: never). */
  readonly maxSteps?: number;
  /** An episode is truncated at this simulated time, s (default: the scenario's `run.horizon`). */
  readonly horizonS?: number;
  /** How candidates map to actions (default `queue`; `product` for dispatch only). */
  readonly slots?: SlotMode;
  /** Action slots (default: see {@link ShopfloorEnv.maxCandidates}). */
  readonly maxCandidates?: number;
  /** `raise` (default): an illegal action throws {@link InvalidActionError}; `penalty`: see `step`. */
  readonly illegalAction?: IllegalActionMode;
  /** Reward of an illegal action with `illegalAction: 'penalty'` is `−penalty` (default 1; not scaled). */
  readonly penalty?: number;
  /**
   * Hand the agent decisions with a single option too (default `false`: those are taken at once and
   * never seen). With `true` every decision of the agent kinds is a step.
   */
  readonly askTrivial?: boolean;
  /** Seed of the first episode when `reset` gets none (default: the scenario's `run.seed`). */
  readonly seed?: number;
  /** Overrides of the observation's scales (see `ObservationScales`). */
  readonly scales?: Partial<ObservationScales>;
  /**
   * Connect the KPI collector to each episode's plant (default `false`: the environment reads events
   * only). With `true`, `currentModel.statistics` reports the episode as `runScenario` would, e.g. to
   * evaluate a trained policy on the run's KPIs.
   */
  readonly statistics?: boolean;
  /**
   * Called with each episode's plant right after `reset` builds it, before the first event runs (e.g. to
   * record the episode's schedule); it may listen to the plant's events, never change the plant.
   */
  readonly onEpisodeStart?: (plant: Plant, env: ShopfloorEnv) => void;
  /**
   * Pauses of an episode's run between decisions, for observers that act at set times (a trace writer's
   * keyframes): `nextStopS(nowS)` is the next pause after `nowS`, s (`Infinity` for none), and `at(nowS)`
   * is called there, once every event before that time has run and none at it. Pausing changes no event
   * and no random draw.
   */
  readonly pauses?: EpisodePauses;
  /**
   * Limits of a run (events per episode, wall-clock time): an episode that reaches one ends there,
   * truncated, with {@link ShopfloorEnv.stoppedBy} saying which (checked every `PROGRESS_EVENTS` events).
   */
  readonly limits?: RunLimits;
}

/** See {@link ShopfloorEnvOptions.pauses}. */
export interface EpisodePauses {
  /** The next pause after `nowS` (s); `Infinity` for none. */
  nextStopS(nowS: number): number;
  /** Called at a pause, with the clock there (s). */
  at(nowS: number): void;
}

/** The `info` of a reset or a step. Arrays in it are the environment's own: copy them to keep them. */
export interface EnvInfo {
  /** 1 for each legal action now (all 0 once the episode is over). Same buffer as `actionMasks()`. */
  readonly actionMask: Uint8Array;
  /** The decision the next action answers (`null` when the episode is over or has no decision). */
  readonly decision: AnyDecisionPoint | null;
  /**
   * Simulated time, s. Once an episode has ended the clock stands where the run stopped: at the horizon
   * when it ran out of events before it (use `makespanS` for the time the last part finished).
   */
  readonly nowS: number;
  /** Steps taken in this episode. */
  readonly step: number;
  /** Episodes started by this environment (1 for the first). */
  readonly episode: number;
  /** Seed of this episode's simulation. */
  readonly seed: number;
  /**
   * `true` when no decision is pending: the episode is over, or (after `reset`) it ended before its
   * first decision — then only action 0 is legal, a no-op that returns the terminal step.
   */
  readonly done: boolean;
  /** Parts finished so far. */
  readonly finished: number;
  /** Time the last part finished, s, once the episode terminated (its makespan); else `undefined`. */
  readonly makespanS: number | undefined;
  /** On a step that was an illegal action under `illegalAction: 'penalty'`: what was wrong; else `undefined`. */
  readonly illegalAction: string | undefined;
  /** When the episode terminated in a deadlock (the run could make no more progress): the message. */
  readonly deadlock: string | undefined;
}

/** What `reset` returns. */
export interface ResetResult {
  /** The environment's observation buffer, rewritten by the next call: `.slice()` it to keep it. */
  readonly observation: Float32Array;
  readonly info: EnvInfo;
}

/** What `step` returns (Gymnasium's 5-tuple). */
export interface StepResult {
  /** The environment's observation buffer, rewritten by the next call: `.slice()` it to keep it. */
  readonly observation: Float32Array;
  readonly reward: number;
  /** Every part is finished: the episode reached its end state. */
  readonly terminated: boolean;
  /** The episode was cut short: horizon or `maxSteps` reached. */
  readonly truncated: boolean;
  readonly info: EnvInfo;
}

/** Options of {@link ShopfloorEnv.reset}, as Gymnasium's. */
export interface ResetOptions {
  /** Re-seeds the episode sequence: this episode runs with this seed (a safe integer ≥ 0). */
  readonly seed?: number;
  /** Accepted for Gymnasium compatibility; no option is defined yet. */
  readonly options?: Readonly<Record<string, unknown>>;
}

type Ending = 'terminated' | 'truncated' | null;

/**
 * The RL environment, in process, with Gymnasium's semantics (`reset`, `step`, `close`, spaces, an
 * action mask in `info`). One episode is one run of the scenario: the simulation runs until the next
 * decision of an agent kind (decisions with a single option are taken automatically and never seen),
 * hands out its observation and mask, takes the action (a slot index, see `observation.ts`), and runs on.
 *
 * - `reset({ seed })` builds a new plant. With a seed, the episode runs with it; without one it takes
 *   the next seed of a deterministic sequence (s₀ = the constructor's `seed`, or the scenario's
 *   `run.seed`; sᵢ₊₁ = `nextSeed(sᵢ)`, a 32-bit mix), so `reset({ seed: s })` followed by the same
 *   actions always gives the same episode, and so does a fresh environment reset without seeds.
 * - `terminated`: every part is finished (nothing in the system, nothing left to release), or the run
 *   deadlocked (`info.deadlock` says where). `truncated`: the horizon or `maxSteps` was reached.
 * - An illegal action (masked out, out of range, not an integer, NaN, not a number) never does
 *   anything else: with `illegalAction: 'raise'` it throws {@link InvalidActionError} naming the action
 *   and the legal ones; with `'penalty'` the step returns reward `−penalty`, the same observation and
 *   the same pending decision, and counts towards `maxSteps` (so a policy that keeps failing still
 *   ends its episodes).
 * - An episode that ends before its first decision: `reset` returns `info.done = true` and a mask with
 *   only slot 0, a no-op; `step(0)` returns the terminal step with the whole episode's reward.
 * - The observation returned is the environment's own buffer, rewritten in place by the next call.
 */
export class ShopfloorEnv {
  /** The observation space: a float32 box (see `observationFeatureNames`). */
  readonly observationSpace: BoxSpace;
  /** The action space: `Discrete(maxCandidates)`. */
  readonly actionSpace: DiscreteSpace;
  /** The action mask's space: `MultiBinary(maxCandidates)`. */
  readonly actionMaskSpace: MultiBinarySpace;
  /** Feature names, one per observation element. */
  readonly observationFeatureNames: readonly string[];
  /** Decision kinds the agent answers. */
  readonly agent: readonly DecisionKind[];
  /**
   * Action slots. Default: the number of products with `slots: 'product'`; otherwise the largest over
   * the agent kinds of — dispatch: the parts to make when at most 64, else 16; routing: the most
   * alternatives of a step; crew: the servers that need crews, at most 16; transport: 16; maintenance: 2.
   */
  readonly maxCandidates: number;
  readonly slots: SlotMode;
  readonly illegalAction: IllegalActionMode;
  readonly penalty: number;
  readonly rewardScale: number;
  readonly maxSteps: number;
  readonly horizonS: number;
  /** Name of the reward. */
  readonly rewardName: string;
  /** Single-option decisions reach the agent too. */
  readonly askTrivial: boolean;
  /** The divisors of the observation's features (the defaults, with the `scales` option applied). */
  readonly scales: ObservationScales;

  private readonly scenario: Scenario;
  private readonly onEpisodeStart: ((plant: Plant, env: ShopfloorEnv) => void) | undefined;
  private readonly pauses: EpisodePauses | undefined;
  private readonly info: ScenarioInfo;
  private readonly builder: ObservationBuilder;
  private readonly reward: Reward;
  private readonly observation: Float32Array;
  private readonly limits: RunLimits | undefined;
  private stoppedBy_: LimitReason | null = null;
  private readonly ctx: {
    plant: Plant;
    now: number;
    previousNow: number;
    point: AnyDecisionPoint | null;
    terminated: boolean;
    truncated: boolean;
    step: number;
    finishedSinceLast: number;
  };
  private readonly statistics: boolean;
  /** The scenario's seed-independent part of every episode's plant, derived once (see `planPlant`). */
  private readonly plan: PlantPlan;
  private model: BuiltModel | null = null;
  /** The next episode's model, built ahead by {@link ShopfloorEnv.prepareNextEpisode} for seed `seed`. */
  private prepared: { readonly seed: number; readonly model: BuiltModel } | null = null;
  private plant: Plant | null = null;
  private point: AnyDecisionPoint | null = null;
  /** Set once the episode is over, or (with `noop`) when it ended before its first decision. */
  private ending: Ending = null;
  /** The episode ended before its first decision; the next legal step (action 0) reports it. */
  private noop = false;
  private over = true;
  private closed = false;
  private seedNext: number;
  private episodeSeed = 0;
  private episodes = 0;
  private steps = 0;
  private finishedBefore = 0;
  private lastNow = 0;
  private lastFinishS = 0;
  private deadlock: string | undefined;

  constructor(options: ShopfloorEnvOptions) {
    if (options === null || typeof options !== 'object' || options.scenario === undefined) {
      throw new EnvConfigError('ShopfloorEnv: options must be an object with a scenario');
    }
    const scenario = options.scenario;
    const env = scenario.env;
    this.scenario = scenario;
    this.onEpisodeStart = options.onEpisodeStart;
    const pauses = options.pauses;
    if (
      pauses !== undefined &&
      (pauses === null ||
        typeof pauses !== 'object' ||
        typeof pauses.nextStopS !== 'function' ||
        typeof pauses.at !== 'function')
    ) {
      throw new EnvConfigError(
        'ShopfloorEnv: pauses must be an object with functions nextStopS(nowS) and at(nowS)',
      );
    }
    this.pauses = pauses;
    if (options.limits !== undefined && !(options.limits instanceof RunLimits))
      throw new EnvConfigError(
        'ShopfloorEnv: limits must be a RunLimits (new RunLimits({ maxEvents, maxWallS }))',
      );
    this.limits = options.limits;
    this.info = scenarioInfo(scenario);

    const agent = options.agent ?? env?.agent ?? ['dispatch'];
    checkAgent(agent);
    this.askTrivial = options.askTrivial ?? false;
    if (typeof this.askTrivial !== 'boolean') {
      throw new EnvConfigError(
        `ShopfloorEnv: askTrivial must be true or false (got ${String(this.askTrivial)})`,
      );
    }
    const possible = possibleDecisionKinds(scenario, this.askTrivial);
    for (const k of agent) {
      if (!possible.has(k)) {
        throw new EnvConfigError(
          `ShopfloorEnv: agent kind ${k} never occurs in scenario ${scenario.name ?? '(unnamed)'} with more than one option (${whyNot(k)}); kinds that can occur: ${[...possible].join(', ') || 'none'}`,
        );
      }
    }
    this.agent = [...agent];

    this.slots = options.slots ?? env?.slots ?? 'queue';
    if (this.slots !== 'queue' && this.slots !== 'product') {
      throw new EnvConfigError(
        `ShopfloorEnv: slots must be queue or product (got ${JSON.stringify(this.slots)})`,
      );
    }
    if (this.slots === 'product' && (this.agent.length !== 1 || this.agent[0] !== 'dispatch')) {
      throw new EnvConfigError(
        `ShopfloorEnv: slots: 'product' needs agent [dispatch] alone (got [${this.agent.join(', ')}])`,
      );
    }
    const givenMax = options.maxCandidates ?? env?.maxCandidates;
    if (givenMax !== undefined) positiveInt('maxCandidates', givenMax);
    if (this.slots === 'product') {
      const n = this.info.productIds.length;
      if (givenMax !== undefined && givenMax !== n) {
        throw new EnvConfigError(
          `ShopfloorEnv: with slots: 'product' maxCandidates is the number of products, ${n} (got ${givenMax})`,
        );
      }
      this.maxCandidates = n;
    } else this.maxCandidates = givenMax ?? defaultMaxCandidates(this.agent, scenario, this.info);

    this.illegalAction = options.illegalAction ?? env?.illegalAction ?? 'raise';
    if (this.illegalAction !== 'raise' && this.illegalAction !== 'penalty') {
      throw new EnvConfigError(
        `ShopfloorEnv: illegalAction must be raise or penalty (got ${JSON.stringify(this.illegalAction)})`,
      );
    }
    this.penalty = options.penalty ?? env?.penalty ?? 1;
    if (!(typeof this.penalty === 'number' && Number.isFinite(this.penalty) && this.penalty >= 0)) {
      throw new EnvConfigError(
        `ShopfloorEnv: penalty must be a finite number >= 0 (got ${String(this.penalty)})`,
      );
    }
    this.rewardScale = options.rewardScale ?? 1;
    if (
      !(typeof this.rewardScale === 'number' && Number.isFinite(this.rewardScale) && this.rewardScale > 0)
    ) {
      throw new EnvConfigError(
        `ShopfloorEnv: rewardScale must be a finite number > 0 (got ${String(this.rewardScale)})`,
      );
    }
    const maxSteps = options.maxSteps ?? env?.maxSteps;
    if (maxSteps !== undefined) positiveInt('maxSteps', maxSteps);
    this.maxSteps = maxSteps ?? Number.POSITIVE_INFINITY;
    this.horizonS = options.horizonS ?? scenario.run.horizon;
    if (!(typeof this.horizonS === 'number' && this.horizonS > 0 && Number.isFinite(this.horizonS))) {
      throw new EnvConfigError(
        `ShopfloorEnv: horizonS must be a finite number > 0 s (got ${String(this.horizonS)})`,
      );
    }
    const seed = options.seed ?? scenario.run.seed;
    if (!isSeed(seed))
      throw new EnvConfigError(`ShopfloorEnv: seed must be a safe integer >= 0 (got ${String(seed)})`);
    this.seedNext = seed;

    const rewardSpec =
      options.reward ?? env?.reward ?? (this.info.allReleasedAtZero ? 'makespan' : 'throughput');
    const weights = { ...DEFAULT_COST_WEIGHTS, ...(options.costWeights ?? {}) };
    try {
      this.reward = createReward(rewardSpec, this.info, weights);
    } catch (error) {
      throw new EnvConfigError(`ShopfloorEnv: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.rewardName = this.reward.name;

    const scales = defaultScales(this.info, this.horizonS, options.scales ?? {});
    this.scales = scales;
    this.statistics = options.statistics ?? false;
    this.builder = new ObservationBuilder({
      info: this.info,
      agent: this.agent,
      slots: this.slots,
      maxCandidates: this.maxCandidates,
      scales,
    });
    this.observation = new Float32Array(this.builder.size);
    this.observationSpace = boxSpace(this.builder.low, this.builder.high);
    this.actionSpace = discreteSpace(this.maxCandidates);
    this.actionMaskSpace = multiBinarySpace(this.maxCandidates);
    this.observationFeatureNames = this.builder.featureNames;
    this.ctx = {
      plant: null as unknown as Plant,
      now: 0,
      previousNow: 0,
      point: null,
      terminated: false,
      truncated: false,
      step: 0,
      finishedSinceLast: 0,
    };
    // Derived once, not per episode: an ft10 episode is only ~33 decisions, and re-deriving the product
    // specs and step tables took about a third of building its plant. A scenario that cannot be built
    // fails here (BuildError), at construction rather than at the first reset.
    this.plan = planPlant(scenario);
  }

  /** Number of observation elements. */
  get observationSize(): number {
    return this.builder.size;
  }

  /** The current episode's plant (read it, never change it); `null` before the first reset. */
  get currentPlant(): Plant | null {
    return this.plant;
  }

  /**
   * The current episode's built model (its plant, and its statistics with the `statistics` option);
   * `null` before the first reset and after `close()`.
   */
  get currentModel(): BuiltModel | null {
    return this.model;
  }

  /** `true` once `close()` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Starts a new episode (see the class documentation for seeds) and runs it to its first decision.
   * @throws EnvClosedError after `close()`; `EnvConfigError` for a bad seed.
   */
  reset(options: ResetOptions = {}): ResetResult {
    this.assertOpen('reset');
    if (options === null || typeof options !== 'object') {
      throw new EnvConfigError(`ShopfloorEnv.reset: options must be an object (got ${String(options)})`);
    }
    if (options.seed !== undefined) {
      if (!isSeed(options.seed)) {
        throw new EnvConfigError(
          `ShopfloorEnv.reset: seed must be a safe integer >= 0 (got ${String(options.seed)})`,
        );
      }
      this.seedNext = options.seed;
    }
    this.episodeSeed = this.seedNext;
    this.seedNext = nextSeed(this.seedNext);
    this.episodes++;
    const prepared = this.prepared;
    this.prepared = null;
    const model = prepared?.seed === this.episodeSeed ? prepared.model : this.build(this.episodeSeed);
    this.model = model;
    const plant = model.plant;
    this.plant = plant;
    this.onEpisodeStart?.(plant, this);
    this.ctx.plant = plant;
    this.builder.attach(plant);
    this.reward.begin(plant);
    this.lastFinishS = 0;
    plant.events.on('partFinished', (_part, _sink, now) => {
      if (now > this.lastFinishS) this.lastFinishS = now;
    });
    this.steps = 0;
    this.finishedBefore = 0;
    this.deadlock = undefined;
    this.stoppedBy_ = null;
    this.ending = null;
    this.over = false;
    this.noop = false;
    this.advance();
    this.lastNow = plant.sim.now;
    this.builder.write(this.observation, plant, this.point, plant.sim.now);
    if (this.point === null) {
      // The episode ended before its first decision: action 0 is a no-op that reports its end.
      this.noop = true;
      this.builder.mask[0] = 1;
    }
    return { observation: this.observation, info: this.makeInfo(undefined) };
  }

  /**
   * Builds the plant of the episode that the next `reset()` without a seed starts, so that the reset only
   * takes it (the env server calls this after writing the reply that ended an episode, while the client
   * computes its next request). Changes nothing observable: the same scenario and seed give the same
   * plant, and it has not run. No-op when one is prepared already, or after `close()`.
   */
  prepareNextEpisode(): void {
    if (this.closed || this.prepared !== null) return;
    this.prepared = { seed: this.seedNext, model: this.build(this.seedNext) };
  }

  private build(seed: number): BuiltModel {
    return buildPlant(this.scenario, seed, {
      agent: this.agent,
      askTrivial: this.askTrivial,
      // The env reads events only; the KPI collector would cost about a tenth of each episode.
      statistics: this.statistics,
      plan: this.plan,
    });
  }

  /**
   * Answers the pending decision with `action` (a slot index) and runs to the next decision or the end.
   * @throws InvalidActionError for an illegal action with `illegalAction: 'raise'` (nothing changed);
   *   NeedsResetError before `reset` or after the episode ended; EnvClosedError after `close()`.
   */
  step(action: number): StepResult {
    this.assertOpen('step');
    const plant = this.plant;
    if (plant === null || this.over) {
      throw new NeedsResetError(
        plant === null
          ? 'ShopfloorEnv.step: call reset() before the first step'
          : 'ShopfloorEnv.step: the episode is over (terminated or truncated); call reset()',
      );
    }
    const problem = this.actionProblem(action);
    if (problem !== undefined) {
      const legal = this.legalActions();
      const message = `ShopfloorEnv.step: action ${showAction(action)} is ${problem}; legal actions now: [${legal.join(', ')}] (mask ${Array.from(this.builder.mask).join('')})`;
      if (this.illegalAction === 'raise') throw new InvalidActionError(message, action, legal);
      this.steps++;
      const truncated = this.steps >= this.maxSteps;
      if (truncated) {
        this.finish('truncated');
        this.builder.write(this.observation, plant, null, plant.sim.now);
      }
      return {
        observation: this.observation,
        reward: -this.penalty,
        terminated: false,
        truncated,
        info: this.makeInfo(message),
      };
    }
    const previousNow = this.lastNow;
    if (this.noop) this.noop = false;
    else {
      plant.decide(this.builder.slotOption[action]!);
      this.advance();
    }
    this.steps++;
    if (this.ending === null && this.steps >= this.maxSteps) this.ending = 'truncated';
    const now = plant.sim.now;
    const ctx = this.ctx;
    ctx.now = now;
    ctx.previousNow = previousNow;
    ctx.point = this.ending === null ? this.point : null;
    ctx.terminated = this.ending === 'terminated';
    ctx.truncated = this.ending === 'truncated';
    ctx.step = this.steps;
    ctx.finishedSinceLast = plant.finished - this.finishedBefore;
    const reward = this.reward.step(ctx as RewardContext) * this.rewardScale;
    this.finishedBefore = plant.finished;
    this.lastNow = now;
    if (this.ending !== null) {
      this.finish(this.ending);
      this.builder.write(this.observation, plant, null, now);
    } else this.builder.write(this.observation, plant, this.point, now);
    return {
      observation: this.observation,
      reward,
      terminated: ctx.terminated,
      truncated: ctx.truncated,
      info: this.makeInfo(undefined),
    };
  }

  /**
   * The current action mask: 1 for each legal action (all 0 once the episode is over). The
   * environment's own buffer, rewritten by the next call (the same one as `info.actionMask`).
   */
  actionMasks(): Uint8Array {
    this.assertOpen('actionMasks');
    return this.builder.mask;
  }

  /** Releases the episode. Idempotent; any later call but `close` throws {@link EnvClosedError}. */
  close(): void {
    this.closed = true;
    this.model = null;
    this.prepared = null;
    this.plant = null;
    this.point = null;
    this.over = true;
  }

  private assertOpen(method: string): void {
    if (this.closed) throw new EnvClosedError(`ShopfloorEnv.${method}: the environment is closed`);
  }

  /** Runs the episode's plant to its next decision, or records how it ended. */
  private advance(): void {
    const plant = this.plant!;
    let result: DecisionStop | RunResult;
    try {
      ({ result, stoppedBy: this.stoppedBy_ } = runToDecision(
        plant,
        this.horizonS,
        this.pauses,
        this.limits,
      ));
    } catch (error) {
      if (!(error instanceof DeadlockError)) throw error;
      this.deadlock = error.message;
      this.point = null;
      this.ending = 'terminated';
      return;
    }
    if (result.reason === 'decision') {
      this.point = result.point;
      return;
    }
    this.point = null;
    const reason = (result as RunResult).reason;
    if (reason === 'empty') {
      if (plant.inSystem > 0) {
        this.deadlock = `ShopfloorEnv: the run ran out of events at ${plant.sim.now} s with ${plant.inSystem} part(s) in the system`;
      }
      this.ending = 'terminated';
    } else this.ending = 'truncated';
  }

  private finish(ending: Exclude<Ending, null>): void {
    this.ending = ending;
    this.over = true;
    this.point = null;
    this.noop = false;
  }

  /** The limit of `options.limits` that ended this episode (truncated), or null. */
  get stoppedBy(): LimitReason | null {
    return this.stoppedBy_;
  }

  /**
   * Why `action` would be illegal now (`'masked out (slot 3 holds no candidate)'`…), or `undefined` when
   * it is legal. Changes nothing.
   */
  actionProblem(action: unknown): string | undefined {
    if (typeof action !== 'number') return `not a number (a ${action === null ? 'null' : typeof action})`;
    if (Number.isNaN(action)) return 'NaN';
    if (!Number.isInteger(action)) return 'not an integer';
    return slotProblem(action, this.builder.mask, 0, this.maxCandidates);
  }

  /** The legal actions now, ascending (where the mask is 1). */
  legalActions(): number[] {
    const out: number[] = [];
    const mask = this.builder.mask;
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out.push(i);
    return out;
  }

  private makeInfo(illegal: string | undefined): EnvInfo {
    const plant = this.plant!;
    // NOTE: every key always present (undefined when unset): one object shape, for speed.
    return {
      actionMask: this.builder.mask,
      decision: this.over ? null : this.point,
      nowS: plant.sim.now,
      step: this.steps,
      episode: this.episodes,
      seed: this.episodeSeed,
      done: this.over || this.noop,
      finished: plant.finished,
      makespanS: this.over && this.ending === 'terminated' ? this.lastFinishS : undefined,
      illegalAction: illegal,
      deadlock: this.deadlock,
    };
  }
}
