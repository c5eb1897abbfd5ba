/**
 * Errors of the RL environment. Each carries a stable `code` and says with `fatal` whether the
 * environment that raised it can go on (as the kernel's errors do).
 */

/** Stable machine-readable codes of {@link EnvError}s. */
export type EnvErrorCode = 'INVALID_ACTION' | 'ENV_CLOSED' | 'ENV_CONFIG' | 'NEEDS_RESET';

/** Base class of the environment's errors. */
export class EnvError extends Error {
  /** Machine-readable reason. */
  readonly code: EnvErrorCode;
  /** `true` when the environment cannot be used any more. */
  readonly fatal: boolean;

  constructor(code: EnvErrorCode, message: string, fatal: boolean) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.fatal = fatal;
  }
}

/**
 * `step` got an action that is not a legal one now: not a number, not an integer, out of range, or a
 * slot the action mask rules out. Nothing changed: the same decision is still pending, so the caller may
 * step again with a legal action.
 */
export class InvalidActionError extends EnvError {
  /** The action as given. */
  readonly action: unknown;
  /** The legal slots now, ascending (the indices where the mask is 1). */
  readonly legalActions: readonly number[];

  constructor(message: string, action: unknown, legalActions: readonly number[]) {
    super('INVALID_ACTION', message, false);
    this.action = action;
    this.legalActions = legalActions;
  }
}

/** A call after `close()`. Fatal: build a new environment. */
export class EnvClosedError extends EnvError {
  constructor(message: string) {
    super('ENV_CLOSED', message, true);
  }
}

/**
 * The environment's options do not fit its scenario (an agent kind that never occurs there, `slots:
 * 'product'` for a kind other than dispatch, a bad number). Raised by the constructor.
 */
export class EnvConfigError extends EnvError {
  constructor(message: string) {
    super('ENV_CONFIG', message, true);
  }
}

/** `step` before the first `reset`, or after the episode ended: call `reset()`. Nothing changed. */
export class NeedsResetError extends EnvError {
  constructor(message: string) {
    super('NEEDS_RESET', message, false);
  }
}
