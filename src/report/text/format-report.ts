import Table from 'cli-table3';
import type { Figure } from '../figures/declaration.js';
import type { Estimate } from '../figures/estimate.js';
import {
  type FigureRow,
  type LayoutCell,
  type ScenarioResult,
  SECTIONS,
  type Section,
  type TableLayout,
} from '../figures/sections.js';
import { FigureFormatter } from './format-figure.js';

/** Order lists longer than this get no per-order table (see --json / --csv). */
const MAX_ORDER_ROWS = 30;

/** Why a figure can be "–", printed under a report that has one. */
export const DASH_FOOTNOTE =
  '– not defined in this run: nothing to average (no part finished, no due date, no failure or repair in any replication, nothing inspected, never on shift, no power figures)';

/** The order of the sections in the text report (sections not listed follow, in JSON order). */
const TEXT_ORDER = ['kpis', 'stations', 'products', 'orders', 'crews', 'conveyors', 'robots', 'buffers'];

/** One resolved cell: a label and the figures (a family member named) it shows. */
interface Column {
  readonly label: string;
  readonly parts: readonly { readonly figure: Figure; readonly member: string | null }[];
  readonly join: string;
  readonly show: ((row: FigureRow) => boolean) | undefined;
}

/** The section's table layouts, with every figure no layout places added to the last one. */
export function tableLayouts(section: Section): TableLayout[] {
  const layouts = [...(section.tables ?? [{ cells: [] }])];
  const placed = new Set(
    layouts.flatMap((t) =>
      t.cells.flatMap((c) => (typeof c === 'string' ? [c] : c.figures)).map((k) => k.split('.')[0]!),
    ),
  );
  const missing = section.figures.filter((f) => f.table !== false && !placed.has(f.key)).map((f) => f.key);
  const last = layouts.length - 1;
  layouts[last] = { ...layouts[last]!, cells: [...layouts[last]!.cells, ...missing] };
  return layouts;
}

function resolve(section: Section, cell: LayoutCell, rows: readonly FigureRow[]): Column[] {
  const find = (ref: string) => {
    const [key, member] = ref.split('.') as [string, string | undefined];
    const figure = section.figures.find((f) => f.key === key);
    if (figure === undefined) throw new Error(`formatReport: no figure "${key}" in section ${section.name}`);
    return { figure, member: member ?? null };
  };
  if (typeof cell !== 'string') {
    return [{ label: cell.label, parts: cell.figures.map(find), join: cell.join ?? ' / ', show: cell.show }];
  }
  const { figure, member } = find(cell);
  if (member === '*') {
    const members = Object.keys((rows[0]?.[figure.key] ?? {}) as Record<string, Estimate>);
    return members.map((m) => ({ label: m, parts: [{ figure, member: m }], join: '', show: undefined }));
  }
  return [
    { label: member ?? figure.short ?? figure.label, parts: [{ figure, member }], join: '', show: undefined },
  ];
}

function estimateOf(row: FigureRow, figure: Figure, member: string | null): Estimate | null {
  const value = row[figure.key] ?? null;
  if (member === null) return value as Estimate | null;
  return (value as Record<string, Estimate> | null)?.[member] ?? null;
}

/** Compact tables: no rule between body rows. */
function newTable(head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/** One table of a report, as text cells (what the text report draws with cli-table3, the HTML one as `<table>`). */
export interface ReportTable {
  /** The section it shows (`kpis`, `stations`, …). */
  readonly section: string;
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The tables of a result, derived from the declared figures and their sections' layouts, in report order
 * (plant, stations, products, orders, crews, conveyors, robots, buffers); a line of text where a table is
 * left out (an order list too long to print). `formatter` remembers whether a figure was undefined.
 */
export function reportTables(
  result: ScenarioResult,
  sections: readonly Section[] = SECTIONS,
  formatter: FigureFormatter = new FigureFormatter(),
): (ReportTable | string)[] {
  const f = formatter;
  const cellText = (row: FigureRow, c: Column, inRow: boolean) =>
    c.parts.map((p) => f.figure(p.figure, estimateOf(row, p.figure, p.member), inRow)).join(c.join);
  const doc = result as unknown as Record<string, unknown>;
  const out: (ReportTable | string)[] = [];
  for (const section of [...sections].sort((a, b) => rank(a.name) - rank(b.name))) {
    const value = doc[section.name];
    if (section.kind === 'single') {
      const row = value as FigureRow;
      for (const layout of tableLayouts(section)) {
        const rows: string[][] = [];
        for (const c of layout.cells.flatMap((cell) => resolve(section, cell, [row]))) {
          const shown = c.show
            ? c.show(row)
            : c.parts.some((p) => estimateOf(row, p.figure, p.member) !== null);
          if (shown) rows.push([c.label, cellText(row, c, true)]);
        }
        out.push({ section: section.name, title: section.title, head: [section.entity, 'value'], rows });
      }
      continue;
    }
    const entries: [string, FigureRow][] =
      section.kind === 'keyed'
        ? Object.entries(value as Record<string, FigureRow>)
        : (value as (FigureRow & { id: string })[]).map((o) => [o.id, o]);
    const rows = entries.map(([, r]) => r);
    if (section.kind === 'list' && entries.length > MAX_ORDER_ROWS) {
      out.push(`${entries.length} orders: per-order figures in --json (orders[]) and --csv (orders.csv)`);
      continue;
    }
    for (const [n, layout] of tableLayouts(section).entries()) {
      if (!(layout.show ? layout.show(rows) : rows.length > 0)) continue;
      const columns = layout.cells.flatMap((cell) => resolve(section, cell, rows));
      const given = section.kind === 'list' ? ['product', 'qty', 'due'] : [];
      out.push({
        section: section.name,
        title: n === 0 ? section.title : `${section.title} (more)`,
        head: [section.entity, ...given, ...columns.map((c) => c.label)],
        rows: entries.map(([id, row]) => [
          id,
          ...(section.kind === 'list'
            ? orderAttributes(row as unknown as { product: string; quantity: number; dueS: number | null }, f)
            : []),
          ...columns.map((c) => cellText(row, c, false)),
        ]),
      });
    }
  }
  return out;
}

/**
 * The human-readable report of `shopfloor run`, derived from the declared figures: the plant's figures,
 * then a table per section (stations, products, orders, crews, conveyors, robots, buffers), each shown
 * when it has rows (or as its layout says).
 */
export function formatReport(
  name: string,
  result: ScenarioResult,
  sections: readonly Section[] = SECTIONS,
): string {
  const f = new FigureFormatter();
  const out = [
    `shopfloor run — ${name}`,
    `${result.replications} replication${result.replications === 1 ? '' : 's'} from seed ${result.seed}, horizon ${(result.horizonS / 3600).toFixed(2)} h, warm-up ${(result.warmupS / 3600).toFixed(2)} h` +
      (result.replications > 1 ? '; mean ± 95% CI half-width' : ''),
  ];
  for (const t of reportTables(result, sections, f)) {
    if (typeof t === 'string') {
      out.push(t);
      continue;
    }
    const table = newTable([...t.head]);
    for (const row of t.rows) table.push([...row]);
    out.push(table.toString());
  }
  out.push(`${result.events.toLocaleString('en-US')} events simulated`);
  out.push(
    'uptime: share of all time not down or in maintenance; OEE avail.: share of on-shift time not down, in maintenance or in setup; utilisation: busy share of on-shift time; MTBF/MTTR pooled over replications',
  );
  if (f.dashed) out.push(DASH_FOOTNOTE);
  out.push('');
  return out.join('\n');
}

function rank(name: string): number {
  const i = TEXT_ORDER.indexOf(name);
  return i < 0 ? TEXT_ORDER.length : i;
}

function orderAttributes(
  o: { product: string; quantity: number; dueS: number | null },
  f: FigureFormatter,
): string[] {
  return [o.product, String(o.quantity), o.dueS === null ? f.dash() : `${(o.dueS / 3600).toFixed(1)} h`];
}
