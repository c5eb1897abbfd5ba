import type { Estimate } from '../figures/estimate.js';
import { PLANT_FIGURES } from '../figures/plant-figures.js';
import { FigureFormatter, shownUnit } from '../text/format-figure.js';
import { forestChart } from './charts.js';
import { type PageBlock, type ReportPage, renderPage } from './page.js';

/** One alternative of a comparison and its plant figures (`ScenarioResult.kpis`). */
export interface CompareAlternative {
  readonly name: string;
  readonly kpis: Readonly<Record<string, Estimate | null>>;
}

/** The paired difference of one figure between an alternative and the baseline (same seeds: CRN). */
export interface PairedDifference {
  /** A plant figure key (`throughputPerHour`) or any label for another figure. */
  readonly figure: string;
  readonly alternative: string;
  readonly baseline: string;
  /** Mean of (alternative − baseline) over replications, in the figure's unit. */
  readonly mean: number;
  /** Paired-t 95% half-width (null with one replication). */
  readonly halfWidth: number | null;
  /** The interval excludes 0. */
  readonly significant: boolean;
}

/** What {@link compareReportHtml} draws. */
export interface CompareReportInput {
  readonly title: string;
  readonly manifest: ReportPage['manifest'];
  readonly alternatives: readonly CompareAlternative[];
  readonly differences: readonly PairedDifference[];
  /** Sentences shown first, e.g. the ranking-and-selection statement naming its procedure. */
  readonly statements?: readonly string[];
}

/**
 * A difference's label and scale: a plant figure in the unit its table row shows (minutes, parts/h;
 * a fraction's difference in percentage points), so the differences read like the figures above them.
 */
function shownDifference(key: string): { label: string; scale: number } {
  const figure = PLANT_FIGURES.find((f) => f.key === key);
  if (figure === undefined) return { label: key, scale: 1 };
  const { scale, unit } = shownUnit(figure);
  const shown = figure.unit === 'fraction' ? 'percentage points' : unit;
  return { label: shown === '' ? figure.label : `${figure.label} (${shown})`, scale };
}

/** The blocks of a comparison: statements, each plant figure per alternative, the paired differences. */
export function compareReportBlocks(input: CompareReportInput): PageBlock[] {
  const f = new FigureFormatter();
  const blocks: PageBlock[] = (input.statements ?? []).map((text) => ({ kind: 'text', text }));
  blocks.push({ kind: 'heading', text: 'Figures per alternative' });
  blocks.push({
    kind: 'table',
    title: 'Plant KPIs',
    head: ['plant KPI', ...input.alternatives.map((a) => a.name)],
    rows: PLANT_FIGURES.filter(
      (fig) => fig.table !== false && input.alternatives.some((a) => (a.kpis[fig.key] ?? null) !== null),
    ).map((fig) => [
      fig.label,
      ...input.alternatives.map((a) => f.figure(fig, a.kpis[fig.key] ?? null, true)),
    ]),
  });
  blocks.push({ kind: 'heading', text: 'Paired differences' });
  const rows = input.differences.map((d) => {
    const { label, scale } = shownDifference(d.figure);
    const mean = d.mean * scale;
    const half = (d.halfWidth ?? 0) * scale;
    return {
      figure: label,
      comparison: `${d.alternative} − ${d.baseline}`,
      mean,
      lo: mean - half,
      hi: mean + half,
      significant: d.significant ? 'yes' : 'no',
    };
  });
  if (rows.length > 0) {
    blocks.push({
      kind: 'chart',
      name: 'forest',
      title: 'Paired differences with 95% confidence intervals',
      spec: forestChart(rows),
      caption:
        'Each alternative minus the baseline, on common random numbers; filled: the interval excludes 0.',
    });
  }
  blocks.push({
    kind: 'table',
    title: 'Paired differences',
    head: ['figure', 'comparison', 'difference', '95% CI', 'significant'],
    rows: rows.map((r, i) => [
      r.figure,
      r.comparison,
      r.mean.toPrecision(4),
      input.differences[i]!.halfWidth === null ? null : `[${r.lo.toPrecision(4)}, ${r.hi.toPrecision(4)}]`,
      r.significant,
    ]),
  });
  return blocks;
}

/** The HTML report of a comparison (`shopfloor compare --html`): one self-contained file. */
export function compareReportHtml(input: CompareReportInput): string {
  return renderPage({
    title: input.title,
    subtitle: `${input.alternatives.length} alternatives: ${input.alternatives.map((a) => a.name).join(', ')}`,
    manifest: input.manifest,
    blocks: compareReportBlocks(input),
  });
}
