import { PRODUCT_SECTION } from '../report/figures/sections.js';
import type { Scenario } from '../scenario/index.js';
import { OverrideError } from './overrides.js';
import { runLoadedReplication } from './replication-run.js';

/** How long the probe replication of {@link knownFigureKeys} runs, s: long enough to build and report. */
const PROBE_HORIZON_S = 1;

/**
 * Every figure path a replication of `scenario` can report (`kpis.wip`, `stations.press.utilization`,
 * `products.gear.cycleTimeS`…), for checking the figures a user names before anything runs.
 *
 * Found by running one replication of 1 s of simulated time (building the plant and its report, a few
 * milliseconds): the paths come from the figure declarations and the plant's entities. A product appears
 * in a report once a part of it exists, so every declared product's figures are added too.
 * @returns null when even that short replication fails (e.g. a deadlock at time 0): the real run reports it.
 */
export function knownFigureKeys(scenario: Scenario): ReadonlySet<string> | null {
  let values: Record<string, unknown>;
  try {
    values = runLoadedReplication(
      { file: '', overrides: [], seed: scenario.run.seed, horizonS: PROBE_HORIZON_S, warmupS: 0 },
      scenario,
    ).values;
  } catch {
    return null;
  }
  const keys = new Set(Object.keys(values));
  for (const product of scenario.products)
    for (const figure of PRODUCT_SECTION.figures) keys.add(`products.${product.id}.${figure.key}`);
  return keys;
}

/**
 * Checks that every path of `wanted` names a figure of `known` (see {@link knownFigureKeys}).
 * @param flag the flag that named them (`--kpi`, `--objective`), for the message.
 * @throws OverrideError naming the first unknown path and figures like it (the same figure of other
 * entities, else the same entity's figures, else the plant's).
 */
export function checkFigureKeys(
  wanted: readonly string[],
  known: ReadonlySet<string> | null,
  flag: string,
): void {
  if (known === null) return;
  for (const key of wanted) {
    if (known.has(key)) continue;
    // Figures like it: the same figure of other entities, else the same entity's figures, else the plant's.
    const parts = key.split('.');
    const last = `.${parts.at(-1)!.toLowerCase()}`;
    const prefix = `${parts.slice(0, -1).join('.')}.`;
    const all = [...known];
    const sameFigure = all.filter((k) => k.toLowerCase().endsWith(last));
    const sameEntity = all.filter((k) => k.startsWith(prefix));
    const hints = (
      sameFigure.length > 0
        ? sameFigure
        : sameEntity.length > 0
          ? sameEntity
          : all.filter((k) => k.startsWith('kpis.'))
    ).slice(0, 8);
    throw new OverrideError(
      `${flag}: unknown figure "${key}"; figures of this scenario include ${hints.join(', ')}${hints.length === 8 ? ', …' : ''} (\`shopfloor run FILE --json\` shows every one)`,
    );
  }
}

/**
 * Checks the figures a sweep or a comparison names, `--kpi` and `--objective`, against those `scenario`
 * reports (one probe, only when some are named).
 * @throws OverrideError naming the flag and the first unknown figure.
 */
export function checkNamedFigures(
  scenario: Scenario,
  kpis: readonly string[] | undefined,
  objective: { readonly key: string } | undefined,
): void {
  if (kpis === undefined && objective === undefined) return;
  const known = knownFigureKeys(scenario);
  checkFigureKeys(kpis ?? [], known, '--kpi');
  if (objective !== undefined) checkFigureKeys([objective.key], known, '--objective');
}
