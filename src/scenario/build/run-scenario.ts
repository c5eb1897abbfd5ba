import { confidenceInterval } from '../../engine/index.js';
import type { PlantReport } from '../../entities/index.js';
import type { Scenario } from '../schema.js';
import { type BuiltModel, buildPlant } from './build-plant.js';

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
   * Called with each replication's model (`replication` from 0) after it is built and before it runs, so
   * an observer can subscribe to `model.plant.events` (e.g. `recordSchedule` of src/report).
   */
  onModel?: (model: BuiltModel, replication: number) => void;
  /**
   * Keep every station visit in each part's `steps` (see `BuildOptions.stepHistory`); default: only when
   * `onModel` is given (an observer may read them). Without it a part's memory does not grow with its routing.
   */
  stepHistory?: boolean;
}

/** The result of all replications of a scenario. */
export interface ScenarioResult {
  seed: number;
  replications: number;
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
    /** Fraction of parts leaving (finished or scrapped) that never failed an inspection. */
    firstPassYield: Estimate | null;
    /** Mean age of the parts in the system at the end, seconds. */
    wipAgeS: Estimate | null;
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
      availability: Estimate;
      down: Estimate;
      queueLength: Estimate;
      failures: Estimate;
      mtbfS: Estimate | null;
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
}

/**
 * Runs the scenario's replications (replication i uses master seed `seed + i`, so its streams are
 * independent of the others') and aggregates every figure as mean ± 95% CI half-width.
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioResult {
  const seed = options.seed ?? scenario.run.seed;
  const replications = options.replications ?? scenario.run.replications;
  const horizonS = options.horizon ?? scenario.run.horizon;
  const warmupS = options.warmup ?? scenario.run.warmup;
  const effective: Scenario = { ...scenario, run: { ...scenario.run, horizon: horizonS, warmup: warmupS } };
  const reports: PlantReport[] = [];
  const crewMembers: Map<string, readonly string[]>[] = [];
  let events = 0;
  for (let r = 0; r < replications; r++) {
    const model = buildPlant(effective, seed + r, {
      stepHistory: options.stepHistory ?? options.onModel !== undefined,
    });
    options.onModel?.(model, r);
    model.plant.run({ until: horizonS });
    events += model.sim.eventCount;
    reports.push(model.statistics!.report(horizonS));
    crewMembers.push(new Map(model.crewMembers));
    options.onReplication?.(r + 1, replications);
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
      availability: est((r) => s(r).availability),
      down: est((r) => s(r).down),
      queueLength: est((r) => s(r).queueLength.mean),
      failures: est((r) => s(r).failures),
      mtbfS: optional((r) => s(r).mtbfS),
      mttrS: optional((r) => s(r).mttrS),
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
  const buffers: ScenarioResult['buffers'] = {};
  for (const id of Object.keys(first.buffers)) {
    buffers[id] = { mean: est((r) => r.buffers[id]!.mean), max: est((r) => r.buffers[id]!.max) };
  }
  return {
    seed,
    replications,
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
      firstPassYield: optional((r) => r.firstPassYield),
      wipAgeS: optional((r) => r.wipAgeS),
      energyKWh: optional((r) => r.energy?.kWh ?? Number.NaN),
      kWhPerGoodPart: optional((r) => r.energy?.kWhPerGoodPart ?? Number.NaN),
      peakKW: optional((r) => r.energy?.peakKW ?? Number.NaN),
    },
    products,
    stations,
    crews,
    conveyors,
    robots,
    buffers,
  };
}

function estimate(values: number[]): Estimate {
  if (values.length === 1 || !values.every(Number.isFinite)) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, halfWidth: null };
  }
  const ci = confidenceInterval(values);
  return { mean: ci.mean, halfWidth: ci.halfWidth };
}
