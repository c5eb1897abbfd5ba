import type { ReplicationData } from '../../scenario/index.js';
import { ratioFigure, valueFigure } from './declaration.js';

/** Fraction of the order rows with a due date that were on time in full (`NaN` without any). */
function ordersOtif(rep: ReplicationData): number {
  if (rep.orders === null) return Number.NaN;
  const due = rep.orders.filter((o) => Number.isFinite(o.dueS));
  return due.length > 0 ? due.filter((o) => o.otif).length / due.length : Number.NaN;
}

/**
 * The plant's figures (`kpis` in JSON and `kpis.csv`), in their published order. Each is computed from a
 * replication's plant report (src/entities' `PlantReport`) over the observed period.
 */
export const PLANT_FIGURES = [
  valueFigure({
    key: 'throughputPerHour',
    label: 'throughput',
    unit: 'parts/h',
    description: 'parts finished per hour of the observed period',
    aggregate: 'mean',
    value: (r) => r.plant.throughputPerHour,
  }),
  valueFigure({
    key: 'cycleTimeS',
    label: 'cycle time mean',
    unit: 's',
    description: 'mean release-to-sink time of the parts finished',
    aggregate: 'mean',
    value: (r) => r.plant.cycleTimeS.mean,
  }),
  valueFigure({
    key: 'cycleTimeP50S',
    label: 'cycle time p50',
    unit: 's',
    description: 'median cycle time',
    aggregate: 'mean',
    value: (r) => r.plant.cycleTimeS.p50 ?? Number.NaN,
  }),
  valueFigure({
    key: 'cycleTimeP95S',
    label: 'cycle time p95',
    unit: 's',
    description: '95th percentile of the cycle time',
    aggregate: 'mean',
    value: (r) => r.plant.cycleTimeS.p95 ?? Number.NaN,
  }),
  valueFigure({
    key: 'cycleTimeMaxS',
    label: 'cycle time max',
    unit: 's',
    description: 'longest cycle time (for parts all released at 0, a job shop, the makespan)',
    aggregate: 'mean',
    value: (r) => r.plant.cycleTimeS.max,
  }),
  valueFigure({
    key: 'wip',
    label: 'WIP (time-average)',
    unit: 'parts',
    description: 'time-average number of parts in the system (released, not finished)',
    aggregate: 'mean',
    value: (r) => r.plant.wip.mean,
  }),
  valueFigure({
    key: 'onTimeFraction',
    label: 'on time',
    unit: 'fraction',
    description: 'fraction of finished parts with a due date that met it',
    aggregate: 'mean-if-defined',
    value: (r) => r.plant.onTimeFraction,
  }),
  valueFigure({
    key: 'meanTardinessS',
    label: 'mean tardiness',
    unit: 's',
    description: 'mean of max(0, finish − due) over finished parts with a due date',
    aggregate: 'mean-if-defined',
    value: (r) => r.plant.meanTardinessS,
  }),
  valueFigure({
    key: 'released',
    label: 'parts released',
    unit: 'parts',
    description: 'parts released into the system',
    aggregate: 'mean',
    format: { digits: 0, suffix: '' },
    value: (r) => r.plant.released,
  }),
  valueFigure({
    key: 'finished',
    label: 'parts finished',
    unit: 'parts',
    description: 'parts that reached a sink',
    aggregate: 'mean',
    format: { digits: 0, suffix: '' },
    value: (r) => r.plant.finished,
  }),
  valueFigure({
    key: 'scrapped',
    label: 'scrapped',
    unit: 'parts',
    description: 'parts scrapped by inspections',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r) => r.plant.scrapped,
  }),
  valueFigure({
    key: 'departuresPerHour',
    label: 'departures',
    unit: 'parts/h',
    description: 'parts leaving the system per hour: finished, scrapped or built into an assembly',
    aggregate: 'mean',
    table: false,
    value: (r) => r.plant.departuresPerHour,
  }),
  valueFigure({
    key: 'timeInSystemS',
    label: 'time in system',
    unit: 's',
    description:
      "mean own time in the system of the parts leaving it (WIP = departures × this + boundary term, Little's law)",
    aggregate: 'mean-if-defined',
    table: false,
    value: (r) => r.plant.timeInSystemS,
  }),
  valueFigure({
    key: 'littleBoundaryParts',
    label: "Little's law boundary term",
    unit: 'parts',
    description:
      "the term that makes Little's law exact on a finite period: WIP − departures × time in system",
    aggregate: 'mean',
    table: false,
    value: (r) => r.plant.littleBoundaryParts,
  }),
  valueFigure({
    key: 'firstPassYield',
    label: 'first-pass yield',
    unit: 'fraction',
    description: 'fraction of parts leaving (finished or scrapped) that never failed an inspection',
    aggregate: 'mean-if-defined',
    value: (r) => r.plant.firstPassYield,
  }),
  valueFigure({
    key: 'wipAgeS',
    label: 'WIP age at the end (mean)',
    unit: 's',
    description: 'mean age of the parts in the system at the end',
    aggregate: 'mean-if-defined',
    value: (r) => r.plant.wipAgeS,
  }),
  valueFigure({
    key: 'pastDueWip',
    label: 'past-due WIP at the end',
    unit: 'parts',
    description: 'parts in the system at the end already past their due date',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r) => r.plant.pastDueWip.count,
  }),
  ratioFigure({
    key: 'pastDueWipLatenessS',
    label: 'past-due WIP lateness',
    unit: 's',
    description:
      'mean lateness so far (end − due) of the past-due parts, pooled over the past-due parts of all replications',
    format: { note: 'late (mean)' },
    ratio: (r) => {
      const { count, meanLatenessS } = r.plant.pastDueWip;
      return [count > 0 ? count * meanLatenessS : 0, count];
    },
  }),
  valueFigure({
    key: 'ordersOtifFraction',
    label: 'orders on time in full',
    unit: 'fraction',
    description:
      'fraction of the order rows with a due date that were on time in full (null without order lists)',
    aggregate: 'mean-if-defined',
    value: ordersOtif,
  }),
  valueFigure({
    key: 'energyKWh',
    label: 'energy',
    unit: 'kWh',
    description: 'energy drawn by every entity with power figures (null without)',
    aggregate: 'mean-if-defined',
    format: { digits: 1 },
    value: (r) => r.plant.energy?.kWh ?? Number.NaN,
  }),
  valueFigure({
    key: 'kWhPerGoodPart',
    label: 'energy per good part',
    unit: 'kWh/part',
    description: 'energy drawn per finished part',
    aggregate: 'mean-if-defined',
    format: { digits: 3, suffix: 'kWh' },
    value: (r) => r.plant.energy?.kWhPerGoodPart ?? Number.NaN,
  }),
  valueFigure({
    key: 'peakKW',
    label: 'peak power',
    unit: 'kW',
    description: 'highest power drawn at any instant',
    aggregate: 'mean-if-defined',
    format: { digits: 1 },
    value: (r) => r.plant.energy?.peakKW ?? Number.NaN,
  }),
] as const;
