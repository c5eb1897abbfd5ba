/**
 * Typed errors of the simulation kernel.
 *
 * Every error carries a stable `code` (for programs) and a `fatal` flag that says whether the
 * simulation that raised it can go on. Messages start with the API name that rejected the call
 * and give the offending value, e.g. `Simulation.schedule: delay must be a finite number >= 0 s (got NaN)`.
 */

/** Stable machine-readable error codes raised by the kernel. */
export type SimErrorCode = 'INVALID_ARGUMENT' | 'INVALID_STATE' | 'INTERRUPTED' | 'DEADLOCK';

/** Base class of every error thrown by the kernel. */
export class SimulationError extends Error {
  /** Machine-readable reason. */
  readonly code: SimErrorCode;
  /** `true` when the simulation that raised it cannot continue. */
  readonly fatal: boolean;

  constructor(code: SimErrorCode, message: string, fatal: boolean) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.fatal = fatal;
  }
}

/**
 * A call was made with an argument outside its domain (NaN time, negative rate, capacity 0…).
 * Nothing was changed: the simulation can go on.
 */
export class InvalidArgumentError extends SimulationError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message, false);
  }
}

/**
 * A call was made in a state that does not allow it (releasing a resource not held, triggering an
 * event twice, scheduling in the past). Nothing was changed: the simulation can go on.
 */
export class InvalidStateError extends SimulationError {
  constructor(message: string) {
    super('INVALID_STATE', message, false);
  }
}

/** Formats a value for an error message: strings quoted, numbers as written, objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
