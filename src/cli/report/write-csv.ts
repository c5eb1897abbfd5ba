import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Estimate, ScenarioResult } from '../../scenario/index.js';
import { makeFolders } from './output-file.js';

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rows(header: string[], body: (string | number | null)[][]): string {
  return `${[header, ...body].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/**
 * Writes the result of `shopfloor run` as CSV files in `dir` (created if needed): `kpis.csv`,
 * `stations.csv`, `products.csv`, `orders.csv` (one row per order and figure), `conveyors.csv`, `robots.csv`, `crews.csv`, `buffers.csv`, one row per figure with its mean and 95% CI half-width.
 * @throws Error when the folder cannot be made (see `makeFolders`) or a file cannot be written.
 * @returns the paths written.
 */
export function writeCsv(dir: string, result: ScenarioResult): string[] {
  makeFolders(dir);
  const cells = (e: Estimate | null) => (e === null ? [null, null] : [e.mean, e.halfWidth]);
  const files: [string, string][] = [
    [
      'kpis.csv',
      rows(
        ['kpi', 'mean', 'half_width_95'],
        Object.entries(result.kpis).map(([k, e]) => [k, ...cells(e)]),
      ),
    ],
    [
      'stations.csv',
      rows(
        ['station', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.stations).flatMap(([id, s]) => [
          ...(
            [
              'utilization',
              'uptime',
              'down',
              'queueLength',
              'failures',
              'mtbfS',
              'mttrS',
              'setupFraction',
              'offShiftFraction',
              'setups',
              'oee',
              'oeeAvailability',
              'oeePerformance',
              'oeeQuality',
              'firstPassYield',
              'energyKWh',
            ] as const
          ).map((k) => [id, k, ...cells(s[k])]),
          ...Object.entries(s.stateFractions).map(([state, e]) => [id, `state:${state}`, ...cells(e)]),
        ]),
      ),
    ],
    [
      'products.csv',
      rows(
        ['product', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.products).flatMap(([id, p]) =>
          Object.entries(p).map(([k, e]) => [id, k, ...cells(e)]),
        ),
      ),
    ],
    [
      'conveyors.csv',
      rows(
        ['conveyor', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.conveyors).flatMap(([id, c]) =>
          Object.entries(c).map(([k, e]) => [id, k, ...cells(e)]),
        ),
      ),
    ],
    [
      'robots.csv',
      rows(
        ['fleet', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.robots).flatMap(([id, r]) => [
          ...(['utilization', 'waitS', 'transportS', 'transports', 'energyKWh'] as const).map((k) => [
            id,
            k,
            ...cells(r[k]),
          ]),
          ...Object.entries(r.stateFractions).map(([state, e]) => [id, `state:${state}`, ...cells(e)]),
        ]),
      ),
    ],
    [
      'crews.csv',
      rows(
        ['crew', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.crews).map(([id, c]) => [id, 'utilization', ...cells(c.utilization)]),
      ),
    ],
    [
      'operators.csv',
      rows(
        ['pool', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.operators).flatMap(([id, o]) => [
          ...(['utilization', 'walkingFraction', 'visits', 'meanWalkS'] as const).map((k) => [
            id,
            k,
            ...cells(o[k]),
          ]),
          ...Object.entries(o.stateFractions).map(([state, e]) => [id, `state:${state}`, ...cells(e)]),
        ]),
      ),
    ],
    [
      'orders.csv',
      rows(
        ['order', 'product', 'quantity', 'release_s', 'due_s', 'figure', 'mean', 'half_width_95'],
        result.orders.flatMap((o) =>
          (['finished', 'completionS', 'otifFraction', 'latenessS'] as const).map((k) => [
            o.id,
            o.product,
            o.quantity,
            o.releaseS,
            o.dueS,
            k,
            ...cells(o[k]),
          ]),
        ),
      ),
    ],
    [
      'buffers.csv',
      rows(
        ['buffer', 'figure', 'mean', 'half_width_95'],
        Object.entries(result.buffers).flatMap(([id, b]) => [
          [id, 'meanLevel', ...cells(b.mean)],
          [id, 'maxLevel', ...cells(b.max)],
        ]),
      ),
    ],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
