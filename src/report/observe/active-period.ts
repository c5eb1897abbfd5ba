/**
 * The active-period method for finding bottlenecks (Roser, Nakano & Tanaka, 2001/2002): a station is
 * *active* while it works, changes over, is loaded by a robot, or is down or in maintenance, and
 * *inactive* while it waits for parts (starved), waits to pass a part on (blocked) or is off shift. At any
 * instant the bottleneck is the station whose current uninterrupted active period is the longest. Where
 * the active period of one bottleneck overlaps that of the next, the bottleneck *shifts*: that overlap
 * counts as shifting time for both (so shares can add up to more than 1); the rest of a station's time
 * as the bottleneck is *sole*.
 */

/** One uninterrupted active period of a station, seconds. */
export interface ActivePeriod {
  readonly startS: number;
  readonly endS: number;
}

/** A station's share of the observed time as the bottleneck. */
export interface BottleneckShare {
  readonly station: string;
  /** Fraction of the observed time it was the sole bottleneck. */
  readonly sole: number;
  /** Fraction of the observed time it was a shifting bottleneck (its active period overlapping the previous or next bottleneck's). */
  readonly shifting: number;
}

interface Segment {
  station: string;
  startS: number;
  endS: number;
  period: ActivePeriod;
}

/**
 * Ranks stations by how often each is the bottleneck over [fromS, toS] (periods are clipped to it):
 * sole + shifting fraction, largest first (ties by station id). Stations never active are listed with 0.
 * @throws RangeError when `toS` ≤ `fromS`.
 */
export function activePeriodBottlenecks(
  periods: Readonly<Record<string, readonly ActivePeriod[]>>,
  fromS: number,
  toS: number,
): BottleneckShare[] {
  if (!(toS > fromS))
    throw new RangeError(`activePeriodBottlenecks: toS must be > fromS (got ${fromS}..${toS})`);
  const stations = Object.keys(periods).sort();
  // Boundaries of every clipped period: between two of them, the set of active stations is fixed.
  const clipped = new Map<string, ActivePeriod[]>();
  const cuts = new Set<number>([fromS, toS]);
  for (const s of stations) {
    const list = periods[s]!.map((p) => ({ startS: Math.max(p.startS, fromS), endS: Math.min(p.endS, toS) }))
      .filter((p) => p.endS > p.startS)
      .sort((a, b) => a.startS - b.startS);
    clipped.set(s, list);
    for (const p of list) {
      cuts.add(p.startS);
      cuts.add(p.endS);
    }
  }
  const times = [...cuts].sort((a, b) => a - b);
  const cursor = new Map<string, number>(stations.map((s) => [s, 0]));
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!;
    const b = times[i + 1]!;
    let best: { station: string; period: ActivePeriod } | null = null;
    for (const s of stations) {
      const list = clipped.get(s)!;
      let k = cursor.get(s)!;
      while (k < list.length && list[k]!.endS <= a) k++;
      cursor.set(s, k);
      const p = list[k];
      if (p === undefined || p.startS > a) continue;
      // The longest active period wins; on a tie the station first in id order.
      if (best === null || p.endS - p.startS > best.period.endS - best.period.startS)
        best = { station: s, period: p };
    }
    if (best === null) continue;
    const last = segments.at(-1);
    if (last !== undefined && last.station === best.station && last.period === best.period && last.endS === a)
      last.endS = b;
    else segments.push({ station: best.station, startS: a, endS: b, period: best.period });
  }
  const total = toS - fromS;
  const sole = new Map<string, number>(stations.map((s) => [s, 0]));
  const shifting = new Map<string, number>(stations.map((s) => [s, 0]));
  // Time of each segment inside a shifting overlap: not sole.
  const overlapIn: number[] = segments.map(() => 0);
  for (let i = 0; i + 1 < segments.length; i++) {
    const x = segments[i]!;
    const y = segments[i + 1]!;
    if (x.station === y.station) continue;
    // Where the active periods of two successive bottlenecks overlap, both are shifting bottlenecks.
    const lo = Math.max(x.period.startS, y.period.startS);
    const hi = Math.min(x.period.endS, y.period.endS);
    if (hi <= lo) continue;
    shifting.set(x.station, shifting.get(x.station)! + (hi - lo));
    shifting.set(y.station, shifting.get(y.station)! + (hi - lo));
    overlapIn[i]! += Math.max(0, Math.min(hi, x.endS) - Math.max(lo, x.startS));
    overlapIn[i + 1]! += Math.max(0, Math.min(hi, y.endS) - Math.max(lo, y.startS));
  }
  segments.forEach((seg, i) => {
    const length = seg.endS - seg.startS;
    sole.set(seg.station, sole.get(seg.station)! + Math.max(0, length - overlapIn[i]!));
  });
  return stations
    .map((station) => ({
      station,
      sole: sole.get(station)! / total,
      shifting: shifting.get(station)! / total,
    }))
    .sort((a, b) => b.sole + b.shifting - (a.sole + a.shifting) || (a.station < b.station ? -1 : 1));
}
