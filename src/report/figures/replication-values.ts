import type { ReplicationRun } from '../../scenario/index.js';
import { familyMembers } from './aggregate.js';
import { type Figure, replicationValue } from './declaration.js';
import { SECTIONS, type Section } from './sections.js';

/** One figure of one entity, replication by replication: what paired comparisons need. */
export interface FigureSeries {
  /** Where the aggregated figure sits in the result and `--json`: `kpis.wip`, `stations.mill.stateFractions.busy`, `orders.3.latenessS`. */
  readonly path: string;
  /** Section name (`kpis`, `stations`, …). */
  readonly section: string;
  /** Entity id (`''` for the plant; the row index for an order). */
  readonly id: string;
  readonly key: string;
  /** The family member, for a family figure. */
  readonly member: string | null;
  readonly figure: Figure;
  /**
   * One value per replication, in replication order: `NaN` where undefined in that replication. For a
   * pooled ratio, the replication's own ratio (see `ratios` for the parts the pooled figure sums).
   */
  readonly values: readonly number[];
  /** For a pooled ratio: each replication's [numerator, denominator]; null otherwise. */
  readonly ratios: readonly (readonly [number, number])[] | null;
}

/**
 * Every declared figure of every entity of a run, with its value in each replication (e.g. for the
 * paired differences of two alternatives run on the same seeds), in the result's order.
 */
export function replicationValues(
  run: ReplicationRun,
  sections: readonly Section[] = SECTIONS,
): FigureSeries[] {
  const out: FigureSeries[] = [];
  for (const section of sections) {
    for (const id of section.ids(run)) {
      const base = section.kind === 'single' ? section.name : `${section.name}.${id}`;
      for (const figure of section.figures) {
        const members = figure.shape === 'family' ? familyMembers(figure, run, id) : [null];
        for (const member of members) {
          out.push({
            path: member === null ? `${base}.${figure.key}` : `${base}.${figure.key}.${member}`,
            section: section.name,
            id,
            key: figure.key,
            member,
            figure,
            values: run.runs.map((r) => replicationValue(figure, r, id, member ?? undefined)),
            ratios: figure.shape === 'ratio' ? run.runs.map((r) => figure.ratio(r, id)) : null,
          });
        }
      }
    }
  }
  return out;
}
