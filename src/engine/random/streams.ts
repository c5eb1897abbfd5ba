import { InvalidArgumentError, show } from '../errors.js';
import { requireNonEmptyString } from './_internal/validate.js';
import { RandomStream, StreamStates } from './stream.js';

/** Separator between master seed and stream name in a derived seed (U+241F SYMBOL FOR UNIT SEPARATOR). */
const SEPARATOR = '\u241F';

/**
 * The named random streams of one run, all derived from one master seed.
 *
 * The stream called `name` is seeded with the string `` `${masterSeed}\u241F${name}` `` and with nothing
 * else, so its draws do not depend on which other streams exist, in which order they were created, or
 * how much they were used. Adding an entity (and its streams) therefore leaves every other entity's
 * draws unchanged, which gives common random numbers when alternatives are compared on one seed.
 *
 * A number master seed and its decimal string (`42` and `'42'`) give the same streams.
 */
export class RandomStreams {
  private readonly master: number | string;
  private readonly streams = new Map<string, RandomStream>();
  /** The state table its streams share (see `RandomStream`). */
  private readonly states = new StreamStates();

  /** @param masterSeed - a finite integer or a non-empty string. */
  constructor(masterSeed: number | string) {
    const ok =
      (typeof masterSeed === 'number' && Number.isInteger(masterSeed)) ||
      (typeof masterSeed === 'string' && masterSeed.length > 0);
    if (!ok) {
      throw new InvalidArgumentError(
        `RandomStreams: masterSeed must be a finite integer or a non-empty string (got ${show(masterSeed)})`,
      );
    }
    this.master = masterSeed;
  }

  /** The master seed all streams derive from. */
  get masterSeed(): number | string {
    return this.master;
  }

  /**
   * The stream called `name`, created on first use. Every later call with the same name returns the
   * same object, which continues where the last draw left off.
   *
   * @param name - non-empty; by convention `entity/purpose`, e.g. `cut/failure`.
   */
  get(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      requireNonEmptyString('RandomStreams.get', 'name', name);
      stream = new RandomStream(name, `${this.master}${SEPARATOR}${name}`, this.states);
      this.streams.set(name, stream);
    }
    return stream;
  }
}
