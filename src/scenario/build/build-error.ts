/**
 * A scenario that passed validation but uses a combination the model cannot build yet (e.g. a product mix
 * on a source). It names what and where, like a validation problem, so the CLI reports it with exit code 2.
 */
export class BuildError extends Error {
  /** Path in the scenario, e.g. `sources[1].mix`. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${message} → at ${path}`);
    this.name = 'BuildError';
    this.path = path;
  }
}
