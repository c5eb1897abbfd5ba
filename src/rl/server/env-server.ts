/**
 * The env server: environments in this process, driven by framed requests on a byte stream (stdin) and
 * answered on another (stdout), one response per request, in order. The protocol is PROTOCOL.md; the
 * frames are `framing.ts`. Nothing but frames is written to `output`.
 */
import { existsSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DECISION_KINDS } from '../../policies/index.js';
import { recordSchedule, type ScheduleRecorder } from '../../report/index.js';
import {
  jobShopToScenarioYaml,
  loadJobShopInstance,
  loadScenario,
  loadScenarioFile,
  type Scenario,
} from '../../scenario/index.js';
import { EnvError } from '../errors.js';
import { OBSERVATION_LAYOUT_VERSION } from '../observation.js';
import { scenarioFingerprint } from '../scenario-fingerprint.js';
import { ShopfloorEnv, type ShopfloorEnvOptions } from '../shopfloor-env.js';
import { VectorEnv } from '../vector-env.js';
import {
  decodeFrame,
  encodeFrame,
  encodeHeader,
  FrameError,
  FrameReader,
  frameOf,
  type Message,
  type OutArray,
  specsOf,
} from './framing.js';
import { fillInfo, INFO_COLS, INFO_COLUMNS, textsOf, vectorTexts } from './info-rows.js';

/** Exit status of {@link serveEnv} after a malformed frame (the stream cannot be resynchronised). */
export const EXIT_BAD_FRAME = 3;

/** Version of the protocol of PROTOCOL.md, in the `ping` and `make` responses (2: infos as an array). */
export const ENV_PROTOCOL_VERSION = 2;

export { INFO_COLUMNS } from './info-rows.js';

const COLS = INFO_COLS;

/** Most sub-environments of one `make` (a bound so that a typo cannot exhaust the worker's memory). */
export const MAX_NUM_ENVS = 4096;

/** Options a `make` request may give (those of `ShopfloorEnv` that JSON can carry). */
const MAKE_OPTIONS = new Set([
  'agent',
  'reward',
  'rewardScale',
  'costWeights',
  'maxSteps',
  'horizonS',
  'slots',
  'maxCandidates',
  'illegalAction',
  'penalty',
  'askTrivial',
  'seed',
  'scales',
  'recordSchedule',
]);

/** A request the server cannot serve; the stream goes on. */
class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the responses of one env's `reset` and `step` reuse: their encoded headers and their arrays. */
interface Replies {
  /** `{ ok, id, arrays }` of a reset / step response without texts, encoded once. */
  readonly resetHead: Buffer;
  readonly stepHead: Buffer;
  /** The `info` / `infos` array (rewritten by every reset and step; copied into each frame). */
  readonly info: Float64Array;
  readonly reward: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
}

type Entry =
  | { readonly kind: 'single'; readonly env: ShopfloorEnv; readonly replies: Replies }
  | { readonly kind: 'vector'; readonly env: VectorEnv; readonly replies: Replies };

/**
 * A response: its header and arrays, and, when the header is one encoded before (a reset or step without
 * texts), those bytes in `head` (the `arrays` specs included) so that the frame is one copy of each array.
 */
export type Response = {
  readonly header: Record<string, unknown>;
  readonly arrays?: readonly OutArray[];
  readonly head?: Buffer;
};

/** The whole frame of a response. */
export function encodeResponse(response: Response): Buffer {
  const arrays = response.arrays ?? [];
  return response.head === undefined ? encodeFrame(response.header, arrays) : frameOf(response.head, arrays);
}

/** `scenarios/` of the package this module belongs to (found walking up, from `src/` or `dist/src/`). */
function examplesDir(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'scenarios', 'demo-factory.yaml'))) return join(dir, 'scenarios');
  }
  throw new RequestError('SCENARIO', `make: no scenarios/ folder above ${start}`);
}

/** A bundled job-shop instance as a scenario: `{ jobshop: 'ft10', timeUnit?, dueDateFactor? }`. */
function jobShopScenario(spec: Record<string, unknown>): { text: string; name: string } {
  const { jobshop, timeUnit, dueDateFactor, ...rest } = spec;
  if (Object.keys(rest).length > 0 || typeof jobshop !== 'string') {
    throw new RequestError(
      'BAD_REQUEST',
      `make: a job-shop scenario is { jobshop: NAME, timeUnit?, dueDateFactor? } (got ${JSON.stringify(spec)})`,
    );
  }
  try {
    const text = jobShopToScenarioYaml(loadJobShopInstance(jobshop), {
      ...(timeUnit === undefined ? {} : { timeUnit: timeUnit as 's' | 'min' | 'h' }),
      ...(dueDateFactor === undefined ? {} : { dueDateFactor: dueDateFactor as number }),
    });
    return { text, name: `${jobshop}.yaml` };
  } catch (error) {
    throw new RequestError('SCENARIO', `make: ${(error as Error).message}`);
  }
}

/**
 * Reads the `scenario` of a `make`: a path, `{ text, fileName? }` (YAML or JSON text), `{ jobshop }` (a
 * bundled job-shop instance), `{ example }` (a file of the bundled `scenarios/`), or a scenario object.
 */
function scenarioOf(spec: unknown): Scenario {
  let loaded: ReturnType<typeof loadScenario>;
  let name: string;
  const record = spec !== null && typeof spec === 'object' && !Array.isArray(spec);
  if (record && 'jobshop' in spec) {
    const js = jobShopScenario(spec as Record<string, unknown>);
    name = js.name;
    loaded = loadScenario(js.text, { fileName: name });
  } else if (record && 'example' in spec) {
    const example = (spec as { example: unknown }).example;
    if (typeof example !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(example)) {
      throw new RequestError(
        'BAD_REQUEST',
        `make: example must be the name of a bundled scenario, e.g. demo-factory (got ${JSON.stringify(example)})`,
      );
    }
    const file = join(examplesDir(), `${example}.yaml`);
    if (!existsSync(file)) {
      throw new RequestError('SCENARIO', `make: no bundled scenario ${example} (${file} does not exist)`);
    }
    name = file;
    loaded = loadScenarioFile(file);
  } else if (typeof spec === 'string') {
    name = spec;
    loaded = loadScenarioFile(spec);
  } else if (
    spec !== null &&
    typeof spec === 'object' &&
    typeof (spec as { text?: unknown }).text === 'string'
  ) {
    const s = spec as { text: string; fileName?: unknown };
    name = typeof s.fileName === 'string' ? s.fileName : 'inline.yaml';
    loaded = loadScenario(s.text, { fileName: name });
  } else if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    name = 'inline.json';
    loaded = loadScenario(JSON.stringify(spec), { fileName: name, format: 'json' });
  } else {
    throw new RequestError(
      'BAD_REQUEST',
      `make: scenario must be a path, { text } or a scenario object (got ${JSON.stringify(spec)})`,
    );
  }
  if (!loaded.ok) {
    const lines = loaded.problems.map(
      (p) =>
        `${p.message} → at ${p.path === '' ? 'the document' : p.path} (${p.file ?? name} line ${p.line})`,
    );
    throw new RequestError('SCENARIO', `make: ${name}: ${lines.length} problem(s): ${lines.join('; ')}`);
  }
  return loaded.scenario;
}

/** The environments of one server and the requests on them. Synchronous: one request at a time. */
export class EnvServer {
  private readonly envs = new Map<string, Entry>();
  /** The running episode's schedule of each environment made with `recordSchedule: true`. */
  private readonly schedules = new WeakMap<ShopfloorEnv, ScheduleRecorder>();
  /** Environments whose last step ended an episode: the next request most likely resets them. */
  private readonly ended = new Set<Entry>();

  /** Answers one decoded request (never throws: errors become `{ ok: false, error }`). */
  handle(message: Message): Response {
    const id = message.header.id;
    try {
      return this.dispatch(message);
    } catch (error) {
      const code = error instanceof RequestError || error instanceof EnvError ? error.code : 'INTERNAL';
      const text = error instanceof Error ? error.message : String(error);
      return {
        header: {
          ok: false,
          ...(id === undefined ? {} : { id }),
          error: { code, message: code === 'INTERNAL' ? `internal error: ${text}` : text },
        },
      };
    }
  }

  /**
   * Work to do between a reply and the next request, while the client thinks: builds the next episode's
   * plant of every environment whose episode just ended (`ShopfloorEnv.prepareNextEpisode`), so that the
   * reset that follows only takes it.
   */
  idle(): void {
    for (const entry of this.ended) {
      if (entry.kind === 'single') entry.env.prepareNextEpisode();
      else entry.env.prepareResets();
    }
    this.ended.clear();
  }

  /** Closes every environment. */
  closeAll(): void {
    for (const e of this.envs.values()) e.env.close();
    this.envs.clear();
  }

  private dispatch({ header, arrays }: Message): Response {
    const op = header.op;
    if (op === 'ping') return { header: { ok: true, op: 'ping', protocol: ENV_PROTOCOL_VERSION } };
    if (op !== 'make' && op !== 'reset' && op !== 'step' && op !== 'close' && op !== 'schedule') {
      throw new RequestError(
        'UNKNOWN_OP',
        `request: unknown op ${JSON.stringify(op)}; ops: make, reset, step, close, schedule, ping`,
      );
    }
    const id = header.id;
    if (typeof id !== 'string' || id === '') {
      throw new RequestError(
        'BAD_REQUEST',
        `${op}: id must be a non-empty string (got ${JSON.stringify(id)})`,
      );
    }
    if (op === 'make') return this.make(id, header);
    if (op === 'close') {
      const e = this.envs.get(id);
      e?.env.close();
      this.envs.delete(id);
      return { header: { ok: true, id, closed: e !== undefined } };
    }
    const entry = this.envs.get(id);
    if (entry === undefined) {
      throw new RequestError('UNKNOWN_ID', `${op}: no environment ${JSON.stringify(id)} (make it first)`);
    }
    if (op === 'reset') return this.reset(id, entry, header);
    if (op === 'schedule') return this.schedule(id, entry, header);
    const actions = arrays.get('actions');
    if (!(actions instanceof Int32Array)) {
      throw new RequestError('BAD_REQUEST', 'step: needs an int32 array named actions');
    }
    return this.step(id, entry, actions);
  }

  private make(id: string, header: Record<string, unknown>): Response {
    if (this.envs.has(id))
      throw new RequestError('ID_IN_USE', `make: environment ${JSON.stringify(id)} exists (close it first)`);
    const options = header.options ?? {};
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new RequestError('BAD_REQUEST', 'make: options must be an object');
    }
    for (const key of Object.keys(options)) {
      if (!MAKE_OPTIONS.has(key)) {
        throw new RequestError(
          'BAD_REQUEST',
          `make: unknown option ${key}; options: ${[...MAKE_OPTIONS].join(', ')}`,
        );
      }
    }
    const numEnvs = header.numEnvs;
    if (typeof numEnvs === 'number' && numEnvs > MAX_NUM_ENVS) {
      throw new RequestError('BAD_REQUEST', `make: numEnvs must be <= ${MAX_NUM_ENVS} (got ${numEnvs})`);
    }
    const scenario = scenarioOf(header.scenario);
    const { recordSchedule: record, ...rest } = options as Record<string, unknown>;
    if (record !== undefined && typeof record !== 'boolean') {
      throw new RequestError(
        'BAD_REQUEST',
        `make: recordSchedule must be true or false (got ${JSON.stringify(record)})`,
      );
    }
    const envOptions: ShopfloorEnvOptions = {
      ...(rest as Omit<ShopfloorEnvOptions, 'scenario'>),
      scenario,
      ...(record === true
        ? {
            onEpisodeStart: (plant, env) => {
              this.schedules.get(env)?.stop();
              this.schedules.set(env, recordSchedule(plant));
            },
          }
        : {}),
    };
    let entry: Entry;
    if (numEnvs === undefined || numEnvs === null) {
      const env = new ShopfloorEnv(envOptions);
      entry = { kind: 'single', env, replies: replies(id, 1, env.observationSize, env.maxCandidates, false) };
    } else {
      const env = new VectorEnv({ ...envOptions, numEnvs: numEnvs as number });
      entry = {
        kind: 'vector',
        env,
        replies: replies(id, env.numEnvs, env.observationSize, env.maxCandidates, true),
      };
    }
    this.envs.set(id, entry);
    const single = entry.kind === 'single' ? entry.env : entry.env.subEnvs[0]!;
    return {
      header: {
        ok: true,
        id,
        protocol: ENV_PROTOCOL_VERSION,
        infoColumns: INFO_COLUMNS,
        decisionKinds: DECISION_KINDS,
        numEnvs: entry.kind === 'single' ? null : entry.env.numEnvs,
        observationSpace: single.observationSpace,
        actionSpace: single.actionSpace,
        actionMaskSpace: single.actionMaskSpace,
        maxCandidates: single.maxCandidates,
        observationSize: single.observationSize,
        observationFeatureNames: single.observationFeatureNames,
        agent: single.agent,
        slots: single.slots,
        rewardName: single.rewardName,
        illegalAction: single.illegalAction,
        penalty: single.penalty,
        maxSteps: Number.isFinite(single.maxSteps) ? single.maxSteps : null,
        horizonS: single.horizonS,
        // What a trained policy records (shopfloor_gym.export_onnx) to be checked against a scenario later.
        scales: single.scales,
        layoutVersion: OBSERVATION_LAYOUT_VERSION,
        scenarioFingerprint: scenarioFingerprint(scenario),
        scenarioName: scenario.name ?? null,
      },
    };
  }

  private reset(id: string, entry: Entry, header: Record<string, unknown>): Response {
    const seed = header.seed ?? undefined;
    if (seed !== undefined && typeof seed !== 'number') {
      throw new RequestError('BAD_REQUEST', `reset: seed must be an integer (got ${JSON.stringify(seed)})`);
    }
    const out = entry.replies;
    if (entry.kind === 'single') {
      const options = header.options as Record<string, unknown> | undefined;
      const r = entry.env.reset({ ...(seed === undefined ? {} : { seed }), ...(options ? { options } : {}) });
      fillInfo(out.info, 0, r.info);
      return reply(
        id,
        out.resetHead,
        [
          { name: 'observation', data: r.observation },
          { name: 'action_mask', data: r.info.actionMask },
          { name: 'info', data: out.info },
        ],
        textsOf(r.info),
      );
    }
    const v = entry.env;
    const r = v.reset(seed === undefined ? {} : { seed });
    for (let i = 0; i < v.numEnvs; i++) fillInfo(out.info, i, r.infos[i]!);
    return reply(
      id,
      out.resetHead,
      [
        { name: 'observations', data: r.observations, shape: [v.numEnvs, v.observationSize] },
        { name: 'action_masks', data: r.actionMasks, shape: [v.numEnvs, v.maxCandidates] },
        { name: 'infos', data: out.info, shape: [v.numEnvs, COLS] },
      ],
      vectorTexts(r.infos),
    );
  }

  private schedule(id: string, entry: Entry, header: Record<string, unknown>): Response {
    const index = header.index ?? 0;
    const count = entry.kind === 'single' ? 1 : entry.env.numEnvs;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new RequestError(
        'BAD_REQUEST',
        `schedule: index must be an integer in [0, ${count}) (got ${JSON.stringify(index)})`,
      );
    }
    const env = entry.kind === 'single' ? entry.env : entry.env.subEnvs[index]!;
    const recorder = this.schedules.get(env);
    if (recorder === undefined) {
      throw new RequestError(
        'BAD_REQUEST',
        `schedule: environment ${JSON.stringify(id)} records no schedule (make it with options.recordSchedule: true, then reset)`,
      );
    }
    return { header: { ok: true, id, csv: recorder.toCsv() } };
  }

  private step(id: string, entry: Entry, actions: Int32Array): Response {
    if (entry.kind === 'single') {
      if (actions.length !== 1) {
        throw new RequestError(
          'BAD_REQUEST',
          `step: a single environment takes 1 action (got ${actions.length})`,
        );
      }
      const r = entry.env.step(actions[0]!);
      if (r.terminated || r.truncated) this.ended.add(entry);
      const out = entry.replies;
      out.reward[0] = r.reward;
      out.terminated[0] = r.terminated ? 1 : 0;
      out.truncated[0] = r.truncated ? 1 : 0;
      fillInfo(out.info, 0, r.info);
      return reply(
        id,
        out.stepHead,
        [
          { name: 'observation', data: r.observation },
          { name: 'action_mask', data: r.info.actionMask },
          { name: 'reward', data: out.reward },
          { name: 'terminated', data: out.terminated },
          { name: 'truncated', data: out.truncated },
          { name: 'info', data: out.info },
        ],
        textsOf(r.info),
      );
    }
    const v = entry.env;
    const r = v.step(actions);
    this.ended.add(entry);
    const out = entry.replies;
    for (let i = 0; i < v.numEnvs; i++) fillInfo(out.info, i, r.infos[i]!);
    return reply(
      id,
      out.stepHead,
      [
        { name: 'observations', data: r.observations, shape: [v.numEnvs, v.observationSize] },
        { name: 'action_masks', data: r.actionMasks, shape: [v.numEnvs, v.maxCandidates] },
        { name: 'rewards', data: r.rewards },
        { name: 'terminated', data: r.terminated },
        { name: 'truncated', data: r.truncated },
        { name: 'infos', data: out.info, shape: [v.numEnvs, COLS] },
      ],
      vectorTexts(r.infos),
    );
  }
}

/** The reusable parts of the reset and step responses of env `id` (see {@link Replies}). */
function replies(id: string, n: number, obs: number, slots: number, vector: boolean): Replies {
  const info = new Float64Array(n * COLS);
  const reward = new Float64Array(1);
  const terminated = new Uint8Array(n);
  const truncated = new Uint8Array(n);
  // Specs only: the shapes are all that matters here (the data of a vector's rows comes from the env).
  const resetArrays: OutArray[] = vector
    ? [
        { name: 'observations', data: new Float32Array(n * obs), shape: [n, obs] },
        { name: 'action_masks', data: new Uint8Array(n * slots), shape: [n, slots] },
        { name: 'infos', data: info, shape: [n, COLS] },
      ]
    : [
        { name: 'observation', data: new Float32Array(obs) },
        { name: 'action_mask', data: new Uint8Array(slots) },
        { name: 'info', data: info },
      ];
  const stepArrays: OutArray[] = vector
    ? [
        resetArrays[0]!,
        resetArrays[1]!,
        { name: 'rewards', data: new Float64Array(n) },
        { name: 'terminated', data: terminated },
        { name: 'truncated', data: truncated },
        resetArrays[2]!,
      ]
    : [
        resetArrays[0]!,
        resetArrays[1]!,
        { name: 'reward', data: reward },
        { name: 'terminated', data: terminated },
        { name: 'truncated', data: truncated },
        resetArrays[2]!,
      ];
  return {
    resetHead: encodeHeader({ ok: true, id, arrays: specsOf(resetArrays) }),
    stepHead: encodeHeader({ ok: true, id, arrays: specsOf(stepArrays) }),
    info,
    reward,
    terminated,
    truncated,
  };
}

/**
 * A reset or step response: with its pre-encoded `head` when no text is set, else with the `texts` in a
 * header of its own (`{ illegalAction?, deadlock? }` for one env, a list of `{ env, … }` for a vector).
 */
function reply(id: string, head: Buffer, arrays: OutArray[], texts: unknown): Response {
  if (texts === undefined) return { header: { ok: true, id }, arrays, head };
  return { header: { ok: true, id, texts }, arrays };
}

/**
 * Serves requests from `input` to `output` until `input` ends (resolves 0) or a frame is malformed
 * (answers `{ ok: false, error: { code: 'BAD_FRAME' } }`, then resolves {@link EXIT_BAD_FRAME}).
 * `log` takes diagnostics (stderr in the CLI); nothing but frames goes to `output`.
 */
export function serveEnv(
  input: Readable,
  output: Writable,
  log: (line: string) => void,
  from?: { readonly server: EnvServer; readonly pending: Buffer },
): Promise<number> {
  if (endianness() !== 'LE') return Promise.resolve(EXIT_BAD_FRAME);
  const server = from?.server ?? new EnvServer();
  const reader = new FrameReader();
  if (from !== undefined && from.pending.length > 0) reader.push(from.pending);
  return new Promise((resolve) => {
    let done = false;
    const finish = (code: number, flush = true) => {
      if (done) return;
      done = true;
      input.off('data', onData);
      input.pause();
      server.closeAll();
      if (flush) output.write(Buffer.alloc(0), () => resolve(code));
      else resolve(code);
    };
    const onData = (chunk: Buffer) => {
      if (done) return;
      reader.push(chunk);
      try {
        for (let body = reader.next(); body !== undefined; body = reader.next()) {
          output.write(encodeResponse(server.handle(decodeFrame(body))));
          if (reader.pending === 0) server.idle();
        }
      } catch (error) {
        const fatal = error instanceof FrameError;
        const message = error instanceof Error ? error.message : String(error);
        log(`env-server: ${fatal ? 'malformed frame' : 'internal error'}: ${message}; exiting`);
        output.write(
          encodeFrame({ ok: false, error: { code: fatal ? 'BAD_FRAME' : 'INTERNAL', message, fatal: true } }),
        );
        finish(EXIT_BAD_FRAME);
      }
    };
    input.on('data', onData);
    // Frames handed over by the synchronous loop (serve-fd.ts) are answered first.
    if (reader.pending > 0) onData(Buffer.alloc(0));
    input.on('end', () => {
      if (reader.pending > 0) {
        const message = `frame: input ended inside a frame (${reader.pending} bytes pending)`;
        log(`env-server: ${message}`);
        output.write(encodeFrame({ ok: false, error: { code: 'BAD_FRAME', message, fatal: true } }));
        finish(EXIT_BAD_FRAME);
      } else finish(0);
    });
    output.on('error', (error) => {
      // The client stopped reading (EPIPE): nobody is left to answer.
      log(`env-server: output error: ${error.message}`);
      finish(EXIT_BAD_FRAME, false);
    });
    input.on('error', (error) => {
      log(`env-server: input error: ${error.message}`);
      finish(EXIT_BAD_FRAME, false);
    });
  });
}
