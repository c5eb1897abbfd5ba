import { performance } from 'node:perf_hooks';

/** One engine's implementation of a benchmark model. */
export interface Contender<R> {
  /** Engine name, e.g. `shopfloor` or `simjs`. */
  engine: string;
  /** Runs the model once and returns its result. */
  run(): R;
  /** Work units (jobs) completed in a result, the numerator of the throughput. */
  units(result: R): number;
}

/** Throughput of one contender over the measured rounds. */
export interface Measurement<R> {
  engine: string;
  /** Median work units per wall-clock second over the rounds. */
  medianPerSecond: number;
  /** Every round's figure, in order. */
  rounds: number[];
  /** The last round's result (for checking the model against theory). */
  last: R;
}

/**
 * Runs every contender `rounds` times after `warmup` unmeasured runs, interleaving the engines within
 * each round (and reversing their order every other round) so that neither benefits from going first.
 */
export function compare<R>(contenders: Contender<R>[], rounds: number, warmup: number): Measurement<R>[] {
  for (let w = 0; w < warmup; w++) for (const c of contenders) c.run();
  const perSecond = contenders.map(() => [] as number[]);
  const last: R[] = new Array(contenders.length);
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const c = contenders[i]!;
      const t0 = performance.now();
      const result = c.run();
      const seconds = (performance.now() - t0) / 1000;
      perSecond[i]!.push(c.units(result) / seconds);
      last[i] = result;
    }
  }
  return contenders.map((c, i) => ({
    engine: c.engine,
    medianPerSecond: median(perSecond[i]!),
    rounds: perSecond[i]!,
    last: last[i]!,
  }));
}

/** Median of a non-empty array. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
