import type { ReplicationData, ReplicationRun } from '../../scenario/index.js';
import { type Figure, replicationValue } from './declaration.js';
import { definedMeanEstimate, type Estimate, meanEstimate, pooledRatioEstimate } from './estimate.js';
import { type FigureRow, type ScenarioResult, SECTIONS, type Section } from './sections.js';

/** A family's members: those of the first replication, in its order. */
export function familyMembers(figure: Figure, run: ReplicationRun, id: string): string[] {
  return figure.shape === 'family' ? Object.keys(figure.members(run.runs[0]!, id)) : [];
}

function aggregateValues(figure: Figure, values: readonly number[]): Estimate | null {
  return figure.aggregate === 'mean' ? meanEstimate(values) : definedMeanEstimate(values);
}

/**
 * One declared figure of entity `id` over every replication of `run`, aggregated as it declares (see
 * `Aggregation`): an estimate, null where undefined, or one estimate per member of a family.
 */
export function aggregateFigure(
  figure: Figure,
  run: ReplicationRun,
  id: string,
): Estimate | null | Record<string, Estimate> {
  const reps: readonly ReplicationData[] = run.runs;
  switch (figure.shape) {
    case 'value':
      return aggregateValues(
        figure,
        reps.map((r) => figure.value(r, id)),
      );
    case 'ratio':
      return pooledRatioEstimate(reps.map((r) => figure.ratio(r, id)));
    case 'family':
      return Object.fromEntries(
        familyMembers(figure, run, id).map((m) => [
          m,
          meanEstimate(reps.map((r) => replicationValue(figure, r, id, m))),
        ]),
      );
  }
}

/** Every figure of a section for one entity, by key, in declaration order. */
export function aggregateRow(section: Section, run: ReplicationRun, id: string): FigureRow {
  return Object.fromEntries(section.figures.map((f) => [f.key, aggregateFigure(f, run, id)]));
}

/**
 * Aggregates the replications of a run into the result of `shopfloor run` (`--json` is this object
 * after the manifest and warnings): every declared figure of every section, in the published order.
 * `sections` defaults to every declared one ({@link SECTIONS}).
 * @throws RangeError when the run has no replication.
 */
export function aggregateReplications(
  run: ReplicationRun,
  sections: readonly Section[] = SECTIONS,
): ScenarioResult {
  if (run.runs.length === 0) throw new RangeError('aggregateReplications: the run has no replication');
  const out: Record<string, unknown> = {
    seed: run.seed,
    replications: run.replications,
    partial: run.partial,
    partialReason: run.partialReason,
    horizonS: run.horizonS,
    warmupS: run.warmupS,
    events: run.events,
  };
  for (const section of sections) {
    const ids = section.ids(run);
    if (section.kind === 'single') out[section.name] = aggregateRow(section, run, '');
    else if (section.kind === 'keyed')
      out[section.name] = Object.fromEntries(ids.map((id) => [id, aggregateRow(section, run, id)]));
    else
      out[section.name] = ids.map((id) => {
        const o = run.runs[0]!.orders![Number(id)]!;
        return {
          id: o.id,
          product: o.product,
          quantity: o.quantity,
          releaseS: o.releaseS,
          dueS: Number.isFinite(o.dueS) ? o.dueS : null,
          ...aggregateRow(section, run, id),
        };
      });
  }
  return out as ScenarioResult;
}
