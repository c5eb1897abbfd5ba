import type { Estimate } from '../figures/estimate.js';
import { PLANT_FIGURES } from '../figures/plant-figures.js';
import { FigureFormatter } from '../text/format-figure.js';
import { heatmapChart, responseChart } from './charts.js';
import { type PageBlock, type ReportPage, renderPage } from './page.js';

/** One point of a sweep: its parameter values and its plant figures (`ScenarioResult.kpis`). */
export interface SweepPoint {
  /** By parameter path (`buffers.b1.capacity`). */
  readonly values: Readonly<Record<string, number>>;
  readonly kpis: Readonly<Record<string, Estimate | null>>;
}

/** What {@link sweepReportHtml} draws. */
export interface SweepReportInput {
  readonly title: string;
  readonly manifest: ReportPage['manifest'];
  /** The swept parameter paths, in order (the first on x, the second on y of the heat maps). */
  readonly parameters: readonly string[];
  readonly points: readonly SweepPoint[];
  /** Plant figure keys to plot (default: throughput, mean cycle time, WIP). */
  readonly figures?: readonly string[];
  /** The objective and its best point (index into `points`), stated first and marked in the table. */
  readonly objective?: { readonly figure: string; readonly goal: 'min' | 'max'; readonly best: number };
}

const DEFAULT_FIGURES = ['throughputPerHour', 'cycleTimeS', 'wip'];

/**
 * The blocks of a sweep: the best point, a response plot per figure over the first parameter (one
 * parameter), or a heat map per figure over the first two (two or more; further parameters are in the
 * table), then every point.
 */
export function sweepReportBlocks(input: SweepReportInput): PageBlock[] {
  const f = new FigureFormatter();
  const figures = (input.figures ?? DEFAULT_FIGURES)
    .map((k) => PLANT_FIGURES.find((fig) => fig.key === k))
    .filter((fig) => fig !== undefined);
  const [px, py] = input.parameters;
  const blocks: PageBlock[] = [];
  const obj = input.objective;
  if (obj !== undefined) {
    const best = input.points[obj.best];
    const fig = PLANT_FIGURES.find((x) => x.key === obj.figure);
    if (best !== undefined)
      blocks.push({
        kind: 'text',
        text: `Best point for ${obj.goal === 'min' ? 'lowest' : 'highest'} ${fig?.label ?? obj.figure}: ${Object.entries(
          best.values,
        )
          .map(([k, v]) => `${k} = ${v}`)
          .join(
            ', ',
          )} (${fig === undefined ? String(best.kpis[obj.figure]?.mean) : f.figure(fig, best.kpis[obj.figure] ?? null, true)}).`,
      });
  }
  if (px !== undefined && py === undefined) {
    const rows = input.points.flatMap((p) =>
      figures.flatMap((fig) => {
        const e = p.kpis[fig.key];
        if (e === null || e === undefined || !Number.isFinite(e.mean)) return [];
        const hw = e.halfWidth ?? 0;
        return [{ x: p.values[px]!, figure: fig.label, mean: e.mean, lo: e.mean - hw, hi: e.mean + hw }];
      }),
    );
    blocks.push({
      kind: 'chart',
      name: 'response',
      title: `Response to ${px}`,
      spec: responseChart(rows, px),
      caption:
        'Mean over replications (line) and its 95% confidence interval (band), in JSON units (seconds, fractions).',
    });
  } else if (px !== undefined && py !== undefined) {
    for (const fig of figures) {
      const rows = input.points.flatMap((p) => {
        const e = p.kpis[fig.key];
        return e === null || e === undefined || !Number.isFinite(e.mean)
          ? []
          : [{ x: p.values[px]!, y: p.values[py]!, mean: e.mean }];
      });
      blocks.push({
        kind: 'chart',
        name: `heatmap-${fig.key}`,
        title: `${fig.label} over ${px} × ${py}`,
        spec: heatmapChart(rows, px, py, `${fig.label} (${fig.unit})`),
      });
    }
  }
  blocks.push({
    kind: 'table',
    title: 'Points',
    head: [...input.parameters, ...figures.map((fig) => fig.label), ...(obj === undefined ? [] : ['best'])],
    rows: input.points.map((p, i) => [
      ...input.parameters.map((k) => p.values[k] ?? null),
      ...figures.map((fig) => f.figure(fig, p.kpis[fig.key] ?? null, false)),
      ...(obj === undefined ? [] : [obj.best === i ? '★' : '']),
    ]),
  });
  return blocks;
}

/** The HTML report of a sweep (`shopfloor sweep --html`): one self-contained file. */
export function sweepReportHtml(input: SweepReportInput): string {
  return renderPage({
    title: input.title,
    subtitle: `${input.points.length} points over ${input.parameters.join(' × ')}`,
    manifest: input.manifest,
    blocks: sweepReportBlocks(input),
  });
}
