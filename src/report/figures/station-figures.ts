import type { StationReport } from '../../entities/index.js';
import type { ReplicationData } from '../../scenario/index.js';
import { familyFigure, ratioFigure, valueFigure } from './declaration.js';

const s = (r: ReplicationData, id: string): StationReport => r.plant.stations[id]!;

/**
 * Per-station figures (`stations.<id>` in JSON, `stations.csv`), in their published order. Fractions
 * are of server-time: a station with 2 servers has 2 h of it per hour.
 */
export const STATION_FIGURES = [
  valueFigure({
    key: 'utilization',
    label: 'utilisation',
    unit: 'fraction',
    description: 'busy time / on-shift time',
    aggregate: 'mean',
    value: (r, id) => s(r, id).utilization,
  }),
  valueFigure({
    key: 'uptime',
    label: 'uptime',
    unit: 'fraction',
    description: '1 − down − maintenance, of all time',
    aggregate: 'mean',
    value: (r, id) => s(r, id).uptime,
  }),
  valueFigure({
    key: 'down',
    label: 'down',
    unit: 'fraction',
    description: 'fraction of server-time down (waiting for a crew or in repair)',
    aggregate: 'mean',
    value: (r, id) => s(r, id).down,
  }),
  valueFigure({
    key: 'queueLength',
    label: 'queue',
    unit: 'parts',
    description: 'time-average number of parts waiting in its input',
    aggregate: 'mean',
    value: (r, id) => s(r, id).queueLength.mean,
  }),
  valueFigure({
    key: 'failures',
    label: 'failures',
    unit: 'count',
    description: 'failures (all modes, all servers)',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => s(r, id).failures,
  }),
  ratioFigure({
    key: 'mtbfS',
    label: 'MTBF',
    unit: 's',
    description: 'Σ server-time not down / Σ failures, summed over all replications',
    format: { time: 'h', digits: 1 },
    ratio: (r, id) => [s(r, id).upS, s(r, id).failures],
  }),
  ratioFigure({
    key: 'mttrS',
    label: 'MTTR',
    unit: 's',
    description: 'Σ down time / Σ repairs, summed over all replications',
    ratio: (r, id) => [s(r, id).downS, s(r, id).repairs],
  }),
  familyFigure({
    key: 'stateFractions',
    label: 'state',
    unit: 'fraction',
    description:
      'fraction of server-time in each state (busy, idle, blocked, down-waiting, repair, maintenance, setup, handling, off-shift; they add up to 1)',
    csvPrefix: 'state:',
    members: (r, id) => s(r, id).stateFractions,
  }),
  valueFigure({
    key: 'setupFraction',
    label: 'setup',
    unit: 'fraction',
    description: 'fraction of server-time changing over',
    aggregate: 'mean',
    value: (r, id) => s(r, id).setupFraction,
  }),
  valueFigure({
    key: 'offShiftFraction',
    label: 'off shift',
    unit: 'fraction',
    description: 'fraction of server-time off shift',
    aggregate: 'mean',
    value: (r, id) => s(r, id).offShiftFraction,
  }),
  valueFigure({
    key: 'setups',
    label: 'setups',
    unit: 'count',
    description: 'setups started',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => s(r, id).setups,
  }),
  valueFigure({
    key: 'oee',
    label: 'OEE',
    unit: 'fraction',
    description: 'OEE availability × performance × quality, of on-shift time',
    aggregate: 'mean-if-defined',
    value: (r, id) => s(r, id).oee.oee,
  }),
  valueFigure({
    key: 'oeeAvailability',
    label: 'OEE availability',
    short: 'OEE avail.',
    unit: 'fraction',
    description: '(on-shift time − down − maintenance − setup) / on-shift time',
    aggregate: 'mean-if-defined',
    value: (r, id) => s(r, id).oee.availability,
  }),
  valueFigure({
    key: 'oeePerformance',
    label: 'OEE performance',
    short: 'perf.',
    unit: 'fraction',
    description: 'Σ standard time of the jobs done / operating time',
    aggregate: 'mean-if-defined',
    value: (r, id) => s(r, id).oee.performance,
  }),
  valueFigure({
    key: 'oeeQuality',
    label: 'OEE quality',
    short: 'quality',
    unit: 'fraction',
    description: 'passed / inspected (1 without inspection)',
    aggregate: 'mean-if-defined',
    value: (r, id) => s(r, id).oee.quality,
  }),
  valueFigure({
    key: 'firstPassYield',
    label: 'first-pass yield',
    unit: 'fraction',
    description: 'fraction of first-time inspections here that passed (null without inspection)',
    aggregate: 'mean-if-defined',
    value: (r, id) => s(r, id).firstPassYield,
  }),
  valueFigure({
    key: 'energyKWh',
    label: 'energy',
    unit: 'kWh',
    description: 'energy drawn by its servers (null without power figures)',
    aggregate: 'mean-if-defined',
    format: { digits: 1 },
    value: (r, id) => r.plant.energy?.byEntity[id] ?? Number.NaN,
  }),
] as const;
