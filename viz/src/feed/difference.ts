import type { KpiSeries } from './recording.js';

/** Differences A − B of two runs' series, sample by sample (the shorter length), for the difference strip. */
export function differenceSeries(a: KpiSeries, b: KpiSeries): KpiSeries {
  const n = Math.min(a.t.length, b.t.length);
  const d = (x: number[], y: number[]) => x.slice(0, n).map((v, i) => v - y[i]!);
  return {
    t: a.t.slice(0, n),
    throughputPerH: d(a.throughputPerH, b.throughputPerH),
    wip: d(a.wip, b.wip),
    busy: d(a.busy, b.busy),
  };
}
