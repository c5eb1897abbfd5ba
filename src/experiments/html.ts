import { compareReportHtml, type Estimate, sweepReportHtml } from '../report/index.js';
import type { CompareResult } from './compare.js';
import type { SweepTable } from './sweep-table.js';

/** A plant figure's key without its section (`kpis.wip` → `wip`), the form the report's pages use. */
function plantKey(key: string): string | null {
  return key.startsWith('kpis.') ? key.slice(5) : null;
}

function estimate(mean: number | null, halfWidth: number | null): Estimate | null {
  return mean === null || !Number.isFinite(mean) ? null : { mean, halfWidth };
}

/**
 * The HTML report of a comparison (src/report's compare page: a table per alternative, a forest plot of
 * the paired differences, the selection statement first).
 */
export function compareHtml(
  result: CompareResult,
  manifest: Readonly<Record<string, string | number | boolean | null>>,
): string {
  const names = result.alternatives.map((a) => a.name);
  return compareReportHtml({
    title: 'shopfloor compare',
    manifest: { ...manifest, method: result.method, seed: result.seed, replications: result.replications },
    alternatives: result.alternatives.map((a) => ({
      name: a.name,
      kpis: Object.fromEntries(
        Object.entries(a.estimates).flatMap(([key, e]) => {
          const k = plantKey(key);
          return k === null ? [] : [[k, estimate(e.mean, e.halfWidth)]];
        }),
      ),
    })),
    differences: result.differences.map((d) => ({
      figure: plantKey(d.key) ?? d.key,
      alternative: names[d.alternative]!,
      baseline: names[result.baseline]!,
      mean: d.interval.mean,
      halfWidth: Number.isFinite(d.interval.halfWidth) ? d.interval.halfWidth : null,
      significant: d.interval.significant,
    })),
    statements: [
      `Every alternative ran on the same seeds (${result.seed}…${result.seed + result.replications - 1}); differences by ${result.method}.`,
      ...(result.selection === null ? [] : [`${result.selection.procedure}.`, result.selection.statement]),
    ],
  });
}

/** The HTML report of a sweep (src/report's sweep page: response plot or heat maps, every point). */
export function sweepHtml(table: SweepTable): string {
  const m = table.manifest;
  const objective = plantKey(m.objective.key);
  const best = table.best === null ? -1 : table.rows.findIndex((r) => r.point === table.best!.point);
  return sweepReportHtml({
    title: 'shopfloor sweep',
    manifest: {
      shopfloorVersion: m.shopfloorVersion,
      scenario: m.scenario,
      scenarioSha256: m.scenarioSha256,
      design: m.design,
      points: m.points,
      seed: m.seed,
      replications: m.replications,
      horizonS: m.horizonS ?? "the scenario's",
      warmupS: m.warmupS ?? "the scenario's",
      factors: m.factors.map((f) => `${f.path}=${f.spec}`).join(' '),
      objective: `${m.objective.key}:${m.objective.maximize ? 'max' : 'min'}`,
      ...(m.samples === null ? {} : { samples: m.samples }),
      ...(m.policies === undefined
        ? {}
        : {
            policies: m.policies
              .map((p) => ('rule' in p ? `${p.kind}=${p.rule}` : `${p.kind}=${p.file} (SHA-256 ${p.sha256})`))
              .join(' '),
          }),
    },
    parameters: m.factors.map((f) => f.path),
    points: table.rows.map((row) => ({
      values: Object.fromEntries(
        m.factors.map((f) => {
          const v = row.settings[f.path];
          return [f.path, typeof v === 'number' ? v : Number.NaN];
        }),
      ),
      kpis: Object.fromEntries(
        Object.entries(row.kpis).flatMap(([key, e]) => {
          const k = plantKey(key);
          return k === null ? [] : [[k, estimate(e.mean, e.halfWidth)]];
        }),
      ),
    })),
    ...(objective !== null && best >= 0
      ? {
          objective: {
            figure: objective,
            goal: m.objective.maximize ? ('max' as const) : ('min' as const),
            best,
          },
        }
      : {}),
  });
}
