import Table from 'cli-table3';
import type { CompareResult } from './compare.js';
import { figureLabel } from './figures.js';
import type { SweepTable } from './sweep-table.js';

/** A number with 4 significant digits (no exponent for ordinary magnitudes); "–" when undefined. */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

const compact = (head: string[]) => ({
  head,
  style: { head: [], border: [] },
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
});

/** The text report of `shopfloor compare`. */
export function formatCompare(result: CompareResult): string {
  const letters = result.alternatives.map(
    (_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
  );
  const base = result.baseline;
  const lines: string[] = [];
  lines.push(
    `shopfloor compare — ${result.alternatives.length} alternatives × ${result.replications} replications, seeds ${result.seed}…${result.seed + result.replications - 1}, ${result.method}`,
  );
  lines.push('');
  result.alternatives.forEach((a, i) => {
    const what =
      a.overrides.length === 0
        ? ''
        : `  ${a.overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(' ')}`;
    lines.push(
      `  ${letters[i]}  ${a.name}${i === base ? '  (baseline)' : ''}${a.name.includes(a.file) ? '' : `  [${a.file}]`}${a.name === a.file ? what : ''}`,
    );
  });
  lines.push('');
  const others = result.alternatives.map((_, i) => i).filter((i) => i !== base);
  const table = new Table(
    compact([
      'figure',
      ...letters.map((l) => `${l} (mean ± 95% CI)`),
      ...others.map((i) => `${letters[i]} − ${letters[base]} (95% CI)`),
    ]),
  );
  for (const key of result.kpis) {
    const cells = result.alternatives.map((a) => {
      const e = a.estimates[key]!;
      return e.halfWidth === null ? num(e.mean) : `${num(e.mean)} ± ${num(e.halfWidth)}`;
    });
    const diffs = others.map((i) => {
      const d = result.differences.find((x) => x.alternative === i && x.key === key);
      if (d === undefined) return '–';
      const sign = d.interval.mean > 0 ? '+' : '';
      return `${sign}${num(d.interval.mean)} ± ${num(d.interval.halfWidth)}${d.interval.significant ? ' *' : ''}`;
    });
    table.push([`${key}\n  ${figureLabel(key)}`, ...cells, ...diffs]);
  }
  lines.push(table.toString());
  lines.push(
    `* significant at 95 %: the ${result.method.startsWith('paired') ? 'paired-t' : 'Welch'} interval of the difference excludes 0.`,
  );
  if (result.selection !== null) {
    lines.push('');
    lines.push(`Selection: ${result.selection.procedure}.`);
    lines.push(result.selection.statement);
  } else if (result.alternatives.length > 2) {
    lines.push('');
    lines.push(
      "No selection statement: give an indifference zone with --delta (in the objective's unit) for Kim–Nelson's procedure.",
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Figure columns of the sweep's terminal table at most (the objective first). */
const MAX_FIGURE_COLUMNS = 4;

/**
 * A short text summary of a sweep's table: the first rows with the objective and the figures chosen with
 * `--kpi` (at most four columns), and the best point.
 */
export function formatSweep(table: SweepTable, maxRows = 20): string {
  const m = table.manifest;
  const lines: string[] = [];
  lines.push(
    `shopfloor sweep — ${m.points} points (${m.design}${m.samples === null ? '' : `, ${m.samples} samples`}) × ${m.replications} replications, seeds ${m.seed}…${m.seed + m.replications - 1}`,
  );
  const key = m.objective.key;
  // The objective, and the figures the user chose with it (up to four columns: the files hold them all).
  const chosen = m.kpis === null ? [] : m.kpis.filter((k) => k !== key);
  const shown = [key, ...chosen].slice(0, MAX_FIGURE_COLUMNS);
  const t = new Table(
    compact(['point', ...m.factors.map((f) => f.path), ...shown.map((k) => `${k} (mean ± 95% CI)`), 'error']),
  );
  for (const row of table.rows.slice(0, maxRows)) {
    t.push([
      String(row.point),
      ...m.factors.map((f) => JSON.stringify(row.settings[f.path])),
      ...shown.map((k) => {
        const e = row.kpis[k];
        if (e === undefined || e.mean === null) return '–';
        return e.halfWidth === null ? num(e.mean) : `${num(e.mean)} ± ${num(e.halfWidth)}`;
      }),
      row.error ?? '',
    ]);
  }
  lines.push(t.toString());
  if (table.rows.length > maxRows)
    lines.push(`… ${table.rows.length - maxRows} more rows in the CSV/JSON files`);
  if (table.best !== null) {
    const row = table.rows.find((r) => r.point === table.best!.point)!;
    lines.push(
      `best for ${key} (${m.objective.maximize ? 'max' : 'min'}): point ${row.point} (${m.factors.map((f) => `${f.path}=${JSON.stringify(row.settings[f.path])}`).join(', ')}) with ${num(table.best.value)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
