import type { DecisionKind } from '../../policies/contract.js';
import type { Scenario } from '../../scenario/index.js';
import { naturalCompare } from './natural-order.js';

/** The routing figures of one product, per step (see {@link ScenarioInfo}). */
export interface ProductRoute {
  readonly workS: Float64Array;
  readonly station: Int32Array;
  readonly alternativeWorkS: readonly (ReadonlyMap<string, number> | undefined)[];
}

/** What the environment reads once from a scenario: ids in fixed orders, work content, scales. */
export interface ScenarioInfo {
  /** Station ids in the order the scenario lists them (the order of the per-station features). */
  readonly stationIds: readonly string[];
  readonly stationIndex: ReadonlyMap<string, number>;
  /** Servers of each station, in `stationIds` order. */
  readonly servers: readonly number[];
  /** Input capacity of each station (`Infinity` for unbounded), in `stationIds` order. */
  readonly queueCapacity: readonly number[];
  /** Product ids in natural order (`job2` before `job10`): the meaning of `slots: 'product'`. */
  readonly productIds: readonly string[];
  readonly productIndex: ReadonlyMap<string, number>;
  /**
   * Mean process time of each routing step, per product, s (0 where a step has none; the mean over the
   * stations of a step with alternatives).
   */
  readonly stepWorkS: ReadonlyMap<string, Float64Array>;
  /** Station of each routing step, per product (index into `stationIds`; −1 for a step with alternatives). */
  readonly stepStation: ReadonlyMap<string, Int32Array>;
  /** Per product and step with alternatives, the mean process time at each of its stations, s. */
  readonly stepAlternativeWorkS: ReadonlyMap<string, readonly (ReadonlyMap<string, number> | undefined)[]>;
  /** The three above in one record per product (one lookup on hot paths). */
  readonly routes: ReadonlyMap<string, ProductRoute>;
  /** Mean process time over all routing steps that have one, s (1 when none has). */
  readonly meanProcessTimeS: number;
  /** Longest routing, steps. */
  readonly maxOperations: number;
  /** Largest Manhattan distance between two known positions (stations, robot parks, crew homes), m (≥ 1). */
  readonly maxDistanceM: number;
  /** Largest |priority| of a product or a station (≥ 1). */
  readonly maxPriority: number;
  /** Parts the sources release in all, when finite (order sources, interarrival sources with a quantity). */
  readonly totalParts: number | undefined;
  /** Every part is released at time 0 by an order source (a job shop). */
  readonly allReleasedAtZero: boolean;
  /** Interval of each preventive plan by `station/plan`, s. */
  readonly planIntervalS: ReadonlyMap<string, number>;
  /** Simulated time of one replication, s. */
  readonly horizonS: number;
}

/** Reads the {@link ScenarioInfo} of a validated scenario. */
export function scenarioInfo(scenario: Scenario): ScenarioInfo {
  const stationIds = scenario.stations.map((s) => s.id);
  const stationIndex = new Map(stationIds.map((id, i) => [id, i]));
  const capacityOf = new Map(scenario.buffers.map((b) => [b.id, b.capacity]));
  const queueCapacity = scenario.stations.map((s) =>
    s.input === undefined ? Number.POSITIVE_INFINITY : (capacityOf.get(s.input) ?? Number.POSITIVE_INFINITY),
  );
  const productIds = scenario.products.map((p) => p.id).sort(naturalCompare);
  const productIndex = new Map(productIds.map((id, i) => [id, i]));
  const stepWorkS = new Map<string, Float64Array>();
  const stepStation = new Map<string, Int32Array>();
  const stepAlternativeWorkS = new Map<string, (Map<string, number> | undefined)[]>();
  const routes = new Map<string, ProductRoute>();
  let sum = 0;
  let count = 0;
  let maxOperations = 1;
  for (const p of scenario.products) {
    const work = new Float64Array(p.routing.length);
    const at = new Int32Array(p.routing.length);
    const alts: (Map<string, number> | undefined)[] = [];
    p.routing.forEach((step, k) => {
      const stations = Array.isArray(step.station) ? step.station : [step.station as string];
      let stepSum = 0;
      const byStation = new Map<string, number>();
      for (const st of stations) {
        const mean = (step.processTimes?.[st] ?? step.processTime)?.mean;
        const m = mean !== undefined && Number.isFinite(mean) ? mean : 0;
        byStation.set(st, m);
        stepSum += m;
        if (m > 0) {
          sum += m;
          count++;
        }
      }
      work[k] = stepSum / stations.length;
      // A step with alternatives waits for no one station until it is routed.
      at[k] = stations.length === 1 ? (stationIndex.get(stations[0]!) ?? -1) : -1;
      alts[k] = stations.length === 1 ? undefined : byStation;
    });
    stepWorkS.set(p.id, work);
    stepStation.set(p.id, at);
    stepAlternativeWorkS.set(p.id, alts);
    routes.set(p.id, { workS: work, station: at, alternativeWorkS: alts });
    maxOperations = Math.max(maxOperations, p.routing.length);
  }
  const meanProcessTimeS = count > 0 && sum > 0 ? sum / count : 1;

  const points: { x: number; y: number }[] = [];
  for (const s of scenario.stations) if (s.position !== undefined) points.push(s.position);
  for (const r of scenario.robots) if (r.park !== undefined) points.push(r.park);
  for (const c of scenario.crews) if (c.home !== undefined) points.push(c.home);
  let maxDistanceM = 1;
  for (const a of points)
    for (const b of points) maxDistanceM = Math.max(maxDistanceM, Math.abs(a.x - b.x) + Math.abs(a.y - b.y));

  let maxPriority = 1;
  for (const p of scenario.products) maxPriority = Math.max(maxPriority, Math.abs(p.priority));
  for (const s of scenario.stations) maxPriority = Math.max(maxPriority, Math.abs(s.priority));

  let totalParts: number | undefined = 0;
  let allReleasedAtZero = true;
  for (const s of scenario.sources) {
    if (s.orders !== undefined) {
      for (const o of s.orders) {
        if (totalParts !== undefined) totalParts += o.quantity;
        if (o.release !== 0) allReleasedAtZero = false;
      }
    } else {
      allReleasedAtZero = false;
      if (s.interarrival !== undefined && s.quantity !== undefined && totalParts !== undefined) {
        totalParts += s.quantity;
      } else totalParts = undefined;
    }
  }

  const planIntervalS = new Map<string, number>();
  for (const s of scenario.stations) {
    s.preventive.forEach((m, j) => {
      planIntervalS.set(`${s.id}/${m.name ?? `pm${j + 1}`}`, m.interval);
    });
  }

  return {
    stationIds,
    stationIndex,
    servers: scenario.stations.map((s) => s.servers),
    queueCapacity,
    productIds,
    productIndex,
    stepWorkS,
    stepStation,
    stepAlternativeWorkS,
    routes,
    meanProcessTimeS,
    maxOperations,
    maxDistanceM,
    maxPriority,
    totalParts,
    allReleasedAtZero: allReleasedAtZero && scenario.sources.length > 0,
    planIntervalS,
    horizonS: scenario.run.horizon,
  };
}

/**
 * The decision kinds that can occur in `scenario` with more than one option, read from its structure:
 * - `dispatch`: a station that picks single parts (no batch, no assembly) whose queue can hold two;
 * - `routing`: a routing step that names alternative stations;
 * - `crew`: crews, and at least two servers that fail or have preventive plans (two jobs can wait);
 * - `transport`: a robot fleet that some routing step travels by or some station is tended by;
 * - `maintenance`: a station with a preventive plan.
 * With `askTrivial` (single-option decisions handed out too) one part waiting, or one server needing a crew,
 * is enough. A kind outside this set never reaches an agent; one inside may still not occur in an episode.
 */
export function possibleDecisionKinds(scenario: Scenario, askTrivial = false): Set<DecisionKind> {
  const kinds = new Set<DecisionKind>();
  const info = scenarioInfo(scenario);
  const waiting = askTrivial ? 1 : 2;
  scenario.stations.forEach((s, i) => {
    if (s.batch === undefined && s.assembly === undefined && info.queueCapacity[i]! >= waiting) {
      kinds.add('dispatch');
    }
    if (s.preventive.length > 0) kinds.add('maintenance');
  });
  for (const p of scenario.products) {
    for (const step of p.routing) if (alternativesOf(step) > 1) kinds.add('routing');
  }
  const crewJobServers = scenario.stations
    .filter((s) => s.failures.length > 0 || s.preventive.length > 0)
    .reduce((n, s) => n + s.servers, 0);
  if (scenario.crews.length > 0 && crewJobServers >= waiting) kinds.add('crew');
  const operatorServers = scenario.stations
    .filter((s) => s.operator !== undefined)
    .reduce((n, s) => n + s.servers, 0);
  if (operatorServers >= waiting) kinds.add('operator');
  for (const r of scenario.robots) {
    const used =
      scenario.stations.some((s) => s.tendedBy === r.id) ||
      scenario.products.some((p) => p.exitVia === r.id || p.routing.some((s) => s.via === r.id));
    if (used) kinds.add('transport');
  }
  return kinds;
}

/** Number of stations a routing step may go to: its alternatives, or 1. */
export function alternativesOf(step: Scenario['products'][number]['routing'][number]): number {
  return Array.isArray(step.station) ? step.station.length : 1;
}
