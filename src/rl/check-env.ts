import { RandomStream } from '../engine/index.js';
import { EnvClosedError, EnvError, InvalidActionError } from './errors.js';
import type { EnvInfo, ShopfloorEnv, StepResult } from './shopfloor-env.js';
import { contains, spaceProblems } from './spaces.js';

/** Options of {@link checkEnv}. */
export interface CheckEnvOptions {
  /** Most steps of the checked episode (default 300; it stops earlier when the episode ends). */
  readonly steps?: number;
  /** Seed of the checked episodes and of the random masked policy (default 0). */
  readonly seed?: number;
  /** Close the environment at the end and check `close` (default true). */
  readonly close?: boolean;
  /** Throw a {@link CheckEnvError} when a check fails (default true); otherwise just report. */
  readonly throwOnFailure?: boolean;
}

/** One check of {@link checkEnv} and its outcome. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  /** What went wrong (failures only). */
  readonly detail?: string;
}

/** What {@link checkEnv} found. */
export interface CheckEnvReport {
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
  /** `name: detail` of every failed check. */
  readonly failures: readonly string[];
  /** Steps taken in the main episode. */
  readonly steps: number;
  /** How the main episode ended within `steps`. */
  readonly ended: 'terminated' | 'truncated' | 'running';
  /** Decisions offered with more than one legal action. */
  readonly choices: number;
}

/** {@link checkEnv} found problems; `failures` lists them. */
export class CheckEnvError extends Error {
  readonly failures: readonly string[];
  readonly report: CheckEnvReport;

  constructor(report: CheckEnvReport) {
    super(`checkEnv: ${report.failures.length} check(s) failed:\n- ${report.failures.join('\n- ')}`);
    this.name = 'CheckEnvError';
    this.failures = report.failures;
    this.report = report;
  }
}

/**
 * The executable contract of the environment, in the spirit of Gymnasium's `check_env`. It checks:
 * - spaces: well-formed, JSON round trip unchanged, one feature name per observation element, an
 *   action space of `maxCandidates` actions and a mask of that size;
 * - `reset` and `step`: result shapes and types (a `Float32Array` inside the observation space —
 *   finite, right size, within bounds —, a finite reward, boolean `terminated`/`truncated`, an info
 *   with its mask), at least one legal action while the episode runs, none once it is over;
 * - determinism: `reset({ seed })` twice with the same actions gives identical observations, masks,
 *   rewards and flags;
 * - masks: every masked-in action at a few decisions steps fine (replayed from the seed); a masked-out,
 *   out-of-range, fractional, NaN and non-number action raises {@link InvalidActionError} and changes
 *   nothing, or with `illegalAction: 'penalty'` gives reward −penalty and the same observation;
 * - `step` after the episode ended throws; `close` is idempotent and later calls throw
 *   {@link EnvClosedError}.
 * The random masked policy draws from a {@link RandomStream} seeded by `seed`.
 *
 * @returns the report; throws {@link CheckEnvError} listing every failure unless `throwOnFailure: false`.
 */
export function checkEnv(env: ShopfloorEnv, options: CheckEnvOptions = {}): CheckEnvReport {
  const maxSteps = options.steps ?? 300;
  const seed = options.seed ?? 0;
  const checks: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail?: string) => {
    checks.push(ok ? { name, ok } : { name, ok, detail: detail ?? 'failed' });
    return ok;
  };
  const attempt = (name: string, fn: () => void): boolean => {
    try {
      fn();
      return check(name, true);
    } catch (error) {
      return check(name, false, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  };

  // Spaces.
  const n = env.maxCandidates;
  const obsProblems = spaceProblems(env.observationSpace);
  check('observation space is well-formed', obsProblems.length === 0, obsProblems.join('; '));
  check(
    'action space is Discrete(maxCandidates)',
    env.actionSpace.type === 'discrete' &&
      env.actionSpace.n === n &&
      spaceProblems(env.actionSpace).length === 0,
    JSON.stringify(env.actionSpace),
  );
  check(
    'action mask space is MultiBinary(maxCandidates)',
    env.actionMaskSpace.type === 'multi-binary' && env.actionMaskSpace.n === n,
  );
  for (const [name, space] of [
    ['observation', env.observationSpace],
    ['action', env.actionSpace],
  ] as const) {
    check(
      `${name} space survives a JSON round trip`,
      JSON.stringify(JSON.parse(JSON.stringify(space))) === JSON.stringify(space),
    );
  }
  const size = env.observationSpace.shape[0] ?? 0;
  check(
    'one feature name per observation element, all distinct',
    env.observationFeatureNames.length === size && new Set(env.observationFeatureNames).size === size,
    `${env.observationFeatureNames.length} names for ${size} elements`,
  );

  const rng = new RandomStream('checkEnv', String(seed));
  const shapeProblems = (observation: unknown, info: unknown, where: string): string[] => {
    const p: string[] = [];
    if (!(observation instanceof Float32Array)) p.push(`${where}: observation is not a Float32Array`);
    else if (!contains(env.observationSpace, observation)) {
      p.push(`${where}: observation outside its space (${describeOutside(env, observation)})`);
    }
    if (info === null || typeof info !== 'object') p.push(`${where}: info is not an object`);
    else {
      const mask = (info as EnvInfo).actionMask;
      if (!(mask instanceof Uint8Array) || !contains(env.actionMaskSpace, mask)) {
        p.push(`${where}: info.actionMask is not a Uint8Array of ${n} zeros and ones`);
      }
    }
    return p;
  };
  const stepProblems = (r: StepResult, where: string): string[] => {
    const p = shapeProblems(r.observation, r.info, where);
    if (typeof r.reward !== 'number' || !Number.isFinite(r.reward))
      p.push(`${where}: reward ${r.reward} is not finite`);
    if (typeof r.terminated !== 'boolean') p.push(`${where}: terminated is not a boolean`);
    if (typeof r.truncated !== 'boolean') p.push(`${where}: truncated is not a boolean`);
    const legal = countLegal(r.info.actionMask);
    const over = r.terminated || r.truncated;
    if (over && legal !== 0) p.push(`${where}: ${legal} legal action(s) after the episode ended`);
    if (!over && legal === 0) p.push(`${where}: no legal action while the episode runs`);
    if (r.info.done !== over)
      p.push(`${where}: info.done is ${r.info.done} but the episode ${over ? 'ended' : 'runs'}`);
    return p;
  };

  // The main episode: a random masked policy, recorded.
  interface Trace {
    observations: Float32Array[];
    masks: Uint8Array[];
    rewards: number[];
    flags: string[];
  }
  const actions: number[] = [];
  const trace: Trace = { observations: [], masks: [], rewards: [], flags: [] };
  let ended: CheckEnvReport['ended'] = 'running';
  let choices = 0;
  let episodeProblems: string[] = [];
  const ranMain = attempt('reset and a random masked episode run', () => {
    const r0 = env.reset({ seed });
    episodeProblems.push(...shapeProblems(r0.observation, r0.info, 'reset'));
    if (countLegal(r0.info.actionMask) === 0) episodeProblems.push('reset: no legal action');
    trace.observations.push(r0.observation.slice());
    trace.masks.push(r0.info.actionMask.slice());
    let mask = r0.info.actionMask;
    for (let k = 0; k < maxSteps; k++) {
      const legal = legalOf(mask);
      if (legal.length > 1) choices++;
      const a = legal[rng.int(0, legal.length - 1)]!;
      actions.push(a);
      const r = env.step(a);
      episodeProblems.push(...stepProblems(r, `step ${k + 1}`));
      trace.observations.push(r.observation.slice());
      trace.masks.push(r.info.actionMask.slice());
      trace.rewards.push(r.reward);
      trace.flags.push(`${r.terminated}/${r.truncated}`);
      mask = r.info.actionMask;
      if (r.terminated || r.truncated) {
        ended = r.terminated ? 'terminated' : 'truncated';
        break;
      }
    }
    episodeProblems = episodeProblems.slice(0, 10);
  });
  if (ranMain) {
    check(
      'reset and step results have the right shapes, types and spaces',
      episodeProblems.length === 0,
      episodeProblems.join('; '),
    );
  }

  // After the end, step must refuse.
  if (ranMain && ended !== 'running') {
    try {
      env.step(0);
      check('step after the episode ended throws', false, 'it returned');
    } catch (error) {
      check(
        'step after the episode ended throws',
        error instanceof EnvError && error.code === 'NEEDS_RESET',
        String(error),
      );
    }
  }

  // Determinism: the same seed and the same actions give the same trajectory.
  if (ranMain) {
    attempt('same seed and same actions give an identical episode', () => {
      const r0 = env.reset({ seed });
      const diff: string[] = [];
      if (!sameArray(r0.observation, trace.observations[0]!)) diff.push('reset observation');
      if (!sameArray(r0.info.actionMask, trace.masks[0]!)) diff.push('reset mask');
      for (let k = 0; k < actions.length && diff.length === 0; k++) {
        const r = env.step(actions[k]!);
        if (!sameArray(r.observation, trace.observations[k + 1]!)) diff.push(`observation of step ${k + 1}`);
        if (!sameArray(r.info.actionMask, trace.masks[k + 1]!)) diff.push(`mask of step ${k + 1}`);
        if (!Object.is(r.reward, trace.rewards[k]!))
          diff.push(`reward of step ${k + 1}: ${r.reward} vs ${trace.rewards[k]}`);
        if (`${r.terminated}/${r.truncated}` !== trace.flags[k]) diff.push(`flags of step ${k + 1}`);
      }
      if (diff.length > 0) throw new Error(`differs at ${diff[0]}`);
    });
  }

  // Every masked-in action at a few decisions steps fine (replayed from the seed).
  if (ranMain && actions.length > 0) {
    const at = [...new Set([0, actions.length >> 1, actions.length - 1])];
    attempt('every masked-in action steps fine', () => {
      for (const k of at) {
        for (const a of legalOf(trace.masks[k]!)) {
          replay(env, seed, actions, k);
          const r = env.step(a);
          const p = stepProblems(r, `action ${a} at step ${k + 1}`);
          if (p.length > 0) throw new Error(p[0]);
        }
      }
    });
  }

  // Illegal actions: raise, or the penalty, and nothing changes.
  if (ranMain && actions.length > 0) {
    // A decision (not the terminal state) with a slot masked out, if any.
    const k = trace.masks.findIndex((m, i) => i < actions.length && countLegal(m) < m.length);
    const masked = k >= 0 ? trace.masks[k]!.indexOf(0) : -1;
    const bad: [string, unknown][] = [
      ['out of range (n)', n],
      ['negative', -1],
      ['fractional', 0.5],
      ['NaN', Number.NaN],
      ['a string', '0'],
      ['null', null],
    ];
    if (masked >= 0) bad.unshift(['masked out', masked]);
    attempt('illegal actions are refused and change nothing', () => {
      const step = masked >= 0 ? k : 0;
      // One replay: an illegal action changes nothing, so they are all tried at the same decision.
      replay(env, seed, actions, step);
      let penalised = false;
      for (const [what, action] of bad) {
        let r: StepResult | undefined;
        try {
          r = env.step(action as number);
        } catch (error) {
          if (!(error instanceof InvalidActionError)) throw new Error(`${what}: threw ${String(error)}`);
          if (env.illegalAction !== 'raise') throw new Error(`${what}: threw with illegalAction: penalty`);
          if (!error.legalActions.every((a) => trace.masks[step]![a] === 1)) {
            throw new Error(
              `${what}: the error's legal actions [${error.legalActions.join(', ')}] differ from the mask`,
            );
          }
        }
        if (r !== undefined) {
          if (env.illegalAction !== 'penalty') throw new Error(`${what}: was accepted`);
          if (r.reward !== -env.penalty) throw new Error(`${what}: reward ${r.reward}, not −${env.penalty}`);
          if (r.terminated) throw new Error(`${what}: terminated the episode`);
          if (r.info.illegalAction === undefined) throw new Error(`${what}: info.illegalAction is not set`);
          penalised = true;
          // A penalised step counts towards maxSteps: it may truncate the episode, and that is all.
          if (r.truncated) return;
          if (!sameArray(r.observation, trace.observations[step]!))
            throw new Error(`${what}: the observation changed`);
        }
        if (!sameArray(env.actionMasks(), trace.masks[step]!)) throw new Error(`${what}: the mask changed`);
      }
      // The same decision is still pending: the recorded action gives the recorded step (penalised steps
      // count towards maxSteps, so with a finite maxSteps the continuation may truncate earlier).
      if (penalised && env.maxSteps < Number.POSITIVE_INFINITY) return;
      const next = env.step(actions[step]!);
      if (!sameArray(next.observation, trace.observations[step + 1]!)) {
        throw new Error('after the illegal actions the run went on differently');
      }
    });
  }

  if (options.close ?? true) {
    attempt('close is idempotent and later calls throw EnvClosedError', () => {
      env.close();
      env.close();
      for (const call of [() => env.reset(), () => env.step(0), () => env.actionMasks()]) {
        try {
          call();
          throw new Error('a call after close returned');
        } catch (error) {
          if (!(error instanceof EnvClosedError)) throw error;
        }
      }
    });
  }

  const failures = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  const report: CheckEnvReport = {
    ok: failures.length === 0,
    checks,
    failures,
    steps: actions.length,
    ended,
    choices,
  };
  if (!report.ok && (options.throwOnFailure ?? true)) throw new CheckEnvError(report);
  return report;
}

/** Resets `env` with `seed` and replays the first `k` of `actions`. */
function replay(env: ShopfloorEnv, seed: number, actions: readonly number[], k: number): void {
  env.reset({ seed });
  for (let i = 0; i < k; i++) env.step(actions[i]!);
}

function legalOf(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out.push(i);
  return out;
}

function countLegal(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i] === 1 ? 1 : 0;
  return c;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function describeOutside(env: ShopfloorEnv, obs: Float32Array): string {
  if (obs.length !== env.observationSize) return `${obs.length} elements, expected ${env.observationSize}`;
  const { low, high } = env.observationSpace;
  for (let i = 0; i < obs.length; i++) {
    const x = obs[i]!;
    if (!Number.isFinite(x) || x < Math.fround(low[i]!) || x > Math.fround(high[i]!)) {
      return `${env.observationFeatureNames[i]} = ${x}, bounds [${low[i]}, ${high[i]}]`;
    }
  }
  return 'unknown';
}
