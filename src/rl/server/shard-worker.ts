/**
 * The worker thread of a split vector env (`vector-shards.ts`): a `VectorEnv` of sub-environments
 * `first … numEnvs − 1`, stepped when the server's thread sets the command word, results written into
 * the shared arrays' rows. Between commands it builds the plants its next step autoresets, as the server
 * does for its own. It never writes to stdout or stderr (the server's stdout carries frames only).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { EnvError } from '../errors.js';
import type { ShopfloorEnvOptions } from '../shopfloor-env.js';
import { VectorEnv } from '../vector-env.js';
import { scenarioOf } from './env-server.js';
import { fillInfo, vectorTexts } from './info-rows.js';
import { CMD, CTL, type ShardMessage, type ShardWorkerData } from './vector-shards.js';

const data = workerData as ShardWorkerData;
const port: MessagePort = data.port;
const m = data.memory;
const control = new Int32Array(m.control);

function post(message: ShardMessage): void {
  port.postMessage(message);
}

function errorMessage(error: unknown): ShardMessage {
  // An environment's error keeps its code (e.g. ENV_CONFIG for a bad seed); any other is INTERNAL.
  const code = error instanceof EnvError ? error.code : undefined;
  return {
    error: {
      code: typeof code === 'string' ? code : undefined,
      message: error instanceof Error ? error.message : String(error),
    },
  };
}

/** This thread's sub-environments, or `undefined` (the error posted) when they cannot be made. */
function make(): VectorEnv | undefined {
  try {
    return new VectorEnv({
      ...(data.options as Omit<ShopfloorEnvOptions, 'scenario'>),
      scenario: scenarioOf(data.scenario),
      seed: data.seed,
      numEnvs: data.numEnvs - data.first,
    });
  } catch (error) {
    post(errorMessage(error));
    Atomics.store(control, CTL.ready, 2);
    Atomics.notify(control, CTL.ready);
    return undefined;
  }
}

const made = make();
if (made !== undefined) serveCommands(made);
port.close();

/** Answers the server thread's commands until `close`. */
function serveCommands(env: VectorEnv): void {
  const first = data.first;
  const obs = env.observationSize;
  const slots = env.maxCandidates;
  const observations = new Float32Array(m.observations);
  const masks = new Uint8Array(m.masks);
  const rewards = new Float64Array(m.rewards);
  const terminated = new Uint8Array(m.terminated);
  const truncated = new Uint8Array(m.truncated);
  const infos = new Float64Array(m.infos);
  const actions = new Int32Array(m.actions).subarray(first);
  const seed = new Float64Array(m.seed);

  Atomics.store(control, CTL.ready, 1);
  Atomics.notify(control, CTL.ready);

  /** Carries out one command; returns `false` for `close`. */
  function serve(command: number): boolean {
    if (command === CMD.close) {
      env.close();
      return false;
    }
    let status = 0;
    try {
      if (command === CMD.reset) {
        const s = seed[0]!;
        const r = env.reset(Number.isNaN(s) ? {} : { seed: s });
        observations.set(r.observations, first * obs);
        masks.set(r.actionMasks, first * slots);
        for (let i = 0; i < r.infos.length; i++) fillInfo(infos, first + i, r.infos[i]!);
        rewards.fill(0, first);
        terminated.fill(0, first);
        truncated.fill(0, first);
        const texts = vectorTexts(r.infos, first);
        if (texts !== undefined) {
          post({ texts });
          status = 1;
        }
      } else {
        const r = env.step(actions);
        observations.set(r.observations, first * obs);
        masks.set(r.actionMasks, first * slots);
        for (let i = 0; i < r.infos.length; i++) fillInfo(infos, first + i, r.infos[i]!);
        rewards.set(r.rewards, first);
        terminated.set(r.terminated, first);
        truncated.set(r.truncated, first);
        const texts = vectorTexts(r.infos, first);
        if (texts !== undefined) {
          post({ texts });
          status = 1;
        }
      }
    } catch (error) {
      post(errorMessage(error));
      status = 2;
    }
    Atomics.store(control, CTL.status, status);
    Atomics.store(control, CTL.done, 1);
    Atomics.notify(control, CTL.done);
    return true;
  }

  for (;;) {
    Atomics.wait(control, CTL.command, 0);
    const command = Atomics.exchange(control, CTL.command, 0);
    if (command === 0) continue;
    if (!serve(command)) break;
    // While the client thinks: the plants of the sub-environments that the next step autoresets.
    if (command === CMD.step) env.prepareResets();
  }
}
