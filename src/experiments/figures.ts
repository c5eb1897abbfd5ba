// By path, not through src/report/index.ts (which also holds the HTML pages): worker threads import this.
import type { Figure } from '../report/figures/declaration.js';
import { replicationValues } from '../report/figures/replication-values.js';
import { SECTIONS } from '../report/figures/sections.js';
import type { ReplicationRun } from '../scenario/index.js';
import type { FigureValues } from './replication.js';

/**
 * The figures experiments compare, from the report's declarations (src/report): each figure's value in
 * one replication by its JSON path (`kpis.wip`, `stations.press.utilization`,
 * `stations.press.stateFractions.busy`), and its label and unit for tables.
 */

/**
 * Every declared figure of a one-replication run by path; `null` where undefined in it. Order rows are
 * left out (one figure per order row does not make a tidy table).
 */
export function figureValues(run: ReplicationRun, replication = 0): FigureValues {
  const out: FigureValues = {};
  for (const series of replicationValues(
    run,
    SECTIONS.filter((s) => s.kind !== 'list'),
  )) {
    const v = series.values[replication];
    out[series.path] = v !== undefined && Number.isFinite(v) ? v : null;
  }
  return out;
}

/** The declaration behind a figure path, or undefined for a path no declaration matches. */
export function figureOf(path: string): Figure | undefined {
  const parts = path.split('.');
  const section = SECTIONS.find((s) => s.name === parts[0]);
  if (section === undefined) return undefined;
  const key = section.kind === 'single' ? parts[1] : parts[2];
  return section.figures.find((f) => f.key === key);
}

/** `label [unit]` of a figure path (the path itself when no declaration matches). */
export function figureLabel(path: string): string {
  const f = figureOf(path);
  if (f === undefined) return path;
  const member = f.shape === 'family' ? ` ${path.split('.').at(-1)}` : '';
  return `${f.label}${member} [${f.unit}]`;
}
