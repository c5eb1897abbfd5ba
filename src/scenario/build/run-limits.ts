/** Which limit stopped a replication before its horizon. */
export type LimitReason = 'maxEvents' | 'maxWall';

/**
 * The limits `maxEvents` and `maxWallS` of a run (see `RunScenarioOptions`), checked once, the wall clock
 * started when the run starts, and the words of a partial result. Shared by the runs of built-in rules
 * and those of trained policies, so that both stop and report alike.
 */
export class RunLimits {
  /** Events one replication may run; `Infinity` for no limit. */
  readonly maxEvents: number;
  /** Wall-clock seconds the whole run may take; `Infinity` for no limit. */
  readonly maxWallS: number;
  private readonly startedMs = Date.now();

  /** @throws RangeError for a `maxEvents` that is not an integer ≥ 1, or a `maxWallS` that is not > 0. */
  constructor(options: { readonly maxEvents?: number; readonly maxWallS?: number }) {
    this.maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    this.maxWallS = options.maxWallS ?? Number.POSITIVE_INFINITY;
    const e = this.maxEvents;
    if (!(e >= 1 && (Number.isInteger(e) || e === Number.POSITIVE_INFINITY)))
      throw new RangeError(`runScenario: maxEvents must be an integer >= 1 (got ${options.maxEvents})`);
    if (!(this.maxWallS > 0))
      throw new RangeError(`runScenario: maxWallS must be > 0 s (got ${options.maxWallS})`);
  }

  /** Wall-clock seconds since the run started. */
  elapsedS(): number {
    return (Date.now() - this.startedMs) / 1000;
  }

  /** The limit a replication that has run `events` events has reached, or null. */
  reached(events: number): LimitReason | null {
    if (events >= this.maxEvents) return 'maxEvents';
    if (this.elapsedS() >= this.maxWallS) return 'maxWall';
    return null;
  }

  /**
   * What a partial result says of replication `r` (from 0) of `replications`, stopped by `stopped` at
   * `endS` of `horizonS` after `events` events (with a warm-up of `warmupS`; all in seconds): one line,
   * and one more for the replications that a spent wall clock leaves unrun.
   */
  notes(
    stopped: LimitReason,
    r: number,
    replications: number,
    time: { readonly endS: number; readonly horizonS: number; readonly warmupS: number },
    events: number,
  ): string[] {
    const why =
      stopped === 'maxEvents'
        ? `after ${events.toLocaleString('en-US')} events (maxEvents)`
        : `after ${this.elapsedS().toFixed(1)} s of wall-clock time (maxWall)`;
    const h = (t: number) => `${(t / 3600).toFixed(2)} h`;
    // Statistics restart at the end of the warm-up: a replication stopped before it reports from time 0.
    const early =
      time.endS < time.warmupS
        ? `, before its warm-up of ${h(time.warmupS)} ended (its figures include the warm-up)`
        : '';
    const lines = [`replication ${r + 1} stopped at ${h(time.endS)} of ${h(time.horizonS)} ${why}${early}`];
    if (stopped === 'maxWall' && r + 1 < replications)
      lines.push(`replications ${r + 2}–${replications} not run`);
    return lines;
  }
}
