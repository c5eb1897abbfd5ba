/**
 * Orders from a CSV file: a header line naming the columns `release`, `product`, and optionally
 * `quantity` and `due` (any order), then one order per line, e.g. `2h,gear,5,1d`. Durations carry units
 * as in the scenario file. Fields are separated by commas and may not contain commas or quotes (the
 * format is this narrow on purpose: it is what spreadsheets export for these columns). Blank lines and
 * lines starting with `#` are skipped.
 */

/** One data row of an orders CSV, with its 1-based line number in the CSV file. */
export interface OrderRow {
  /** 1-based line in the CSV file. */
  readonly line: number;
  /** The row's fields by column name (`quantity` parsed as a number when it is one). */
  readonly fields: Record<string, unknown>;
}

/** Result of {@link parseOrdersCsv}: rows, or a problem with its CSV line. */
export type OrdersCsvResult =
  | { readonly ok: true; readonly rows: readonly OrderRow[] }
  | { readonly ok: false; readonly message: string; readonly line: number };

const COLUMNS = new Set(['release', 'product', 'quantity', 'due']);

/** Splits an orders CSV into rows keyed by the header's column names. Never throws. */
export function parseOrdersCsv(text: string): OrdersCsvResult {
  const lines = text.split(/\r?\n/);
  let header: string[] | undefined;
  const rows: OrderRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.some((c) => c.includes('"')))
      return { ok: false, message: 'quoted fields are not supported in an orders CSV', line: i + 1 };
    if (header === undefined) {
      const unknown = cells.filter((c) => !COLUMNS.has(c));
      if (unknown.length > 0 || !cells.includes('release') || !cells.includes('product'))
        return {
          ok: false,
          message: `expected a header with release, product and optionally quantity, due (got ${raw})`,
          line: i + 1,
        };
      header = cells;
      continue;
    }
    if (cells.length !== header.length)
      return { ok: false, message: `expected ${header.length} fields (got ${cells.length})`, line: i + 1 };
    const fields: Record<string, unknown> = {};
    header.forEach((name, k) => {
      const cell = cells[k]!;
      if (cell === '') return;
      fields[name] = name === 'quantity' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    });
    rows.push({ line: i + 1, fields });
  }
  if (header === undefined)
    return { ok: false, message: 'the orders CSV is empty (no header line)', line: 1 };
  return { ok: true, rows };
}
