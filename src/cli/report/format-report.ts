import Table from 'cli-table3';
import type { Estimate, ScenarioResult } from '../../scenario/index.js';

/** `mean ± half-width` with `digits` decimals (just the mean with one replication). */
function pm(e: Estimate | null, digits = 2, scale = 1): string {
  if (e === null) return '–';
  const mean = (e.mean * scale).toFixed(digits);
  return e.halfWidth === null ? mean : `${mean} ± ${(e.halfWidth * scale).toFixed(digits)}`;
}

const pct = (e: Estimate | null): string => (e === null ? '–' : `${pm(e, 1, 100)} %`);
const minutes = (e: Estimate | null): string => (e === null ? '–' : `${pm(e, 2, 1 / 60)} min`);
const hours = (e: Estimate | null): string => (e === null ? '–' : `${pm(e, 1, 1 / 3600)} h`);

/** The human-readable report of `shopfloor run`: plant KPIs, then stations, crews and buffers. */
export function formatReport(name: string, result: ScenarioResult): string {
  const k = result.kpis;
  // Compact tables: no rule between body rows.
  const head = (cells: string[]) => ({
    head: cells,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const plant = new Table(head(['plant KPI', 'value']));
  plant.push(
    ['throughput', `${pm(k.throughputPerHour)} parts/h`],
    ['cycle time mean', minutes(k.cycleTimeS)],
    [
      'cycle time p50 / p95 / max',
      `${minutes(k.cycleTimeP50S)} / ${minutes(k.cycleTimeP95S)} / ${minutes(k.cycleTimeMaxS)}`,
    ],
    ['WIP (time-average)', `${pm(k.wip)} parts`],
    ['parts released / finished', `${pm(k.released, 0)} / ${pm(k.finished, 0)}`],
  );
  if (k.onTimeFraction !== null) plant.push(['on time', pct(k.onTimeFraction)]);
  if (k.meanTardinessS !== null) plant.push(['mean tardiness', minutes(k.meanTardinessS)]);

  const stations = new Table(
    head([
      'station',
      'utilisation',
      'busy',
      'idle',
      'blocked',
      'down',
      'availability',
      'failures',
      'MTBF',
      'MTTR',
      'queue',
    ]),
  );
  for (const [id, s] of Object.entries(result.stations)) {
    const f = s.stateFractions;
    stations.push([
      id,
      pct(s.utilization),
      pct(f.busy ?? null),
      pct(f.idle ?? null),
      pct(f.blocked ?? null),
      pct(s.down),
      pct(s.availability),
      pm(s.failures, 1),
      hours(s.mtbfS),
      minutes(s.mttrS),
      pm(s.queueLength),
    ]);
  }
  const out = [
    `shopfloor run — ${name}`,
    `${result.replications} replication${result.replications === 1 ? '' : 's'} from seed ${result.seed}, horizon ${(result.horizonS / 3600).toFixed(2)} h, warm-up ${(result.warmupS / 3600).toFixed(2)} h` +
      (result.replications > 1 ? '; mean ± 95% CI half-width' : ''),
    plant.toString(),
    stations.toString(),
  ];
  if (Object.keys(result.crews).length > 0) {
    const crews = new Table(head(['crew', 'utilisation']));
    for (const [id, c] of Object.entries(result.crews)) crews.push([id, pct(c.utilization)]);
    out.push(crews.toString());
  }
  if (Object.keys(result.buffers).length > 0) {
    const buffers = new Table(head(['buffer', 'mean level', 'max level']));
    for (const [id, b] of Object.entries(result.buffers)) buffers.push([id, pm(b.mean), pm(b.max, 1)]);
    out.push(buffers.toString());
  }
  out.push(`${result.events.toLocaleString('en-US')} events simulated`, '');
  return out.join('\n');
}
