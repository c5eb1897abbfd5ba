/**
 * One CSV cell (RFC 4180): a number in its shortest exact form (`String(n)`, which reads back as the same
 * float), `NaN`/`undefined`/`null` as an empty cell, text quoted when it holds a comma, a quote or a line
 * break.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
