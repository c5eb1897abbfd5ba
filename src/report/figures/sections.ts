import type { ReplicationRun } from '../../scenario/index.js';
import type { Figure, FiguresOf } from './declaration.js';
import type { Estimate } from './estimate.js';
import {
  BUFFER_FIGURES,
  CONVEYOR_FIGURES,
  CREW_FIGURES,
  ORDER_FIGURES,
  PRODUCT_FIGURES,
  ROBOT_FIGURES,
} from './flow-figures.js';
import { PLANT_FIGURES } from './plant-figures.js';
import { STATION_FIGURES } from './station-figures.js';

/** One entity's figures in a result, by key (a family is a record of estimates by member). */
export type FigureRow = Readonly<Record<string, Estimate | null | Readonly<Record<string, Estimate>>>>;

/**
 * One cell of a table layout: a figure key, a family member (`stateFractions.busy`), every member of a
 * family (`stateFractions.*`, headed by member name), or several figures in one cell (`join`ed, default
 * ` / `) under one label. A row of the plant table is shown when `show` says so, by default when any of
 * its figures is defined.
 */
export type LayoutCell =
  | string
  | {
      readonly figures: readonly string[];
      readonly label: string;
      readonly join?: string;
      readonly show?: (row: FigureRow) => boolean;
    };

/** A table of a section: its cells, and whether it is printed at all (default: when it has rows). */
export interface TableLayout {
  readonly cells: readonly LayoutCell[];
  readonly show?: (rows: readonly FigureRow[]) => boolean;
}

/**
 * A group of figures reported together: the plant (`single`), one set per entity id (`keyed`: stations,
 * products…), or one per row of a list (`list`: orders).
 */
export interface Section<N extends string = string, T extends readonly Figure[] = readonly Figure[]> {
  /** Key in JSON, and the CSV file's name (`<name>.csv`). */
  readonly name: N;
  readonly kind: 'single' | 'keyed' | 'list';
  /** What one entity is called: the first column of its table. */
  readonly entity: string;
  /** The first CSV column, when it differs from `entity`. */
  readonly csvEntity?: string;
  /** Heading in the HTML report. */
  readonly title: string;
  /** The entity ids of a run (`['']` for the plant; row indices as text for a list). */
  readonly ids: (run: ReplicationRun) => string[];
  readonly figures: T;
  /** CSV order of the figures (the published layout), when it differs from the declaration's. */
  readonly csvOrder?: readonly string[];
  /**
   * The text tables. A figure no layout places (and not `table: false`) is added to the last table, so a
   * new figure shows without touching a layout. Default: one table of every figure in order.
   */
  readonly tables?: readonly TableLayout[];
}

function keyed<const N extends string, const T extends readonly Figure[]>(
  s: Omit<Section<N, T>, 'kind'>,
): Section<N, T> {
  return { ...s, kind: 'keyed' };
}

const first = (run: ReplicationRun) => run.runs[0]!;

const scrapRows = (k: FigureRow) => (k.scrapped as Estimate).mean > 0 || k.firstPassYield !== null;

const withEnergy = (k: FigureRow) => k.energyKWh !== null;

/** The plant's figures. */
export const PLANT_SECTION: Section<'kpis', typeof PLANT_FIGURES> = {
  name: 'kpis',
  kind: 'single',
  entity: 'plant KPI',
  csvEntity: 'kpi',
  title: 'Plant',
  ids: () => [''],
  figures: PLANT_FIGURES,
  tables: [
    {
      cells: [
        'throughputPerHour',
        'cycleTimeS',
        { figures: ['cycleTimeP50S', 'cycleTimeP95S', 'cycleTimeMaxS'], label: 'cycle time p50 / p95 / max' },
        'wip',
        { figures: ['released', 'finished'], label: 'parts released / finished' },
        'onTimeFraction',
        'meanTardinessS',
        'wipAgeS',
        {
          figures: ['pastDueWip', 'pastDueWipLatenessS'],
          label: 'past-due WIP at the end',
          join: ', ',
          show: (k) => k.onTimeFraction !== null || (k.pastDueWip as Estimate).mean > 0,
        },
        'ordersOtifFraction',
        { figures: ['scrapped'], label: 'scrapped', show: scrapRows },
        { figures: ['firstPassYield'], label: 'first-pass yield', show: scrapRows },
        // The energy rows come together, even where no good part makes kWh per part undefined.
        { figures: ['energyKWh'], label: 'energy', show: withEnergy },
        { figures: ['kWhPerGoodPart'], label: 'energy per good part', show: withEnergy },
        { figures: ['peakKW'], label: 'peak power', show: withEnergy },
      ],
    },
  ],
};

export const PRODUCT_SECTION = keyed({
  name: 'products',
  entity: 'product',
  title: 'Products',
  // Every product seen in any replication, in natural order.
  ids: (run) => [...new Set(run.runs.flatMap((r) => Object.keys(r.plant.products)))].sort(),
  figures: PRODUCT_FIGURES,
  tables: [
    {
      cells: PRODUCT_FIGURES.map((f) => f.key),
      show: (rows) => rows.length > 1 || rows.some((p) => p.onTimeFraction !== null),
    },
  ],
});

export const STATION_SECTION = keyed({
  name: 'stations',
  entity: 'station',
  title: 'Stations',
  ids: (run) => Object.keys(first(run).plant.stations),
  figures: STATION_FIGURES,
  tables: [
    {
      // Every state has a column, so the fractions of a row add up to 100 %.
      cells: [
        'utilization',
        'stateFractions.busy',
        'stateFractions.idle',
        'stateFractions.blocked',
        'down',
        { figures: ['stateFractions.maintenance'], label: 'maint.' },
        'setupFraction',
        'stateFractions.handling',
        'offShiftFraction',
        'uptime',
        'failures',
        'mtbfS',
        'mttrS',
        'queueLength',
      ],
      show: () => true,
    },
    {
      cells: [
        'setups',
        'oee',
        'oeeAvailability',
        'oeePerformance',
        'oeeQuality',
        'firstPassYield',
        'energyKWh',
      ],
      show: (rows) =>
        rows.some(
          (s) =>
            (s.setupFraction as Estimate).mean > 0 ||
            (s.offShiftFraction as Estimate).mean > 0 ||
            s.energyKWh !== null ||
            s.firstPassYield !== null ||
            s.oee !== null,
        ),
    },
  ],
});

export const CREW_SECTION = keyed({
  name: 'crews',
  entity: 'crew',
  title: 'Crews',
  ids: (run) => [...first(run).crewMembers.keys()],
  figures: CREW_FIGURES,
});

export const CONVEYOR_SECTION = keyed({
  name: 'conveyors',
  entity: 'conveyor',
  title: 'Conveyors',
  ids: (run) => Object.keys(first(run).plant.conveyors ?? {}),
  figures: CONVEYOR_FIGURES,
});

export const ROBOT_SECTION = keyed({
  name: 'robots',
  entity: 'robot fleet',
  csvEntity: 'fleet',
  title: 'Robot fleets',
  ids: (run) => Object.keys(first(run).plant.robots?.fleets ?? {}),
  figures: ROBOT_FIGURES,
  csvOrder: ['utilization', 'waitS', 'transportS', 'transports', 'energyKWh', 'stateFractions'],
  tables: [{ cells: ['utilization', 'stateFractions.*', 'waitS', 'transportS', 'transports'] }],
});

export const BUFFER_SECTION = keyed({
  name: 'buffers',
  entity: 'buffer',
  title: 'Buffers',
  ids: (run) => Object.keys(first(run).plant.buffers),
  figures: BUFFER_FIGURES,
});

/** The rows of the order lists; each row also carries {@link OrderAttributes}. */
export const ORDER_SECTION: Section<'orders', typeof ORDER_FIGURES> = {
  name: 'orders',
  kind: 'list',
  entity: 'order',
  title: 'Orders',
  ids: (run) => (first(run).orders ?? []).map((_, i) => String(i)),
  figures: ORDER_FIGURES,
};

/** Every section, in the published JSON order. */
export const SECTIONS = [
  PLANT_SECTION,
  PRODUCT_SECTION,
  STATION_SECTION,
  CREW_SECTION,
  CONVEYOR_SECTION,
  ROBOT_SECTION,
  BUFFER_SECTION,
  ORDER_SECTION,
] as const;

/** What identifies one row of an order list (given, not estimated). Seconds. */
export interface OrderAttributes {
  id: string;
  product: string;
  quantity: number;
  releaseS: number;
  /** Null without a due date. */
  dueS: number | null;
}

/** The result of all replications of a scenario: every declared figure, aggregated over replications. */
export type ScenarioResult = Omit<ReplicationRun, 'runs'> & {
  kpis: FiguresOf<typeof PLANT_FIGURES>;
  /** Per product (null where no part of it had a due date or finished). */
  products: Record<string, FiguresOf<typeof PRODUCT_FIGURES>>;
  stations: Record<string, FiguresOf<typeof STATION_FIGURES>>;
  crews: Record<string, FiguresOf<typeof CREW_FIGURES>>;
  conveyors: Record<string, FiguresOf<typeof CONVEYOR_FIGURES>>;
  robots: Record<string, FiguresOf<typeof ROBOT_FIGURES>>;
  buffers: Record<string, FiguresOf<typeof BUFFER_FIGURES>>;
  /** One entry per row of the order lists (`source#row`), over the whole run including the warm-up. */
  orders: (OrderAttributes & FiguresOf<typeof ORDER_FIGURES>)[];
};
