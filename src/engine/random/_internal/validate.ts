/**
 * Argument checks shared by the random streams and distributions. Each throws an
 * {@link InvalidArgumentError} whose message starts with the API name and gives the offending value.
 */

import { InvalidArgumentError, show } from '../../errors.js';

/** Checks that a constructor's options argument is a non-null object and returns it. */
export function requireOptions<T>(api: string, options: T): T {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`${api}: options must be an object (got ${show(options)})`);
  }
  return options;
}

/** A finite number. */
export function requireFinite(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`${api}: ${name} must be a finite number (got ${show(value)})`);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`${api}: ${name} must be a finite number > 0 (got ${show(value)})`);
  }
  return value;
}

/** A finite number >= 0. */
export function requireNonNegative(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`${api}: ${name} must be a finite number >= 0 (got ${show(value)})`);
  }
  return value;
}

/** A number in the closed interval [0, 1]. */
export function requireProbability(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidArgumentError(`${api}: ${name} must be a number in [0, 1] (got ${show(value)})`);
  }
  return value;
}

/** An integer >= 1 (and a safe integer). */
export function requirePositiveInteger(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${api}: ${name} must be an integer >= 1 (got ${show(value)})`);
  }
  return value;
}

/** A non-empty string. */
export function requireNonEmptyString(api: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError(`${api}: ${name} must be a non-empty string (got ${show(value)})`);
  }
  return value;
}

/** A non-empty array (of anything). */
export function requireNonEmptyArray<T>(
  api: string,
  name: string,
  value: readonly T[] | unknown,
): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(`${api}: ${name} must be a non-empty array (got ${show(value)})`);
  }
  return value as readonly T[];
}

/** Checks `lo < hi`, naming both parameters. */
export function requireLess(api: string, loName: string, lo: number, hiName: string, hi: number): void {
  if (!(lo < hi)) {
    throw new InvalidArgumentError(
      `${api}: ${loName} must be < ${hiName} (got ${loName}=${lo}, ${hiName}=${hi})`,
    );
  }
}
