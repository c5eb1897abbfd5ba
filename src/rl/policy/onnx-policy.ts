/**
 * A trained policy in an ONNX file, evaluated with onnxruntime-web (WebAssembly: the same code in Node and
 * in a browser, nothing native to install). The file carries its own description (`policy-metadata.ts`):
 * the observation it takes and that its output is one logit per action slot; the action is the masked
 * argmax of the logits ({@link maskedArgmax}).
 */
import type * as Ort from 'onnxruntime-web';
import { readOnnxMetadata } from './onnx-metadata.js';
import { PolicyError } from './policy-error.js';
import { type PolicyMetadata, parsePolicyMetadata } from './policy-metadata.js';

type OrtModule = typeof Ort;
let ortModule: Promise<OrtModule> | undefined;

/**
 * onnxruntime-web, imported on first use (a command that runs no trained policy does not load it), on
 * one thread: no worker threads to start or to keep the process alive, and the same sums in the same
 * order on every machine. A policy network here is small; threads would not pay for themselves.
 */
function loadOrt(): Promise<OrtModule> {
  ortModule ??= import('onnxruntime-web').then((ort) => {
    ort.env.wasm.numThreads = 1;
    return ort;
  });
  return ortModule;
}

/**
 * The slot with the highest logit among those where `mask` is 1 — the lowest such slot on a tie, as
 * `argmax` in NumPy and PyTorch — or −1 when the mask allows none. NaN logits never win.
 */
export function maskedArgmax(logits: ArrayLike<number>, mask: ArrayLike<number>): number {
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  const n = Math.min(logits.length, mask.length);
  for (let i = 0; i < n; i++) {
    const v = logits[i]!;
    if (mask[i] !== 1 || Number.isNaN(v)) continue;
    if (best < 0 || v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  if (best < 0) for (let i = 0; i < n; i++) if (mask[i] === 1) return i; // every allowed logit NaN
  return best;
}

/** A loaded ONNX policy: its metadata, and its logits and action for an observation. */
export class OnnxPolicy {
  /** Where it came from (a file name), for messages. */
  readonly source: string;
  readonly metadata: PolicyMetadata;
  private readonly ort: OrtModule;
  private readonly session: Ort.InferenceSession;
  private readonly size: number;
  private readonly slots: number;

  private constructor(
    ort: OrtModule,
    source: string,
    metadata: PolicyMetadata,
    session: Ort.InferenceSession,
  ) {
    this.ort = ort;
    this.source = source;
    this.metadata = metadata;
    this.session = session;
    this.size = metadata.observation.size;
    this.slots = metadata.observation.maxCandidates;
  }

  /**
   * Loads a policy from the bytes of an ONNX file: reads and checks its metadata, opens an inference
   * session, and checks that the graph has the input and output the metadata names, with fitting shapes.
   * @param source the file name, for messages.
   * @throws PolicyError `POLICY_FILE` (not a model onnxruntime can load), `POLICY_METADATA` (no or bad
   *   shopfloor metadata, or a graph that does not match it).
   */
  static async fromBytes(bytes: Uint8Array, source: string): Promise<OnnxPolicy> {
    const info = await readOnnxMetadata(bytes, source);
    const metadata = parsePolicyMetadata(info.metadata, source);
    const ort = await loadOrt();
    let session: Ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    } catch (error) {
      throw new PolicyError(
        'POLICY_FILE',
        `${source}: onnxruntime-web cannot load the model (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const policy = new OnnxPolicy(ort, source, metadata, session);
    try {
      policy.checkGraph();
    } catch (error) {
      await session.release();
      throw error;
    }
    return policy;
  }

  private checkGraph(): void {
    const { input, output, observation } = this.metadata;
    const s = this.session;
    const fail = (what: string) =>
      new PolicyError('POLICY_METADATA', `${this.source}: the graph does not match its metadata: ${what}`);
    if (!s.inputNames.includes(input)) throw fail(`no input "${input}" (inputs: ${s.inputNames.join(', ')})`);
    if (!s.outputNames.includes(output))
      throw fail(`no output "${output}" (outputs: ${s.outputNames.join(', ')})`);
    const shapeOf = (list: readonly Ort.InferenceSession.ValueMetadata[], name: string) => {
      const m = list.find((v) => v.name === name);
      return m?.isTensor === true ? m : undefined;
    };
    const inMeta = shapeOf(s.inputMetadata, input);
    if (inMeta !== undefined) {
      if (inMeta.type !== 'float32') throw fail(`input "${input}" is ${inMeta.type}, not float32`);
      const last = inMeta.shape.at(-1);
      if (typeof last === 'number' && last !== observation.size)
        throw fail(`input "${input}" takes ${last} features, the metadata says ${observation.size}`);
    }
    const outMeta = shapeOf(s.outputMetadata, output);
    if (outMeta !== undefined) {
      if (outMeta.type !== 'float32') throw fail(`output "${output}" is ${outMeta.type}, not float32`);
      const last = outMeta.shape.at(-1);
      if (typeof last === 'number' && last !== observation.maxCandidates)
        throw fail(
          `output "${output}" has ${last} logits, the metadata says ${observation.maxCandidates} slots`,
        );
    }
  }

  /**
   * The policy's logits for one observation (a new array of `maxCandidates` numbers). Calls may overlap
   * (several runs sharing one policy): onnxruntime-web queues them.
   * @throws RangeError when the observation has the wrong length.
   */
  async logits(observation: Float32Array): Promise<Float32Array> {
    if (observation.length !== this.size) {
      throw new RangeError(
        `OnnxPolicy.logits: ${this.source} takes ${this.size} features (got ${observation.length})`,
      );
    }
    // A copy: onnxruntime may hold the tensor's buffer while the caller rewrites its own.
    const tensor = new this.ort.Tensor('float32', Float32Array.from(observation), [1, this.size]);
    const out = await this.session.run({ [this.metadata.input]: tensor });
    const value = out[this.metadata.output];
    if (value === undefined || !(value.data instanceof Float32Array) || value.data.length !== this.slots) {
      throw new PolicyError(
        'POLICY_METADATA',
        `${this.source}: output "${this.metadata.output}" is not ${this.slots} float32 logits`,
      );
    }
    return value.data;
  }

  /**
   * The action for one observation and its mask (1 = legal slot): the masked argmax of the logits.
   * @throws RangeError when the mask allows no slot or has the wrong length.
   */
  async act(
    observation: Float32Array,
    mask: ArrayLike<number>,
  ): Promise<{ action: number; logits: Float32Array }> {
    if (mask.length !== this.slots)
      throw new RangeError(`OnnxPolicy.act: the mask has ${mask.length} slots, ${this.source} ${this.slots}`);
    const logits = await this.logits(observation);
    const action = maskedArgmax(logits, mask);
    if (action < 0) throw new RangeError('OnnxPolicy.act: the mask allows no action');
    return { action, logits };
  }

  /** Frees the inference session. */
  async release(): Promise<void> {
    await this.session.release();
  }
}
