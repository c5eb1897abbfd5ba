import type { Aggregation, Figure } from './declaration.js';
import { SECTIONS, type Section } from './sections.js';

/** Where the README's generated field list starts and ends. */
export const FIGURE_REFERENCE_START =
  '<!-- figures:start (generated from src/report: npm run readme:figures) -->';
export const FIGURE_REFERENCE_END = '<!-- figures:end -->';

const AGGREGATION_WORDS: Record<Aggregation, string> = {
  mean: 'mean ± t-CI',
  'mean-if-defined': 'mean ± t-CI; null unless defined in every replication',
  'pooled-ratio': 'Σ/Σ pooled over replications, no CI',
};

function path(section: Section, figure: Figure): string {
  const at =
    section.kind === 'single'
      ? section.name
      : section.kind === 'list'
        ? `${section.name}[]`
        : `${section.name}.<id>`;
  return `${at}.${figure.key}${figure.shape === 'family' ? '.<state>' : ''}`;
}

function csvName(figure: Figure): string {
  return figure.shape === 'family' ? `${figure.csvPrefix}<state>` : (figure.csv ?? figure.key);
}

/**
 * The README's list of report figures, in Markdown, generated from the declarations: one table per
 * section with each figure's JSON path, CSV name, label, unit, aggregation over replications and meaning.
 */
export function figureReference(sections: readonly Section[] = SECTIONS): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(
      `**${section.title}** — \`--json\` \`${section.kind === 'list' ? `${section.name}[]` : section.name}\`, \`--csv\` \`${section.name}.csv\``,
    );
    out.push('');
    out.push('| JSON field | CSV figure | label | unit | over replications | meaning |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const f of section.figures) {
      out.push(
        `| \`${path(section, f)}\` | \`${csvName(f)}\` | ${f.label} | ${f.unit} | ${AGGREGATION_WORDS[f.aggregate]} | ${f.description.replaceAll('|', '\\|')} |`,
      );
    }
    out.push('');
  }
  return `${FIGURE_REFERENCE_START}\n${out.join('\n')}${FIGURE_REFERENCE_END}`;
}

/** The README text with its generated field list replaced by {@link figureReference}'s. */
export function withFigureReference(readme: string): string {
  const start = readme.indexOf(FIGURE_REFERENCE_START);
  const end = readme.indexOf(FIGURE_REFERENCE_END);
  if (start < 0 || end < start)
    throw new Error(
      `withFigureReference: the README has no "${FIGURE_REFERENCE_START}" … "${FIGURE_REFERENCE_END}" block`,
    );
  return readme.slice(0, start) + figureReference() + readme.slice(end + FIGURE_REFERENCE_END.length);
}
