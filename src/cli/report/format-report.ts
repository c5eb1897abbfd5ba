import Table from 'cli-table3';
import type { Estimate, ScenarioResult } from '../../scenario/index.js';

/** Set when a figure printed as "–" (then the report ends with a footnote saying why). */
let dashed = false;

/** "–" for a figure that is not defined in this run (never `NaN`). */
function dash(): string {
  dashed = true;
  return '–';
}

/** `mean ± half-width` with `digits` decimals (just the mean with one replication); "–" when undefined. */
function pm(e: Estimate | null, digits = 2, scale = 1): string {
  if (e === null || !Number.isFinite(e.mean)) return dash();
  const mean = (e.mean * scale).toFixed(digits);
  return e.halfWidth === null ? mean : `${mean} ± ${(e.halfWidth * scale).toFixed(digits)}`;
}

const defined = (e: Estimate | null): e is Estimate => e !== null && Number.isFinite(e.mean);
const pct = (e: Estimate | null): string => (defined(e) ? `${pm(e, 1, 100)} %` : dash());
const minutes = (e: Estimate | null): string => (defined(e) ? `${pm(e, 2, 1 / 60)} min` : dash());
const seconds = (e: Estimate | null): string => (defined(e) ? `${pm(e, 1)} s` : dash());
const hours = (e: Estimate | null): string => (defined(e) ? `${pm(e, 1, 1 / 3600)} h` : dash());

/** Order lists longer than this get no per-order table (see --json / --csv). */
const MAX_ORDER_ROWS = 30;

/** Why a figure can be "–", printed under a report that has one. */
export const DASH_FOOTNOTE =
  '– not defined in this run: nothing to average (no part finished, no due date, no failure or repair in any replication, nothing inspected, never on shift, no power figures)';

/** The human-readable report of `shopfloor run`: plant KPIs, then stations, crews and buffers. */
export function formatReport(name: string, result: ScenarioResult): string {
  dashed = false;
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
  if (k.wipAgeS !== null) plant.push(['WIP age at the end (mean)', minutes(k.wipAgeS)]);
  if (k.onTimeFraction !== null || k.pastDueWip.mean > 0) {
    plant.push([
      'past-due WIP at the end',
      `${pm(k.pastDueWip, 1)} parts, ${minutes(k.pastDueWipLatenessS)} late (mean)`,
    ]);
  }
  if (k.ordersOtifFraction !== null) plant.push(['orders on time in full', pct(k.ordersOtifFraction)]);
  if (k.scrapped.mean > 0 || k.firstPassYield !== null) {
    plant.push(['scrapped', `${pm(k.scrapped, 1)} parts`], ['first-pass yield', pct(k.firstPassYield)]);
  }
  if (k.energyKWh !== null) {
    plant.push(
      ['energy', `${pm(k.energyKWh, 1)} kWh`],
      ['energy per good part', `${pm(k.kWhPerGoodPart, 3)} kWh`],
      ['peak power', `${pm(k.peakKW, 1)} kW`],
    );
  }

  // Every state has a column, so the fractions of a row add up to 100 % (waiting for an operator: only
  // in a plant with operators, 0 elsewhere).
  const withOperators = Object.keys(result.operators).length > 0;
  const stations = new Table(
    head([
      'station',
      'utilisation',
      'busy',
      'idle',
      'blocked',
      'down',
      'maint.',
      'setup',
      'handling',
      'off shift',
      ...(withOperators ? ['wait operator'] : []),
      'uptime',
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
      pct(f.maintenance ?? null),
      pct(s.setupFraction),
      pct(f.handling ?? null),
      pct(s.offShiftFraction),
      ...(withOperators ? [pct(f['waiting-operator'] ?? null)] : []),
      pct(s.uptime),
      pm(s.failures, 1),
      hours(s.mtbfS),
      minutes(s.mttrS),
      pm(s.queueLength),
    ]);
  }
  const hasDetails = Object.values(result.stations).some(
    (s) =>
      s.setupFraction.mean > 0 ||
      s.offShiftFraction.mean > 0 ||
      s.energyKWh !== null ||
      s.firstPassYield !== null ||
      s.oee !== null,
  );
  const details = new Table(
    head(['station', 'setups', 'OEE', 'OEE avail.', 'perf.', 'quality', 'first-pass yield', 'energy']),
  );
  for (const [id, s] of Object.entries(result.stations)) {
    details.push([
      id,
      pm(s.setups, 1),
      pct(s.oee),
      pct(s.oeeAvailability),
      pct(s.oeePerformance),
      pct(s.oeeQuality),
      pct(s.firstPassYield),
      s.energyKWh === null ? dash() : `${pm(s.energyKWh, 1)} kWh`,
    ]);
  }
  const out = [
    `shopfloor run — ${name}`,
    `${result.replications} replication${result.replications === 1 ? '' : 's'} from seed ${result.seed}, horizon ${(result.horizonS / 3600).toFixed(2)} h, warm-up ${(result.warmupS / 3600).toFixed(2)} h` +
      (result.replications > 1 ? '; mean ± 95% CI half-width' : ''),
    plant.toString(),
    stations.toString(),
    ...(hasDetails ? [details.toString()] : []),
  ];
  const productRows = Object.entries(result.products);
  if (productRows.length > 1 || productRows.some(([, p]) => p.onTimeFraction !== null)) {
    const products = new Table(
      head(['product', 'finished', 'scrapped', 'cycle time', 'on time', 'mean tardiness', 'mean lateness']),
    );
    for (const [id, p] of productRows) {
      products.push([
        id,
        pm(p.finished, 1),
        pm(p.scrapped, 1),
        minutes(p.cycleTimeS),
        pct(p.onTimeFraction),
        minutes(p.meanTardinessS),
        minutes(p.meanLatenessS),
      ]);
    }
    out.push(products.toString());
  }
  if (result.orders.length > 0 && result.orders.length <= MAX_ORDER_ROWS) {
    const orders = new Table(
      head(['order', 'product', 'qty', 'due', 'finished', 'completion', 'OTIF', 'lateness']),
    );
    for (const o of result.orders) {
      orders.push([
        o.id,
        o.product,
        String(o.quantity),
        o.dueS === null ? dash() : `${(o.dueS / 3600).toFixed(1)} h`,
        pm(o.finished, 1),
        hours(o.completionS),
        pct(o.otifFraction),
        minutes(o.latenessS),
      ]);
    }
    out.push(orders.toString());
  } else if (result.orders.length > MAX_ORDER_ROWS) {
    out.push(`${result.orders.length} orders: per-order figures in --json (orders[]) and --csv (orders.csv)`);
  }
  if (Object.keys(result.crews).length > 0) {
    const crews = new Table(head(['crew', 'utilisation']));
    for (const [id, c] of Object.entries(result.crews)) crews.push([id, pct(c.utilization)]);
    out.push(crews.toString());
  }
  if (withOperators) {
    const operators = new Table(head(['operator pool', 'utilisation', 'walking', 'visits', 'mean walk']));
    for (const [id, o] of Object.entries(result.operators)) {
      operators.push([id, pct(o.utilization), pct(o.walkingFraction), pm(o.visits, 0), seconds(o.meanWalkS)]);
    }
    out.push(operators.toString());
  }
  if (Object.keys(result.conveyors).length > 0) {
    const conveyors = new Table(head(['conveyor', 'mean items', 'max items', 'stopped', 'transit', 'moved']));
    for (const [id, c] of Object.entries(result.conveyors)) {
      conveyors.push([
        id,
        pm(c.meanLevel),
        pm(c.maxLevel, 1),
        pct(c.stoppedFraction),
        seconds(c.transitS),
        pm(c.moved, 0),
      ]);
    }
    out.push(conveyors.toString());
  }
  if (Object.keys(result.robots).length > 0) {
    const states = Object.keys(Object.values(result.robots)[0]!.stateFractions);
    const robots = new Table(head(['robot fleet', 'utilisation', ...states, 'wait', 'transport', 'jobs']));
    for (const [id, r] of Object.entries(result.robots)) {
      robots.push([
        id,
        pct(r.utilization),
        ...states.map((st) => pct(r.stateFractions[st] ?? null)),
        seconds(r.waitS),
        seconds(r.transportS),
        pm(r.transports, 0),
      ]);
    }
    out.push(robots.toString());
  }
  if (Object.keys(result.buffers).length > 0) {
    const buffers = new Table(head(['buffer', 'mean level', 'max level']));
    for (const [id, b] of Object.entries(result.buffers)) buffers.push([id, pm(b.mean), pm(b.max, 1)]);
    out.push(buffers.toString());
  }
  out.push(`${result.events.toLocaleString('en-US')} events simulated`);
  out.push(
    'uptime: share of all time not down or in maintenance; OEE avail.: share of on-shift time not down, in maintenance or in setup; utilisation: busy share of on-shift time; MTBF/MTTR pooled over replications',
  );
  if (dashed) out.push(DASH_FOOTNOTE);
  out.push('');
  return out.join('\n');
}
