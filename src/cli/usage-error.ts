/**
 * A mistake in what the user typed (a flag value, a file that does not exist, an invalid scenario).
 * The CLI prints its message and exits with code 2; anything else is a bug and keeps its stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
