/**
 * Errors of loading and running trained or rule policies. Each carries a stable `code` and says with
 * `fatal` whether the run can go on (none of them can: they are all raised before it starts).
 */

/** Stable machine-readable codes of {@link PolicyError}s. */
export type PolicyErrorCode =
  /** A `--policy` text that does not parse (`kind=rule` or `kind=file.onnx`). */
  | 'POLICY_SPEC'
  /** The ONNX file cannot be read or is not an ONNX model. */
  | 'POLICY_FILE'
  /** The model carries no shopfloor metadata, or metadata that does not parse. */
  | 'POLICY_METADATA'
  /** The model's recorded observation spec does not fit the scenario's. */
  | 'POLICY_MISMATCH';

/** A policy that cannot be used; the message names what and where. */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  /** Always `true`: nothing is run with a policy that failed to load or does not fit. */
  readonly fatal = true;

  constructor(code: PolicyErrorCode, message: string) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
  }
}
