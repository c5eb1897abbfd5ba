import { confidenceInterval } from '../engine/index.js';
import type { Objective } from './compare.js';
import type { FigureValues } from './replication.js';
import type { SweepManifest } from './sweep-manifest.js';

/** The raw outcome of one point: every replication's figures, or the error that stopped it. */
export interface PointRecord {
  readonly point: number;
  readonly settings: readonly { readonly path: string; readonly value: unknown }[];
  /** Seeds used, replication 0 first. */
  readonly seeds: readonly number[];
  /** One entry per replication (empty when the point failed). */
  readonly values: readonly FigureValues[];
  /** Why the point failed (a deadlock, a model error); absent when it ran. */
  readonly error?: string;
}

/** One row of the sweep table. */
export interface SweepRow {
  readonly point: number;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Each chosen figure: mean and 95% CI half-width over the replications (null where undefined). */
  readonly kpis: Readonly<Record<string, { mean: number | null; halfWidth: number | null }>>;
  readonly error: string | null;
}

/** The sweep's table: one row per point, in point order, and the best point for the objective. */
export interface SweepTable {
  readonly manifest: SweepManifest;
  readonly kpis: readonly string[];
  readonly rows: readonly SweepRow[];
  /** The row with the best objective mean (null when no point has one). */
  readonly best: { readonly point: number; readonly objective: Objective; readonly value: number } | null;
}

/**
 * Builds the table from the points' records (in any order; each point once). The chosen figures are the
 * manifest's, or by default every `kpis.*` figure that every replication of every point that ran defines,
 * and the objective. A pure function of its inputs: one machine and merged shards give the same table.
 */
export function sweepTable(manifest: SweepManifest, records: readonly PointRecord[]): SweepTable {
  const sorted = [...records].sort((a, b) => a.point - b.point);
  const ran = sorted.filter((r) => r.error === undefined);
  const allValues = ran.flatMap((r) => r.values);
  const defined = (key: string) => allValues.every((v) => typeof v[key] === 'number');
  const kpis =
    manifest.kpis ?? Object.keys(allValues[0] ?? {}).filter((key) => key.startsWith('kpis.') && defined(key));
  const keys = [...new Set([...kpis, manifest.objective.key])];
  const rows: SweepRow[] = sorted.map((r) => ({
    point: r.point,
    settings: Object.fromEntries(r.settings.map((s) => [s.path, s.value])),
    kpis: Object.fromEntries(
      keys.map((key) => {
        const xs = r.values.map((v) => v[key]);
        if (xs.length === 0 || !xs.every((x): x is number => typeof x === 'number'))
          return [key, { mean: null, halfWidth: null }];
        const ci = confidenceInterval(xs);
        return [key, { mean: ci.mean, halfWidth: xs.length < 2 ? null : ci.stdDev === 0 ? 0 : ci.halfWidth }];
      }),
    ),
    error: r.error ?? null,
  }));
  const sign = manifest.objective.maximize ? 1 : -1;
  let best: SweepTable['best'] = null;
  for (const row of rows) {
    const v = row.kpis[manifest.objective.key]?.mean;
    if (typeof v !== 'number') continue;
    if (best === null || sign * v > sign * best.value)
      best = { point: row.point, objective: manifest.objective, value: v };
  }
  return { manifest, kpis: keys, rows, best };
}

/** The table as JSON text (what `sweep.json` holds), ending with a newline. */
export function sweepTableJson(table: SweepTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as tidy CSV (what `sweep.csv` holds): one row per point; columns `point`, one per factor
 * (its path), `<figure>_mean` and `<figure>_hw95` per figure, and `error`. Numbers in full (the shortest
 * text that reads back as the same number).
 */
export function sweepTableCsv(table: SweepTable): string {
  const factors = table.manifest.factors.map((f) => f.path);
  const header = ['point', ...factors, ...table.kpis.flatMap((k) => [`${k}_mean`, `${k}_hw95`]), 'error'];
  const lines = [header.map(csvCell).join(',')];
  for (const row of table.rows) {
    lines.push(
      [
        row.point,
        ...factors.map((f) => row.settings[f]),
        ...table.kpis.flatMap((k) => [row.kpis[k]?.mean, row.kpis[k]?.halfWidth]),
        row.error,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
