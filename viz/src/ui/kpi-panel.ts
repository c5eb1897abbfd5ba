import uPlot from 'uplot';
import type { KpiSeries } from '../feed/recording.js';

/** One small chart: a title, a series over simulated hours, and a marker at the current time. */
interface Chart {
  plot: uPlot;
  pick: (s: KpiSeries) => number[];
}

/** A chart's line: name, colour, and how to read it from the series. */
export interface ChartSpec {
  readonly title: string;
  readonly colour: string;
  readonly pick: (s: KpiSeries) => number[];
}

/** The plant charts: throughput, WIP and the share of busy servers over time. */
export const PLANT_CHARTS: readonly ChartSpec[] = [
  { title: 'throughput (parts/h)', colour: '#2f9e44', pick: (s) => s.throughputPerH },
  { title: 'WIP (parts)', colour: '#1c7ed6', pick: (s) => s.wip },
  { title: 'busy servers (%)', colour: '#e8590c', pick: (s) => s.busy.map((b) => b * 100) },
];

/**
 * Small uPlot charts of KPI series over simulated time (hours), with a vertical marker at the current time.
 * `refresh` redraws the data (call when the series grew), `mark` moves the marker.
 */
/** An axis label: `12k` from 12,000, `950` as is, `0.25` as is. */
function compact(v: number): string {
  return Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(3)));
}

export class KpiPanel {
  private readonly charts: Chart[] = [];
  private markerH = 0;
  private shownLength = -1;

  constructor(host: HTMLElement, specs: readonly ChartSpec[], width = 300) {
    host.replaceChildren();
    for (const spec of specs) {
      const div = document.createElement('div');
      div.className = 'chart';
      host.append(div);
      const plot = new uPlot(
        {
          title: spec.title,
          width,
          height: 110,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false } },
          // Large values in thousands (12k parts/h), so the y axis labels fit its width.
          axes: [{ size: 24 }, { size: 48, values: (_u, splits) => splits.map(compact) }],
          series: [{}, { stroke: spec.colour, width: 1.5 }],
          hooks: {
            draw: [
              (u) => {
                const x = u.valToPos(this.markerH, 'x', true);
                const ctx = u.ctx;
                ctx.save();
                ctx.strokeStyle = '#c92a2a';
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                ctx.restore();
              },
            ],
          },
        },
        [[], []],
        div,
      );
      this.charts.push({ plot, pick: spec.pick });
    }
  }

  /** Redraws the data when the series grew since last time. */
  refresh(series: KpiSeries): void {
    if (series.t.length === this.shownLength) return;
    this.shownLength = series.t.length;
    const hours = series.t.map((t) => t / 3600);
    for (const c of this.charts) c.plot.setData([hours, c.pick(series)]);
  }

  /** Moves the current-time marker to `t` seconds. */
  mark(t: number): void {
    const h = t / 3600;
    if (Math.abs(h - this.markerH) < 0.01) return;
    this.markerH = h;
    for (const c of this.charts) c.plot.redraw(false, false);
  }

  destroy(): void {
    for (const c of this.charts) c.plot.destroy();
  }
}

/** The difference strip's charts (A − B). */
export const DIFFERENCE_CHARTS: readonly ChartSpec[] = [
  { title: 'WIP A − B (parts)', colour: '#1c7ed6', pick: (s) => s.wip },
  { title: 'throughput A − B (parts/h)', colour: '#2f9e44', pick: (s) => s.throughputPerH },
];
