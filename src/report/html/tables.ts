import type { ScenarioResult } from '../figures/sections.js';
import { reportTables } from '../text/format-report.js';
import type { PageBlock } from './page.js';

/** The result's tables (the same cells as the text report, derived from the declared figures) as page blocks. */
export function resultTableBlocks(result: ScenarioResult): PageBlock[] {
  return reportTables(result).map((t) =>
    typeof t === 'string'
      ? { kind: 'text', text: t }
      : { kind: 'table', title: t.section === 'kpis' ? 'Plant KPIs' : t.title, head: t.head, rows: t.rows },
  );
}
