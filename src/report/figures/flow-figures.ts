import type { ConveyorReport, RobotFleetReport } from '../../entities/index.js';
import type { ReplicationData } from '../../scenario/index.js';
import { familyFigure, valueFigure } from './declaration.js';

/** Per-product figures (`products.<id>`, `products.csv`), over the parts of it that finished or were scrapped. */
export const PRODUCT_FIGURES = [
  valueFigure({
    key: 'finished',
    label: 'finished',
    unit: 'parts',
    description: 'parts of the product finished',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => r.plant.products[id]?.finished ?? 0,
  }),
  valueFigure({
    key: 'scrapped',
    label: 'scrapped',
    unit: 'parts',
    description: 'parts of the product scrapped',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => r.plant.products[id]?.scrapped ?? 0,
  }),
  valueFigure({
    key: 'cycleTimeS',
    label: 'cycle time',
    unit: 's',
    description: 'mean cycle time of its finished parts',
    aggregate: 'mean-if-defined',
    value: (r, id) => r.plant.products[id]?.cycleTimeMeanS ?? Number.NaN,
  }),
  valueFigure({
    key: 'onTimeFraction',
    label: 'on time',
    unit: 'fraction',
    description: 'fraction of its finished parts that met their due date',
    aggregate: 'mean-if-defined',
    value: (r, id) => r.plant.products[id]?.onTimeFraction ?? Number.NaN,
  }),
  valueFigure({
    key: 'meanTardinessS',
    label: 'mean tardiness',
    unit: 's',
    description: 'mean of max(0, finish − due)',
    aggregate: 'mean-if-defined',
    value: (r, id) => r.plant.products[id]?.meanTardinessS ?? Number.NaN,
  }),
  valueFigure({
    key: 'meanLatenessS',
    label: 'mean lateness',
    unit: 's',
    description: 'mean of finish − due (negative: early)',
    aggregate: 'mean-if-defined',
    value: (r, id) => r.plant.products[id]?.meanLatenessS ?? Number.NaN,
  }),
] as const;

/** Mean utilisation of a crew pool's members (crew statistics are kept per member, `crews/<member>`). */
function crewUtilization(r: ReplicationData, id: string): number {
  const members = r.crewMembers.get(id) ?? [];
  return (
    members.reduce((sum, m) => sum + (r.plant.crews[`crews/${m}`]?.utilization ?? 0), 0) / members.length
  );
}

/** Per crew pool (`crews.<id>`, `crews.csv`). */
export const CREW_FIGURES = [
  valueFigure({
    key: 'utilization',
    label: 'utilisation',
    unit: 'fraction',
    description: 'mean over its crews of the fraction of time travelling or working',
    aggregate: 'mean',
    value: crewUtilization,
  }),
] as const;

const c = (r: ReplicationData, id: string): ConveyorReport => r.plant.conveyors![id]!;

/** Per conveyor (`conveyors.<id>`, `conveyors.csv`). */
export const CONVEYOR_FIGURES = [
  valueFigure({
    key: 'meanLevel',
    label: 'mean items',
    unit: 'items',
    description: 'time-average number of items on it',
    aggregate: 'mean',
    value: (r, id) => c(r, id).level.mean,
  }),
  valueFigure({
    key: 'maxLevel',
    label: 'max items',
    unit: 'items',
    description: 'most items on it at once',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => c(r, id).level.max,
  }),
  valueFigure({
    key: 'stoppedFraction',
    label: 'stopped',
    unit: 'fraction',
    description: 'fraction of time stopped',
    aggregate: 'mean',
    value: (r, id) => c(r, id).stoppedFraction,
  }),
  valueFigure({
    key: 'transitS',
    label: 'transit',
    unit: 's',
    description: 'mean time from getting on to getting off',
    aggregate: 'mean-if-defined',
    format: { time: 's', digits: 1 },
    value: (r, id) => c(r, id).meanTransitS,
  }),
  valueFigure({
    key: 'moved',
    label: 'moved',
    unit: 'items',
    description: 'items delivered',
    aggregate: 'mean',
    format: { digits: 0 },
    value: (r, id) => c(r, id).moved,
  }),
] as const;

const f = (r: ReplicationData, id: string): RobotFleetReport => r.plant.robots!.fleets[id]!;

/** Per robot fleet (`robots.<id>`, `robots.csv`). */
export const ROBOT_FIGURES = [
  valueFigure({
    key: 'utilization',
    label: 'utilisation',
    unit: 'fraction',
    description: 'fraction of robot-time not idle',
    aggregate: 'mean',
    value: (r, id) => f(r, id).utilization,
  }),
  familyFigure({
    key: 'stateFractions',
    label: 'state',
    unit: 'fraction',
    description:
      'fraction of robot-time in each state (idle, travelling empty or loaded, picking, placing, waiting)',
    csvPrefix: 'state:',
    members: (r, id) => f(r, id).stateFractions,
  }),
  valueFigure({
    key: 'transportS',
    label: 'transport',
    unit: 's',
    description: 'mean time from pick-up request to placing',
    aggregate: 'mean-if-defined',
    format: { time: 's', digits: 1 },
    value: (r, id) => f(r, id).meanTransportS,
  }),
  valueFigure({
    key: 'waitS',
    label: 'wait',
    unit: 's',
    description: 'mean time a job waited for a robot',
    aggregate: 'mean-if-defined',
    format: { time: 's', digits: 1 },
    value: (r, id) => f(r, id).meanWaitS,
  }),
  valueFigure({
    key: 'transports',
    label: 'jobs',
    unit: 'count',
    description: 'transports done',
    aggregate: 'mean',
    format: { digits: 0 },
    value: (r, id) => f(r, id).transports,
  }),
  valueFigure({
    key: 'energyKWh',
    label: 'energy',
    unit: 'kWh',
    description: 'energy drawn by the fleet (null without power figures)',
    aggregate: 'mean-if-defined',
    format: { digits: 1 },
    table: false,
    value: (r, id) => r.plant.energy?.byEntity[id] ?? Number.NaN,
  }),
] as const;

/** Per buffer (`buffers.<id>`, `buffers.csv`). */
export const BUFFER_FIGURES = [
  valueFigure({
    key: 'mean',
    label: 'mean level',
    unit: 'parts',
    description: 'time-average number of parts in it',
    aggregate: 'mean',
    csv: 'meanLevel',
    value: (r, id) => r.plant.buffers[id]!.mean,
  }),
  valueFigure({
    key: 'max',
    label: 'max level',
    unit: 'parts',
    description: 'most parts in it at once',
    aggregate: 'mean',
    csv: 'maxLevel',
    format: { digits: 1 },
    value: (r, id) => r.plant.buffers[id]!.max,
  }),
] as const;

/** Per row of the order lists (`orders[]`, `orders.csv`), over the whole run including the warm-up. */
export const ORDER_FIGURES = [
  valueFigure({
    key: 'finished',
    label: 'finished',
    unit: 'parts',
    description: 'parts of the order finished',
    aggregate: 'mean',
    format: { digits: 1 },
    value: (r, id) => r.orders![Number(id)]!.finished,
  }),
  valueFigure({
    key: 'completionS',
    label: 'completion',
    unit: 's',
    description: 'when its last part finished (null unless every replication completed it)',
    aggregate: 'mean-if-defined',
    format: { time: 'h', digits: 1 },
    value: (r, id) => r.orders![Number(id)]!.completionS,
  }),
  valueFigure({
    key: 'otifFraction',
    label: 'OTIF',
    unit: 'fraction',
    description: 'fraction of replications where it was on time in full',
    aggregate: 'mean',
    value: (r, id) => (r.orders![Number(id)]!.otif ? 1 : 0),
  }),
  valueFigure({
    key: 'latenessS',
    label: 'lateness',
    unit: 's',
    description: 'completion − due, or end − due while past due and incomplete',
    aggregate: 'mean-if-defined',
    value: (r, id) => r.orders![Number(id)]!.latenessS,
  }),
] as const;
