/**
 * A vector env of the env server split between this thread and one worker thread: the first `k`
 * sub-environments step here, the others in `shard-worker.ts`, at the same time. The client waits for
 * every reply, so while the server steps a batch a second core has nothing else to do. Opt-in
 * (`SHOPFLOOR_ENV_THREADS=2`): on the 2-core machine of the benchmarks two threads stepping at once each
 * ran about 40 % slower and the batch took as long as in one thread (see `defaultEnvThreads`).
 *
 * Every sub-environment is an independent `ShopfloorEnv` seeded as in one `VectorEnv` (env i: `seed + i`),
 * so episodes, observations and rewards are the same bytes with or without the worker.
 *
 * The exchange is synchronous, like the server's loop (no event loop runs while a request is served): the
 * results sit in `SharedArrayBuffer`s that the reply is built from, the hand-over is `Atomics.wait` /
 * `Atomics.notify` on a control word, and the rare texts and errors come through a `MessageChannel` read
 * with `receiveMessageOnPort`. (A worker pool such as Tinypool answers with promises, which this loop
 * cannot wait for.)
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { slotProblem } from '../_internal/env-options.js';
import { isSeed } from '../_internal/seeds.js';
import { EnvClosedError, EnvConfigError, InvalidActionError } from '../errors.js';
import type { EnvInfo } from '../shopfloor-env.js';
import { illegalVectorAction, VectorEnv, type VectorEnvOptions } from '../vector-env.js';
import { fillInfo, INFO_COLS, vectorTexts } from './info-rows.js';

/** Control words (an `Int32Array` over a `SharedArrayBuffer`). */
export const CTL = {
  /** Written by this thread: the command for the worker ({@link CMD}); the worker sets it back to 0. */
  command: 0,
  /** Written by the worker: 1 once the command is carried out. */
  done: 1,
  /** Written by the worker with `done`: 0 ok, 1 ok with texts on the port, 2 an error on the port. */
  status: 2,
  /** Written by the worker: 1 once its environments are made, 2 when that failed (message on the port). */
  ready: 3,
} as const;

/** Commands of {@link CTL.command}. */
export const CMD = { step: 1, reset: 2, close: 3 } as const;

/** The shared memory of one split vector env: what the worker reads and writes. */
export interface ShardMemory {
  readonly control: SharedArrayBuffer;
  /** float64 [1]: the seed of a reset (NaN: none). */
  readonly seed: SharedArrayBuffer;
  /** int32 [numEnvs]: the actions of a step (the worker reads its rows). */
  readonly actions: SharedArrayBuffer;
  /** float32 [numEnvs, observationSize]. */
  readonly observations: SharedArrayBuffer;
  /** uint8 [numEnvs, maxCandidates]. */
  readonly masks: SharedArrayBuffer;
  /** float64 [numEnvs]. */
  readonly rewards: SharedArrayBuffer;
  /** uint8 [numEnvs]. */
  readonly terminated: SharedArrayBuffer;
  /** uint8 [numEnvs]. */
  readonly truncated: SharedArrayBuffer;
  /** float64 [numEnvs, INFO_COLS]. */
  readonly infos: SharedArrayBuffer;
}

/** What the worker thread is given. */
export interface ShardWorkerData {
  /** The `scenario` of the `make` request, resolved again in the worker. */
  readonly scenario: unknown;
  /** The `options` of the `make` request (JSON), without `seed`. */
  readonly options: Record<string, unknown>;
  /** The worker's sub-environments are `first … numEnvs − 1`. */
  readonly first: number;
  readonly numEnvs: number;
  /** Seed of sub-environment 0 (sub-environment i starts from `seed + i`). */
  readonly seed: number;
  readonly memory: ShardMemory;
  readonly port: MessagePort;
}

/** A message of the worker: the texts of a step or reset, or an error. */
export type ShardMessage =
  | { readonly texts: Record<string, unknown>[] }
  | { readonly error: { readonly code: string | undefined; readonly message: string } };

/** An error raised in the worker thread, with the code of the environment error it was (if any). */
export class ShardError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sub-environments each thread must have at least for the vector to be split. */
export const MIN_ENVS_PER_THREAD = 4;

/** Longest wait for the worker thread's answer to one command, ms (a reset of a large scenario included). */
const ANSWER_TIMEOUT_MS = 300_000;

/** How long a worker may take to load and make its environments, ms. */
const START_TIMEOUT_MS = 60_000;

const WORKER_FILE = fileURLToPath(new URL('./shard-worker.js', import.meta.url));

/**
 * `true` when a vector of `numEnvs` sub-environments is worth splitting over `threads` threads and the
 * compiled worker file is there (not when running from TypeScript sources, e.g. under vitest).
 */
export function canSplit(numEnvs: number, threads: number): boolean {
  return threads >= 2 && numEnvs >= 2 * MIN_ENVS_PER_THREAD && existsSync(WORKER_FILE);
}

/** Reads one message the worker posted (it posts before it sets `done`, so the message is there). */
function take(port: MessagePort): ShardMessage {
  const got = receiveMessageOnPort(port);
  if (got === undefined)
    throw new ShardError('INTERNAL', 'vector shard: the worker thread posted no message');
  return got.message as ShardMessage;
}

/** The split vector env: the same batches as a `VectorEnv` of `numEnvs`, rows `[0, first)` stepped here. */
export class VectorShards {
  readonly numEnvs: number;
  readonly observationSize: number;
  readonly maxCandidates: number;
  /** Sub-environments stepped in this thread: `0 … first − 1`. */
  readonly first: number;
  /** This thread's share, a `VectorEnv` of `first` sub-environments (its `subEnvs[0]` describes them all). */
  readonly own: VectorEnv;
  readonly observations: Float32Array;
  readonly masks: Uint8Array;
  readonly rewards: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** The info rows ({@link INFO_COLS} per sub-environment). */
  readonly infos: Float64Array;

  private readonly control: Int32Array;
  private readonly seed: Float64Array;
  private readonly actions: Int32Array;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly raise: boolean;
  /** The worker's sub-environments whose next step autoresets them (their action is not checked). */
  private readonly needsReset: Uint8Array;
  private started = false;
  private closed = false;

  /**
   * Makes this thread's share and starts the worker thread with the rest; waits until the worker has
   * made its environments. `scenarioSpec` and `jsonOptions` are the `make` request's (the worker resolves
   * the scenario again); `options` are those resolved here.
   * @throws what making the environments throws (here or in the worker).
   */
  constructor(
    options: VectorEnvOptions,
    scenarioSpec: unknown,
    jsonOptions: Record<string, unknown>,
    first = Math.floor((options.numEnvs - 1) / 2),
  ) {
    const n = options.numEnvs;
    const base = options.seed ?? options.scenario.run.seed ?? 0;
    this.own = new VectorEnv({ ...options, numEnvs: first, seed: base });
    this.numEnvs = n;
    this.first = first;
    this.observationSize = this.own.observationSize;
    this.maxCandidates = this.own.maxCandidates;
    this.raise = this.own.subEnvs[0]!.illegalAction === 'raise';
    const obs = this.observationSize;
    const slots = this.maxCandidates;
    const memory: ShardMemory = {
      control: new SharedArrayBuffer(4 * 4),
      seed: new SharedArrayBuffer(8),
      actions: new SharedArrayBuffer(4 * n),
      observations: new SharedArrayBuffer(4 * n * obs),
      masks: new SharedArrayBuffer(n * slots),
      rewards: new SharedArrayBuffer(8 * n),
      terminated: new SharedArrayBuffer(n),
      truncated: new SharedArrayBuffer(n),
      infos: new SharedArrayBuffer(8 * n * INFO_COLS),
    };
    this.control = new Int32Array(memory.control);
    this.seed = new Float64Array(memory.seed);
    this.actions = new Int32Array(memory.actions);
    this.observations = new Float32Array(memory.observations);
    this.masks = new Uint8Array(memory.masks);
    this.rewards = new Float64Array(memory.rewards);
    this.terminated = new Uint8Array(memory.terminated);
    this.truncated = new Uint8Array(memory.truncated);
    this.infos = new Float64Array(memory.infos);
    this.needsReset = new Uint8Array(n);
    const { seed: _seed, ...rest } = jsonOptions;
    const channel = new MessageChannel();
    this.port = channel.port1;
    const data: ShardWorkerData = {
      scenario: scenarioSpec,
      options: rest,
      first,
      numEnvs: n,
      seed: base + first,
      memory,
      port: channel.port2,
    };
    this.worker = new Worker(WORKER_FILE, { workerData: data, transferList: [channel.port2] });
    // NOTE: the server exits with process.exit; the thread must not keep the process alive before that.
    this.worker.unref();
    // Its errors come through the port; an 'error' event without a listener would end the server.
    this.worker.on('error', () => {});
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Atomics.load(this.control, CTL.ready) === 0) {
      const left = deadline - Date.now();
      if (left <= 0) {
        void this.worker.terminate();
        throw new ShardError('INTERNAL', 'vector shard: the worker thread did not start within 60 s');
      }
      Atomics.wait(this.control, CTL.ready, 0, Math.min(left, 100));
    }
    if (Atomics.load(this.control, CTL.ready) === 2) {
      const message = take(this.port);
      void this.worker.terminate();
      throw 'error' in message
        ? new ShardError(message.error.code ?? 'INTERNAL', message.error.message)
        : new ShardError('INTERNAL', 'vector shard: the worker thread failed to start');
    }
  }

  /**
   * Resets every sub-environment (env i with `seed + i` when a seed is given); returns the texts of
   * those that have any (`[{ env, … }]`) or `undefined`.
   */
  reset(seed: number | undefined): Record<string, unknown>[] | undefined {
    this.assertOpen('reset');
    const own = this.own.reset(seed === undefined ? {} : { seed });
    if (seed !== undefined && !isSeed(seed + this.first)) {
      throw new EnvConfigError(
        `ShopfloorEnv.reset: seed must be a safe integer >= 0 (got ${String(seed + this.first)})`,
      );
    }
    this.seed[0] = seed === undefined ? Number.NaN : seed + this.first;
    this.signal(CMD.reset);
    this.copyOwn(own.observations, own.actionMasks, own.infos);
    this.rewards.fill(0, 0, this.first);
    this.terminated.fill(0, 0, this.first);
    this.truncated.fill(0, 0, this.first);
    const texts = this.await(vectorTexts(own.infos));
    this.needsReset.fill(0);
    this.started = true;
    return texts;
  }

  /**
   * Steps every sub-environment with `actions[i]` (as `VectorEnv.step`: autoreset, illegal actions
   * checked before anything steps); returns the texts of those that have any, or `undefined`.
   */
  step(actions: Int32Array): Record<string, unknown>[] | undefined {
    const k = this.first;
    const mine = actions.subarray(0, k);
    // The errors of a VectorEnv of numEnvs, in its order: closed, not reset, wrong count, illegal actions.
    this.assertOpen('step');
    if (!this.started) throw new EnvConfigError('VectorEnv.step: call reset() before the first step');
    if (actions.length !== this.numEnvs) {
      throw new InvalidActionError(
        `VectorEnv.step: expected ${this.numEnvs} actions (got ${actions.length})`,
        actions,
        [],
      );
    }
    this.own.checkActions(mine);
    if (this.raise) this.checkTheirs(actions);
    this.actions.set(actions.subarray(k), k);
    this.signal(CMD.step);
    let texts: Record<string, unknown>[] | undefined;
    try {
      const own = this.own.step(mine);
      this.copyOwn(own.observations, own.actionMasks, own.infos);
      this.rewards.set(own.rewards);
      this.terminated.set(own.terminated);
      this.truncated.set(own.truncated);
      texts = vectorTexts(own.infos);
    } finally {
      texts = this.await(texts);
    }
    for (let i = k; i < this.numEnvs; i++) {
      this.needsReset[i] = this.terminated[i]! | this.truncated[i]!;
    }
    return texts;
  }

  /** Builds ahead this thread's plants that the next step autoresets (the worker does its own). */
  prepareResets(): void {
    if (!this.closed) this.own.prepareResets();
  }

  /** Closes every sub-environment and ends the worker thread. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.own.close();
    Atomics.store(this.control, CTL.command, CMD.close);
    Atomics.notify(this.control, CTL.command);
  }

  /** The worker's sub-environments' actions, checked as `VectorEnv.step` does, from their masks. */
  private checkTheirs(actions: Int32Array): void {
    const slots = this.maxCandidates;
    for (let i = this.first; i < this.numEnvs; i++) {
      if (this.needsReset[i] === 1) continue;
      const problem = slotProblem(actions[i]!, this.masks, i * slots, slots);
      if (problem !== undefined) {
        const legal: number[] = [];
        for (let j = 0; j < slots; j++) if (this.masks[i * slots + j] === 1) legal.push(j);
        throw illegalVectorAction(i, actions[i], problem, legal);
      }
    }
  }

  private copyOwn(observations: Float32Array, masks: Uint8Array, infos: readonly EnvInfo[]): void {
    this.observations.set(observations);
    this.masks.set(masks);
    for (let i = 0; i < this.first; i++) fillInfo(this.infos, i, infos[i]!);
  }

  private signal(command: number): void {
    Atomics.store(this.control, CTL.done, 0);
    Atomics.store(this.control, CTL.command, command);
    Atomics.notify(this.control, CTL.command);
  }

  /** Waits for the worker's answer; returns `texts` with the worker's appended; throws its error. */
  private await(texts: Record<string, unknown>[] | undefined): Record<string, unknown>[] | undefined {
    let waited = 0;
    while (Atomics.load(this.control, CTL.done) === 0) {
      if (Atomics.wait(this.control, CTL.done, 0, 1000) !== 'timed-out') continue;
      // NOTE: a step takes microseconds; minutes without an answer mean the thread died (e.g. out of memory).
      waited += 1000;
      if (!this.alive() || waited >= ANSWER_TIMEOUT_MS) {
        throw new ShardError('INTERNAL', 'vector shard: the worker thread stopped answering');
      }
    }
    const status = Atomics.load(this.control, CTL.status);
    if (status === 0) return texts;
    const message = take(this.port);
    if ('error' in message) throw new ShardError(message.error.code ?? 'INTERNAL', message.error.message);
    return texts === undefined ? message.texts : [...texts, ...message.texts];
  }

  /** `false` once the worker thread has exited (its `threadId` is −1 then). */
  private alive(): boolean {
    return this.worker.threadId !== -1;
  }

  private assertOpen(method: string): void {
    if (this.closed) throw new EnvClosedError(`VectorEnv.${method}: the environment is closed`);
  }
}
