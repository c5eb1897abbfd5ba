import type { Figure } from '../figures/declaration.js';
import type { Estimate } from '../figures/estimate.js';
import { type FigureRow, type ScenarioResult, SECTIONS, type Section } from '../figures/sections.js';

/**
 * One cell of the result CSV files: null empty, anything else as `String` gives it (a mean that is not
 * defined is written `NaN`, as it always has been), quoted when it holds a comma, quote or line break.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(header: readonly string[], body: readonly (string | number | null)[][]): string {
  return `${[header, ...body].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

const cells = (e: Estimate | null): [number | null, number | null] =>
  e === null ? [null, null] : [e.mean, e.halfWidth];

/** A section's figures in CSV order: its `csvOrder`, else the declaration's with families last. */
function csvFigures(section: Section): Figure[] {
  const byKey = new Map(section.figures.map((f) => [f.key, f]));
  if (section.csvOrder !== undefined) {
    const listed = section.csvOrder.map((k) => byKey.get(k)!);
    return [...listed, ...section.figures.filter((f) => !section.csvOrder!.includes(f.key))];
  }
  return [
    ...section.figures.filter((f) => f.shape !== 'family'),
    ...section.figures.filter((f) => f.shape === 'family'),
  ];
}

/** `[figure name, mean, half-width]` rows of one entity, in CSV order. */
function figureRows(section: Section, row: FigureRow): (string | number | null)[][] {
  return csvFigures(section).flatMap((f) => {
    const value = row[f.key];
    if (f.shape !== 'family') return [[f.csv ?? f.key, ...cells((value ?? null) as Estimate | null)]];
    return Object.entries((value ?? {}) as Record<string, Estimate>).map(([m, e]) => [
      `${f.csvPrefix}${m}`,
      ...cells(e),
    ]);
  });
}

/**
 * The CSV files of a result (`shopfloor run --csv DIR`), derived from the declared figures: one file per
 * section, one row per entity and figure with its mean and 95% CI half-width (`kpis.csv` has no entity
 * column; `orders.csv` has the order's product, quantity, release and due times too).
 */
export function resultCsvFiles(
  result: ScenarioResult,
  sections: readonly Section[] = SECTIONS,
): { name: string; text: string }[] {
  const doc = result as unknown as Record<string, unknown>;
  return sections.map((section) => {
    const name = `${section.name}.csv`;
    const entity = section.csvEntity ?? section.entity;
    if (section.kind === 'single')
      return {
        name,
        text: table([entity, 'mean', 'half_width_95'], figureRows(section, doc[section.name] as FigureRow)),
      };
    if (section.kind === 'keyed') {
      const rows = Object.entries(doc[section.name] as Record<string, FigureRow>).flatMap(([id, row]) =>
        figureRows(section, row).map((r) => [id, ...r]),
      );
      return { name, text: table([entity, 'figure', 'mean', 'half_width_95'], rows) };
    }
    const rows = (doc[section.name] as Record<string, unknown>[]).flatMap((o) =>
      figureRows(section, o as FigureRow).map((r) => [
        o.id as string,
        o.product as string,
        o.quantity as number,
        o.releaseS as number,
        o.dueS as number | null,
        ...r,
      ]),
    );
    return {
      name,
      text: table(
        [entity, 'product', 'quantity', 'release_s', 'due_s', 'figure', 'mean', 'half_width_95'],
        rows,
      ),
    };
  });
}
