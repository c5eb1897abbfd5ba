import { confidenceInterval } from '../../engine/index.js';
import type { OrderReport, PlantReport } from '../../entities/index.js';
import type { Scenario } from '../schema.js';
import { type BuiltModel, buildPlant } from './build-plant.js';
import { nextObserverStop, type RunObserver } from './run-observer.js';

/** A figure over replications: the mean and the half-width of its 95% confidence interval (null with one replication). */
export interface Estimate {
  mean: number;
  halfWidth: number | null;
}

/** Options of {@link runScenario}; each overrides the scenario's `run` section. */
export interface RunScenarioOptions {
  seed?: number;
  replications?: number;
  /** Seconds. */
  horizon?: number;
  /** Seconds. */
  warmup?: number;
  /** Called after each replication (for a progress bar). */
  onReplication?: (done: number, total: number) => void;
  /**
   * Called while a replication runs, every {@link PROGRESS_EVENTS} events and at its end, with how far
   * it got (for a progress bar that moves within a long replication).
   */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Events one replication may run (an integer ≥ 1); a replication that reaches it stops there, is
   * reported over the time it simulated, and the result is marked `partial`. Default: no limit.
   */
  maxEvents?: number;
  /**
   * Wall-clock seconds the whole run may take (> 0): when they are spent, the replication running stops
   * (checked every {@link PROGRESS_EVENTS} events), is reported over the time it simulated, the
   * replications after it are not run, and the result is marked `partial`. Default: no limit.
   */
  maxWallS?: number;
  /**
   * Events that may run at one simulated instant before a replication stops with a `ZeroTimeLoopError`
   * (see `Plant.run`; default 1,000,000).
   */
  maxEventsPerInstant?: number;
  /**
   * Called with each replication's model (`replication` from 0) after it is built and before it runs, so
   * an observer can subscribe to `model.plant.events` (e.g. `recordSchedule` of src/report).
   */
  onModel?: (model: BuiltModel, replication: number) => void;
  /**
   * Keep every station visit in each part's `steps` (see `BuildOptions.stepHistory`); default: only when
   * `onModel` is given (an observer may read them). Without it a part's memory does not grow with its routing.
   */
  stepHistory?: boolean;
  /**
   * Observers of every replication (a trace writer, a live stream, an event-log export; see
   * {@link RunObserver}): started after each build, paused for when they ask, ended after each run.
   */
  observe?: readonly RunObserver[];
}

/** Events {@link runScenario} runs between two calls of `onProgress` and two looks at the wall clock. */
export const PROGRESS_EVENTS = 50_000;

/** How far a run got: what {@link RunScenarioOptions.onProgress} receives. */
export interface RunProgress {
  /** The replication running, from 0. */
  readonly replication: number;
  /** Replications to run. */
  readonly replications: number;
  /** Its clock, s. */
  readonly nowS: number;
  /** Its horizon, s. */
  readonly horizonS: number;
}

/** The result of all replications of a scenario. */
export interface ScenarioResult {
  seed: number;
  /** Replications run (fewer than asked when `maxWallS` stopped the run). */
  replications: number;
  /**
   * `true` when `maxEvents` or `maxWallS` stopped a replication before its horizon: its figures cover
   * only the time it simulated (see `partialReason`).
   */
  partial: boolean;
  /** Why the result is partial, in words (`null` when it is not). */
  partialReason: string | null;
  horizonS: number;
  warmupS: number;
  /** Events processed over all replications. */
  events: number;
  kpis: {
    throughputPerHour: Estimate;
    cycleTimeS: Estimate;
    cycleTimeP50S: Estimate;
    cycleTimeP95S: Estimate;
    /** Longest cycle time; for parts all released at 0 (a job shop) it is the makespan. */
    cycleTimeMaxS: Estimate;
    wip: Estimate;
    onTimeFraction: Estimate | null;
    meanTardinessS: Estimate | null;
    released: Estimate;
    finished: Estimate;
    /** Parts scrapped by inspections. */
    scrapped: Estimate;
    /** Parts leaving the system per hour: finished, scrapped or built into an assembly. */
    departuresPerHour: Estimate;
    /** Mean own time in the system of those parts, seconds (WIP = departures × this, Little's law). */
    timeInSystemS: Estimate | null;
    /**
     * Little's law's boundary term, parts: WIP = departures × time in system + this, exactly, per
     * replication (see `PlantReport.littleBoundaryParts`).
     */
    littleBoundaryParts: Estimate;
    /** Fraction of parts leaving (finished or scrapped) that never failed an inspection. */
    firstPassYield: Estimate | null;
    /** Mean age of the parts in the system at the end, seconds. */
    wipAgeS: Estimate | null;
    /** Parts in the system at the end already past their due date. */
    pastDueWip: Estimate;
    /**
     * Their mean lateness so far (end − due), seconds, pooled over the past-due parts of all replications
     * (null when no replication had one; no CI).
     */
    pastDueWipLatenessS: Estimate | null;
    /** Fraction of the order rows on time in full (null without order lists). */
    ordersOtifFraction: Estimate | null;
    /** Energy drawn, kWh (null when no entity has power figures). */
    energyKWh: Estimate | null;
    kWhPerGoodPart: Estimate | null;
    peakKW: Estimate | null;
  };
  /** Due-date figures per product (null where no part of it had a due date or finished). */
  products: Record<
    string,
    {
      finished: Estimate;
      scrapped: Estimate;
      cycleTimeS: Estimate | null;
      onTimeFraction: Estimate | null;
      meanTardinessS: Estimate | null;
      meanLatenessS: Estimate | null;
    }
  >;
  stations: Record<
    string,
    {
      utilization: Estimate;
      /** Fraction of all server-time not down or in maintenance (not OEE's availability). */
      uptime: Estimate;
      down: Estimate;
      queueLength: Estimate;
      failures: Estimate;
      /**
       * Pooled over replications: Σ server-time not down / Σ failures, seconds (null only when no
       * replication had a failure; no CI: one ratio of sums).
       */
      mtbfS: Estimate | null;
      /** Pooled over replications: Σ server-time down / Σ repairs completed, seconds (null without repairs). */
      mttrS: Estimate | null;
      stateFractions: Record<string, Estimate>;
      setupFraction: Estimate;
      offShiftFraction: Estimate;
      setups: Estimate;
      oee: Estimate | null;
      oeeAvailability: Estimate | null;
      oeePerformance: Estimate | null;
      oeeQuality: Estimate | null;
      firstPassYield: Estimate | null;
      /** Energy drawn by its servers, kWh (null without power figures). */
      energyKWh: Estimate | null;
    }
  >;
  crews: Record<string, { utilization: Estimate }>;
  /**
   * Per operator pool: utilisation and walking time as fractions of on-shift operator-time, state
   * fractions of all operator-time, machines visited and the mean walk per visit (null where undefined in
   * some replication). The time stations wait for an operator is their `waiting-operator` state fraction.
   */
  operators: Record<
    string,
    {
      utilization: Estimate | null;
      walkingFraction: Estimate | null;
      stateFractions: Record<string, Estimate>;
      visits: Estimate;
      meanWalkS: Estimate | null;
    }
  >;
  /** Per conveyor: items on it (time-average, max), fraction of time stopped, mean transit time. */
  conveyors: Record<
    string,
    {
      meanLevel: Estimate;
      maxLevel: Estimate;
      stoppedFraction: Estimate;
      transitS: Estimate | null;
      moved: Estimate;
    }
  >;
  /** Per robot fleet: utilisation, state fractions, mean wait and transport times, jobs done. */
  robots: Record<
    string,
    {
      utilization: Estimate;
      stateFractions: Record<string, Estimate>;
      transportS: Estimate | null;
      waitS: Estimate | null;
      transports: Estimate;
      energyKWh: Estimate | null;
    }
  >;
  buffers: Record<string, { mean: Estimate; max: Estimate }>;
  /**
   * One entry per row of the order lists (`source#row`), over the whole run including the warm-up: the
   * completion time (last part done, seconds; null unless every replication completed it), the fraction
   * of replications where it was on time in full, and its lateness (completion − due, or end − due while
   * past due and incomplete; null where undefined in some replication).
   */
  orders: {
    id: string;
    product: string;
    quantity: number;
    releaseS: number;
    /** Null without a due date. */
    dueS: number | null;
    finished: Estimate;
    completionS: Estimate | null;
    otifFraction: Estimate;
    latenessS: Estimate | null;
  }[];
}

/**
 * Runs the scenario's replications (replication i uses master seed `seed + i`, so its streams are
 * independent of the others') and aggregates every figure as mean ± 95% CI half-width. Each replication
 * runs in steps of {@link PROGRESS_EVENTS} events (the same events as one run), so `onProgress` can
 * report and `maxEvents`/`maxWallS` can stop it cleanly.
 * @throws RangeError for a bad `maxEvents` or `maxWallS`; `DeadlockError` (or `ZeroTimeLoopError`)
 * when a replication can make no more progress.
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioResult {
  const seed = options.seed ?? scenario.run.seed;
  const replications = options.replications ?? scenario.run.replications;
  const horizonS = options.horizon ?? scenario.run.horizon;
  const warmupS = options.warmup ?? scenario.run.warmup;
  const effective: Scenario = { ...scenario, run: { ...scenario.run, horizon: horizonS, warmup: warmupS } };
  const reports: PlantReport[] = [];
  const crewMembers: Map<string, readonly string[]>[] = [];
  const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const maxWallS = options.maxWallS ?? Number.POSITIVE_INFINITY;
  if (!(maxEvents >= 1 && (Number.isInteger(maxEvents) || maxEvents === Number.POSITIVE_INFINITY)))
    throw new RangeError(`runScenario: maxEvents must be an integer >= 1 (got ${options.maxEvents})`);
  if (!(maxWallS > 0)) throw new RangeError(`runScenario: maxWallS must be > 0 s (got ${options.maxWallS})`);
  const started = Date.now();
  const orderReports: OrderReport[][] = [];
  let events = 0;
  const partial: string[] = [];
  let ran = 0;
  for (let r = 0; r < replications; r++) {
    const model = buildPlant(effective, seed + r, {
      stepHistory: options.stepHistory ?? options.onModel !== undefined,
    });
    options.onModel?.(model, r);
    const plant = model.plant;
    const observers = options.observe ?? [];
    const run = { scenario: effective, replication: r, replications, seed: seed + r, horizonS, warmupS };
    for (const o of observers) o.start(model, run);
    let stopped: 'maxEvents' | 'maxWall' | null = null;
    try {
      for (;;) {
        const left = maxEvents - plant.sim.eventCount;
        const until =
          observers.length === 0 ? horizonS : nextObserverStop(observers, plant.sim.now, horizonS);
        const step = plant.run({
          until,
          maxEvents: Math.min(PROGRESS_EVENTS, left),
          maxEventsPerInstant: options.maxEventsPerInstant,
        });
        options.onProgress?.({ replication: r, replications, nowS: plant.sim.now, horizonS });
        if (step.reason !== 'maxEvents') {
          if (until >= horizonS) break;
          for (const o of observers) o.at?.(plant.sim.now);
          continue;
        }
        if (plant.sim.eventCount >= maxEvents) stopped = 'maxEvents';
        else if ((Date.now() - started) / 1000 >= maxWallS) stopped = 'maxWall';
        if (stopped !== null) break;
      }
    } catch (error) {
      for (const o of observers) o.abort?.(error);
      throw error;
    }
    events += model.sim.eventCount;
    const endS = stopped === null ? horizonS : plant.sim.now;
    for (const o of observers) o.end?.(endS, stopped === null ? 'horizon' : 'stopped');
    reports.push(model.statistics!.report(endS));
    if (model.orders !== null) orderReports.push(model.orders.report(endS));
    crewMembers.push(new Map(model.crewMembers));
    ran++;
    options.onReplication?.(r + 1, replications);
    if (stopped !== null) {
      const why =
        stopped === 'maxEvents'
          ? `after ${model.sim.eventCount.toLocaleString('en-US')} events (maxEvents)`
          : `after ${((Date.now() - started) / 1000).toFixed(1)} s of wall-clock time (maxWall)`;
      const h = (t: number) => `${(t / 3600).toFixed(2)} h`;
      partial.push(`replication ${r + 1} stopped at ${h(endS)} of ${h(horizonS)} ${why}`);
      if (stopped === 'maxWall') {
        if (r + 1 < replications) partial.push(`replications ${r + 2}–${replications} not run`);
        break;
      }
    }
  }
  const est = (pick: (r: PlantReport) => number): Estimate => estimate(reports.map(pick));
  const optional = (pick: (r: PlantReport) => number): Estimate | null => {
    const values = reports.map(pick);
    return values.every(Number.isFinite) ? estimate(values) : null;
  };
  const first = reports[0]!;
  const stations: ScenarioResult['stations'] = {};
  for (const id of Object.keys(first.stations)) {
    const s = (r: PlantReport) => r.stations[id]!;
    stations[id] = {
      utilization: est((r) => s(r).utilization),
      uptime: est((r) => s(r).uptime),
      down: est((r) => s(r).down),
      queueLength: est((r) => s(r).queueLength.mean),
      failures: est((r) => s(r).failures),
      mtbfS: pooled(reports.map((r) => [s(r).upS, s(r).failures])),
      mttrS: pooled(reports.map((r) => [s(r).downS, s(r).repairs])),
      stateFractions: Object.fromEntries(
        Object.keys(s(first).stateFractions).map((state) => [
          state,
          est((r) => (s(r).stateFractions as Record<string, number>)[state]!),
        ]),
      ),
      setupFraction: est((r) => s(r).setupFraction),
      offShiftFraction: est((r) => s(r).offShiftFraction),
      setups: est((r) => s(r).setups),
      oee: optional((r) => s(r).oee.oee),
      oeeAvailability: optional((r) => s(r).oee.availability),
      oeePerformance: optional((r) => s(r).oee.performance),
      oeeQuality: optional((r) => s(r).oee.quality),
      firstPassYield: optional((r) => s(r).firstPassYield),
      energyKWh: optional((r) => r.energy?.byEntity[id] ?? Number.NaN),
    };
  }
  const productIds = [...new Set(reports.flatMap((r) => Object.keys(r.products)))].sort();
  const products: ScenarioResult['products'] = {};
  for (const id of productIds) {
    const p = (r: PlantReport) => r.products[id];
    products[id] = {
      finished: est((r) => p(r)?.finished ?? 0),
      scrapped: est((r) => p(r)?.scrapped ?? 0),
      cycleTimeS: optional((r) => p(r)?.cycleTimeMeanS ?? Number.NaN),
      onTimeFraction: optional((r) => p(r)?.onTimeFraction ?? Number.NaN),
      meanTardinessS: optional((r) => p(r)?.meanTardinessS ?? Number.NaN),
      meanLatenessS: optional((r) => p(r)?.meanLatenessS ?? Number.NaN),
    };
  }
  const crews: ScenarioResult['crews'] = {};
  for (const [crewId, members] of crewMembers[0] ?? []) {
    crews[crewId] = {
      utilization: est(
        (r) =>
          members.reduce((sum, m) => sum + (r.crews[`crews/${m}`]?.utilization ?? 0), 0) / members.length,
      ),
    };
  }
  const conveyors: ScenarioResult['conveyors'] = {};
  for (const id of Object.keys(first.conveyors ?? {})) {
    const c = (r: PlantReport) => r.conveyors![id]!;
    conveyors[id] = {
      meanLevel: est((r) => c(r).level.mean),
      maxLevel: est((r) => c(r).level.max),
      stoppedFraction: est((r) => c(r).stoppedFraction),
      transitS: optional((r) => c(r).meanTransitS),
      moved: est((r) => c(r).moved),
    };
  }
  const robots: ScenarioResult['robots'] = {};
  for (const id of Object.keys(first.robots?.fleets ?? {})) {
    const f = (r: PlantReport) => r.robots!.fleets[id]!;
    robots[id] = {
      utilization: est((r) => f(r).utilization),
      stateFractions: Object.fromEntries(
        Object.keys(f(first).stateFractions).map((state) => [
          state,
          est((r) => (f(r).stateFractions as Record<string, number>)[state]!),
        ]),
      ),
      transportS: optional((r) => f(r).meanTransportS),
      waitS: optional((r) => f(r).meanWaitS),
      transports: est((r) => f(r).transports),
      energyKWh: optional((r) => r.energy?.byEntity[id] ?? Number.NaN),
    };
  }
  const operators: ScenarioResult['operators'] = {};
  for (const id of Object.keys(first.operators?.pools ?? {})) {
    const o = (r: PlantReport) => r.operators!.pools[id]!;
    operators[id] = {
      utilization: optional((r) => o(r).utilization),
      walkingFraction: optional((r) => o(r).walkingFraction),
      stateFractions: Object.fromEntries(
        Object.keys(o(first).stateFractions).map((state) => [
          state,
          est((r) => (o(r).stateFractions as Record<string, number>)[state]!),
        ]),
      ),
      visits: est((r) => o(r).visits),
      meanWalkS: optional((r) => o(r).meanWalkS),
    };
  }
  const buffers: ScenarioResult['buffers'] = {};
  for (const id of Object.keys(first.buffers)) {
    buffers[id] = { mean: est((r) => r.buffers[id]!.mean), max: est((r) => r.buffers[id]!.max) };
  }
  const orders: ScenarioResult['orders'] = (orderReports[0] ?? []).map((o, i) => {
    const rows = orderReports.map((rep) => rep[i]!);
    const all = (pick: (r: OrderReport) => number): Estimate | null => {
      const values = rows.map(pick);
      return values.every(Number.isFinite) ? estimate(values) : null;
    };
    return {
      id: o.id,
      product: o.product,
      quantity: o.quantity,
      releaseS: o.releaseS,
      dueS: Number.isFinite(o.dueS) ? o.dueS : null,
      finished: estimate(rows.map((r) => r.finished)),
      completionS: all((r) => r.completionS),
      otifFraction: estimate(rows.map((r) => (r.otif ? 1 : 0))),
      latenessS: all((r) => r.latenessS),
    };
  });
  const otifByRep = orderReports.map((rep) => {
    const due = rep.filter((o) => Number.isFinite(o.dueS));
    return due.length > 0 ? due.filter((o) => o.otif).length / due.length : Number.NaN;
  });
  return {
    seed,
    replications: ran,
    partial: partial.length > 0,
    partialReason: partial.length > 0 ? partial.join('; ') : null,
    horizonS,
    warmupS,
    events,
    kpis: {
      throughputPerHour: est((r) => r.throughputPerHour),
      cycleTimeS: est((r) => r.cycleTimeS.mean),
      cycleTimeP50S: est((r) => r.cycleTimeS.p50 ?? Number.NaN),
      cycleTimeP95S: est((r) => r.cycleTimeS.p95 ?? Number.NaN),
      cycleTimeMaxS: est((r) => r.cycleTimeS.max),
      wip: est((r) => r.wip.mean),
      onTimeFraction: optional((r) => r.onTimeFraction),
      meanTardinessS: optional((r) => r.meanTardinessS),
      released: est((r) => r.released),
      finished: est((r) => r.finished),
      scrapped: est((r) => r.scrapped),
      departuresPerHour: est((r) => r.departuresPerHour),
      timeInSystemS: optional((r) => r.timeInSystemS),
      littleBoundaryParts: est((r) => r.littleBoundaryParts),
      firstPassYield: optional((r) => r.firstPassYield),
      wipAgeS: optional((r) => r.wipAgeS),
      pastDueWip: est((r) => r.pastDueWip.count),
      pastDueWipLatenessS: pooled(
        reports.map((r) => [
          r.pastDueWip.count > 0 ? r.pastDueWip.count * r.pastDueWip.meanLatenessS : 0,
          r.pastDueWip.count,
        ]),
      ),
      ordersOtifFraction:
        otifByRep.length > 0 && otifByRep.every(Number.isFinite) ? estimate(otifByRep) : null,
      energyKWh: optional((r) => r.energy?.kWh ?? Number.NaN),
      kWhPerGoodPart: optional((r) => r.energy?.kWhPerGoodPart ?? Number.NaN),
      peakKW: optional((r) => r.energy?.peakKW ?? Number.NaN),
    },
    products,
    stations,
    crews,
    operators,
    conveyors,
    robots,
    buffers,
    orders,
  };
}

/** Σ numerators / Σ denominators over replications (null when the denominators sum to 0), no CI. */
function pooled(pairs: readonly (readonly [number, number])[]): Estimate | null {
  let num = 0;
  let den = 0;
  for (const [n, d] of pairs) {
    num += n;
    den += d;
  }
  return den > 0 ? { mean: num / den, halfWidth: null } : null;
}

function estimate(values: number[]): Estimate {
  if (values.length === 1 || !values.every(Number.isFinite)) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, halfWidth: null };
  }
  const ci = confidenceInterval(values);
  return { mean: ci.mean, halfWidth: ci.halfWidth };
}
