/**
 * Reads the `metadata_props` of an ONNX model (`ModelProto` field 14: repeated `{ key, value }` string
 * pairs) without loading the model: onnxruntime-web does not expose them. Only those fields are declared
 * to protobufjs, which skips the rest (the graph and its weights) unread.
 */
import type * as Protobuf from 'protobufjs';
import { PolicyError } from './policy-error.js';

let modelProto: Promise<Protobuf.Type> | undefined;

/**
 * The `ModelProto` type with only the fields read here. protobufjs is imported on first use: a command
 * that runs no trained policy does not pay for loading it.
 */
function modelProtoType(): Promise<Protobuf.Type> {
  modelProto ??= import('protobufjs').then((module) => {
    // protobufjs is CommonJS: Node hands its exports over as the default export.
    const protobuf = (module as unknown as { default?: typeof Protobuf }).default ?? module;
    return (
      // Field numbers from onnx/onnx.proto (ModelProto, StringStringEntryProto).
      protobuf.Root.fromJSON({
        nested: {
          StringStringEntryProto: {
            fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } },
          },
          ModelProto: {
            fields: {
              irVersion: { type: 'int64', id: 1 },
              producerName: { type: 'string', id: 2 },
              producerVersion: { type: 'string', id: 3 },
              metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
            },
          },
        },
      }).lookupType('ModelProto')
    );
  });
  return modelProto;
}

/** What {@link readOnnxMetadata} finds in a model file. */
export interface OnnxModelInfo {
  /** `producer_name` (e.g. `pytorch`), `''` when unset. */
  readonly producerName: string;
  readonly producerVersion: string;
  /** `metadata_props`, key → value (a key given twice keeps its last value, as onnx does). */
  readonly metadata: ReadonlyMap<string, string>;
}

/**
 * The producer and `metadata_props` of the ONNX model in `bytes`.
 * @param source the file name, for messages.
 * @throws PolicyError `POLICY_FILE` when the bytes are not a protobuf `ModelProto`.
 */
export async function readOnnxMetadata(bytes: Uint8Array, source: string): Promise<OnnxModelInfo> {
  const ModelProto = await modelProtoType();
  let message: Protobuf.Message;
  try {
    message = ModelProto.decode(bytes);
  } catch (error) {
    throw new PolicyError(
      'POLICY_FILE',
      `${source}: not an ONNX model (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const m = ModelProto.toObject(message, { longs: Number, defaults: true }) as {
    irVersion: number;
    producerName: string;
    producerVersion: string;
    metadataProps: { key: string; value: string }[];
  };
  if (!(m.irVersion > 0))
    throw new PolicyError('POLICY_FILE', `${source}: not an ONNX model (no ir_version)`);
  const metadata = new Map<string, string>();
  for (const { key, value } of m.metadataProps) metadata.set(key, value);
  return { producerName: m.producerName, producerVersion: m.producerVersion, metadata };
}
