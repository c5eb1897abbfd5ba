import { Tally, type TallySummary, TimeWeighted } from '../engine/index.js';
import { FlatLevels, FlatStateClocks } from './_internal/flat-clocks.js';
import { Conveyor } from './conveyor.js';
import { type ConveyorReport, ConveyorStatistics } from './conveyor-statistics.js';
import { EnergyMeter, type PlantPower } from './energy-meter.js';
import { type OperatorReport, OperatorStatistics } from './operator-statistics.js';
import type { Plant } from './plant.js';
import { RobotFleet } from './robot-fleet.js';
import { type RobotReport, RobotStatistics } from './robot-statistics.js';
import { SERVER_STATES, type ServerState } from './server-state.js';
import type { Station } from './station/station.js';

/** Per-station figures of a {@link PlantStatistics}. Fractions are of elapsed time × servers. */
export interface StationReport {
  /** Fraction of server-time in each state; they sum to 1. */
  readonly stateFractions: Readonly<Record<ServerState, number>>;
  /**
   * Utilisation: busy server-time / on-shift server-time (elapsed − off shift), so a station that works
   * every minute of its one shift is 100 % utilised. Equal to the `busy` state fraction without shifts;
   * `NaN` when it was never on shift in the period.
   */
  readonly utilization: number;
  /** Fraction of server-time down: `down-waiting` + `repair`. */
  readonly down: number;
  /**
   * Uptime: `1 − down − maintenance`, the fraction of all server-time (on shift or not) not down or in
   * maintenance. Not OEE's availability, which is of planned (on-shift) time and also loses setups.
   */
  readonly uptime: number;
  /** Failures (all modes, all servers) in the period. */
  readonly failures: number;
  /** Repairs completed (all modes, all servers) in the period. */
  readonly repairs: number;
  /** Server-time not down (`down-waiting` + `repair`) in the period, seconds: MTBF's numerator. */
  readonly upS: number;
  /** Server-time down (`down-waiting` + `repair`) in the period, seconds: MTTR's numerator. */
  readonly downS: number;
  /** Observed mean time between failures: server-time not down / failures, seconds (`NaN` without failures). */
  readonly mtbfS: number;
  /** Observed mean time to repair: server-time down / repairs completed, seconds (`NaN` without repairs). */
  readonly mttrS: number;
  /** Time-average and maximum number of parts waiting in its input. */
  readonly queueLength: { readonly mean: number; readonly max: number };
  /** Fraction of server-time changing over (`setup`). */
  readonly setupFraction: number;
  /** Fraction of server-time off shift. */
  readonly offShiftFraction: number;
  /** Setups started in the period. */
  readonly setups: number;
  /** Parts whose processing finished here in the period. */
  readonly processed: number;
  /** Overall equipment effectiveness and its factors (see {@link OeeReport}). */
  readonly oee: OeeReport;
  /**
   * Fraction of first-time inspections here that passed (`NaN` without inspection): a part back for
   * rework is not counted again.
   */
  readonly firstPassYield: number;
  /** Parts scrapped by its inspection in the period. */
  readonly scrapped: number;
}

/**
 * OEE = availability × performance × quality, per station, of server-time:
 * - availability = operating time / planned time, where planned = elapsed − off shift and operating =
 *   planned − (down-waiting + repair + maintenance + setup);
 * - performance = Σ (standard time of each part processed: the step's `standardTime`, or by default the
 *   process time drawn for its job; divided by the batch size at a batch station) / operating time.
 *   A standard time never exceeds the job's work time (the scenario rejects a `standardTime` above the
 *   lowest possible process time), so performance ≤ 1 by construction: starved, blocked and
 *   robot-waiting time, partial batches and work slower than standard are the performance losses;
 * - quality = parts passing inspection / parts inspected (1 without inspection).
 * Each is `NaN` when its denominator is 0.
 */
export interface OeeReport {
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
}

/** Due-date and flow figures of one product, over parts of it finished in the period. Seconds. */
export interface ProductReport {
  readonly finished: number;
  readonly scrapped: number;
  readonly cycleTimeMeanS: number;
  /** Fraction that met a finite due date (`NaN` when none had one). */
  readonly onTimeFraction: number;
  /** Mean of max(0, finish − due). */
  readonly meanTardinessS: number;
  /** Mean of finish − due (negative: early). */
  readonly meanLatenessS: number;
}

/** Options of a {@link PlantStatistics}. */
export interface PlantStatisticsOptions {
  /** Power per state of stations, conveyors and robot fleets by id; with it the report carries `energy`. */
  readonly power?: PlantPower;
}

/** What {@link PlantStatistics.report} returns. Times in seconds. */
export interface PlantReport {
  /** Length of the observed period (since construction or the last reset), seconds. */
  readonly elapsedS: number;
  readonly released: number;
  readonly finished: number;
  /** Parts finished per hour. */
  readonly throughputPerHour: number;
  /** Release-to-sink time of parts finished in the period. */
  readonly cycleTimeS: TallySummary;
  /** Parts in the system (released, not finished): time-average and maximum. */
  readonly wip: { readonly mean: number; readonly max: number };
  /** Fraction of finished parts with a finite due date that met it (`NaN` when none had one). */
  readonly onTimeFraction: number;
  /** Mean of max(0, finish − due) over finished parts with a finite due date, seconds. */
  readonly meanTardinessS: number;
  readonly stations: Readonly<Record<string, StationReport>>;
  /** Per crew, keyed `pool/crew`: fraction of time travelling or working. */
  readonly crews: Readonly<Record<string, { readonly utilization: number }>>;
  /** Per buffer: time-average and maximum level. */
  readonly buffers: Readonly<Record<string, { readonly mean: number; readonly max: number }>>;
  /** Parts scrapped in the period. */
  readonly scrapped: number;
  /**
   * Parts that left the system in the period (finished, scrapped, or built into an assembly) per hour,
   * and their mean own time in the system (from release, or from being assembled), seconds: by Little's
   * law their product is the time-average WIP even where assembly merges parts.
   */
  readonly departuresPerHour: number;
  readonly timeInSystemS: number;
  /**
   * The boundary term that makes Little's law exact on a finite period, parts: (time inside the period of
   * the parts still in the system at `now` − time before the period of the parts that left in it) /
   * period length. Then `wip.mean` = departuresPerHour / 3600 × timeInSystemS + this, exactly; it is
   * near 0 on a long stationary run after warm-up, and large when parts pile up (or drain) in the period.
   */
  readonly littleBoundaryParts: number;
  /** Fraction of parts leaving (finished or scrapped) that never failed an inspection. */
  readonly firstPassYield: number;
  /** Mean age (now − release) of the parts in the system at `now`, seconds (`NaN` when empty). */
  readonly wipAgeS: number;
  /**
   * Parts in the system at `now` already past their due date, and their mean lateness so far
   * (now − due, seconds; `NaN` when there are none): the late work that on-time figures over finished
   * parts do not see.
   */
  readonly pastDueWip: { readonly count: number; readonly meanLatenessS: number };
  readonly products: Readonly<Record<string, ProductReport>>;
  /** Per conveyor (when the plant has any). */
  readonly conveyors?: Readonly<Record<string, ConveyorReport>>;
  /** Robot fleets (when the plant has any). */
  readonly robots?: RobotReport;
  /** Operator pools (when the plant has any). */
  readonly operators?: OperatorReport;
  /** Energy, when power figures were given: total kWh, kWh per good (finished) part, peak kW. */
  readonly energy?: {
    readonly kWh: number;
    readonly kWhPerGoodPart: number;
    readonly peakKW: number;
    readonly byEntity: Readonly<Record<string, number>>;
  };
}

interface ProductStats {
  readonly cycle: Tally;
  readonly lateness: Tally;
  finished: number;
  scrapped: number;
  onTime: number;
  tardinessSum: number;
}

/**
 * The rarely updated figures of a station. What changes on every job (state clocks, jobs processed,
 * standard time earned) is kept in flat arrays indexed by station number (`index`) or server number
 * (`firstServer` + server index), see {@link PlantStatistics}.
 */
interface StationStats {
  readonly station: Station;
  /** Its number: its position in the plant's stations. */
  readonly index: number;
  /** Number of its first server among the servers of all stations. */
  readonly firstServer: number;
  readonly serverCount: number;
  readonly input: string;
  failures: number;
  repairs: number;
  setups: number;
  inspected: number;
  passed: number;
  firstInspected: number;
  firstPassed: number;
  scrapped: number;
}

const STATE_INDEX = new Map<ServerState, number>(SERVER_STATES.map((s, i) => [s, i]));
/** Numbers per station in `PlantStatistics.stationRows`. */
const STATION_ROW = 4;

/**
 * Statistics of a plant, computed only from the events it publishes (subscribe once, after every
 * entity is built and before the run). Implements `reset(now)`, so it can be passed to the engine's
 * `scheduleWarmup` to discard the warm-up period.
 */
export class PlantStatistics {
  private readonly plant: Plant;
  private readonly cycleTime = new Tally();
  private readonly tardiness = new Tally({ quantiles: false });
  private readonly wip: TimeWeighted;
  private readonly stations = new Map<string, StationStats>();
  // NOTE: the figures every job updates sit in flat arrays by station or server number, not in objects
  // of their own per station, so a plant of a thousand stations costs per event what ten do, for speed.
  /** The station of each station number. */
  private readonly stationAt: Station[] = [];
  /**
   * Row i of station number i: [number of its first server, its number of servers, parts processed in
   * the period, standard seconds earned in the period].
   */
  private readonly stationRows: Float64Array;
  /**
   * Per server: seconds in each state of `SERVER_STATES`; its mark: its busy seconds in the period when
   * its current job started (see `processStarted`).
   */
  private readonly clocks: FlatStateClocks;
  private readonly crews = new Map<string, TimeWeighted>();
  /** Number of each buffer (its position in the plant's buffers), and their levels. */
  private readonly bufferIndex = new Map<string, number>();
  private readonly bufferLevels: FlatLevels;
  private startS: number;
  private released = 0;
  private finished = 0;
  private onTime = 0;
  private scrapped = 0;
  private readonly sojourn = new Tally({ quantiles: false });
  /** Σ (period start − creation) of parts that left in the period but were created before it, seconds. */
  private carriedInS = 0;
  private goodFirstPass = 0;
  private readonly products = new Map<string, ProductStats>();
  /** Meters power when the options give any; composed here so one `reset` serves the warm-up. */
  readonly energy: EnergyMeter | undefined;
  /** Conveyor and robot statistics, built only when the plant has such carriers (they listen to more events). */
  private readonly conveyorStats: ConveyorStatistics | undefined;
  private readonly robotStats: RobotStatistics | undefined;
  private readonly operatorStats: OperatorStatistics | undefined;

  constructor(plant: Plant, options: PlantStatisticsOptions = {}) {
    this.plant = plant;
    const now = plant.sim.now;
    this.startS = now;
    this.wip = new TimeWeighted({ now, level: plant.inSystem });
    const initialStates: number[] = [];
    const firstServer: number[] = [];
    for (const [id, st] of plant.stations) {
      firstServer.push(initialStates.length);
      for (let i = 0; i < st.serverCount; i++) initialStates.push(STATE_INDEX.get(st.serverState(i))!);
      this.stations.set(id, {
        station: st,
        index: this.stationAt.length,
        firstServer: firstServer[firstServer.length - 1]!,
        serverCount: st.serverCount,
        input: st.input.id,
        failures: 0,
        repairs: 0,
        setups: 0,
        inspected: 0,
        passed: 0,
        firstInspected: 0,
        firstPassed: 0,
        scrapped: 0,
      });
      this.stationAt.push(st);
    }
    this.stationRows = new Float64Array(firstServer.length * STATION_ROW);
    firstServer.forEach((first, i) => {
      this.stationRows[i * STATION_ROW] = first;
      this.stationRows[i * STATION_ROW + 1] = this.stationAt[i]!.serverCount;
    });
    this.clocks = new FlatStateClocks(SERVER_STATES.length, initialStates, now);
    const levels: number[] = [];
    for (const [id, b] of plant.buffers) {
      this.bufferIndex.set(id, levels.length);
      levels.push(b.level);
    }
    this.bufferLevels = new FlatLevels(levels, now);
    for (const [id, pool] of plant.crewPools) {
      for (const crew of pool.crewIds) {
        const state = pool.crewState(crew);
        const busy = state === 'idle' || state === 'off-shift' ? 0 : 1;
        this.crews.set(`${id}/${crew}`, new TimeWeighted({ now, level: busy }));
      }
    }
    const ev = plant.events;
    ev.on('partReleased', (_part, t) => {
      this.released++;
      this.wip.update(t, this.wip.level + 1);
    });
    ev.on('partFinished', (part, _sink, t) => {
      this.finished++;
      this.depart(part.createdS, t);
      if (!part.defective) this.goodFirstPass++;
      this.wip.update(t, this.wip.level - 1);
      this.cycleTime.add(t - part.releaseS);
      const ps = this.product(part.product);
      ps.finished++;
      ps.cycle.add(t - part.releaseS);
      if (Number.isFinite(part.dueS)) {
        const late = t - part.dueS;
        if (late <= 0) {
          this.onTime++;
          ps.onTime++;
        }
        this.tardiness.add(Math.max(0, late));
        ps.lateness.add(late);
        ps.tardinessSum += Math.max(0, late);
      }
    });
    ev.on('partConsumed', (part, _at, t) => {
      this.depart(part.createdS, t);
      this.wip.update(t, this.wip.level - 1);
    });
    ev.on('partAssembled', (_part, _at, t) => this.wip.update(t, this.wip.level + 1));
    ev.on('partScrapped', (part, _at, t) => {
      this.scrapped++;
      this.depart(part.createdS, t);
      this.product(part.product).scrapped++;
      this.wip.update(t, this.wip.level - 1);
    });
    ev.on('setupStarted', (station) => {
      const s = this.stations.get(station);
      if (s !== undefined) s.setups++;
    });
    const busyIndex = STATE_INDEX.get('busy')!;
    const rows = this.stationRows;
    const stationCount = this.stationAt.length;
    // NOTE: the events carry the station's index (its position in `plant.stations`, which is the number
    // used here), so no map is looked up by id on every job: on a line of a thousand stations each such
    // lookup read the id string and the map's entry out of cache, for speed.
    /** Number of server `server` of station number `i`, or -1 if there is no such server. */
    const serverNumber = (i: number, server: number): number =>
      i >= 0 && i < stationCount && server >= 0 && server < rows[i * STATION_ROW + 1]!
        ? rows[i * STATION_ROW]! + server
        : -1;
    ev.on('processStarted', (_part, _station, server, t, i) => {
      const k = serverNumber(i, server);
      if (k >= 0) this.clocks.setMark(k, this.clocks.secondsIn(k, busyIndex, t));
    });
    ev.on('processFinished', (part, _station, server, t, i) => {
      if (!(i >= 0 && i < stationCount)) return;
      rows[i * STATION_ROW + 2]!++;
      const k = serverNumber(i, server);
      if (k < 0) return;
      const st = this.stationAt[i]!;
      // Credit the standard time in proportion to the job's busy time inside the period (a job begun
      // before a warm-up reset earns only its share), so Σ credit ≤ busy time ≤ operating time.
      const drawnS = st.jobWorkS(server);
      const busyS = this.clocks.secondsIn(k, busyIndex, t) - this.clocks.mark(k);
      const share = drawnS > 0 ? Math.min(1, busyS / drawnS) : 1;
      const standardS = st.standardTimeS(part, server);
      if (Number.isFinite(standardS)) rows[i * STATION_ROW + 3]! += standardS * share;
    });
    ev.on('inspected', (station, _part, outcome, _t, first) => {
      const s = this.stations.get(station);
      if (s === undefined) return;
      s.inspected++;
      if (outcome === 'pass') s.passed++;
      if (outcome === 'scrap') s.scrapped++;
      if (first) {
        s.firstInspected++;
        if (outcome === 'pass') s.firstPassed++;
      }
    });
    ev.on('serverStateChanged', (_station, server, _from, to, t, i) => {
      const k = serverNumber(i, server);
      if (k >= 0) this.clocks.update(k, t, STATE_INDEX.get(to)!);
    });
    const bufferCount = this.bufferIndex.size;
    ev.on('bufferLevelChanged', (_buffer, level, t, k) => {
      if (k >= 0 && k < bufferCount) this.bufferLevels.update(k, t, level);
    });
    ev.on('failed', (station) => {
      const s = this.stations.get(station);
      if (s !== undefined) s.failures++;
    });
    ev.on('repaired', (station) => {
      const s = this.stations.get(station);
      if (s !== undefined) s.repairs++;
    });
    ev.on('crewStateChanged', (pool, crew, _from, to, t) =>
      this.crews.get(`${pool}/${crew}`)?.update(t, to === 'idle' || to === 'off-shift' ? 0 : 1),
    );
    this.energy = options.power === undefined ? undefined : new EnergyMeter(plant, options.power);
    const carriers = [...plant.carriers.values()];
    this.conveyorStats = carriers.some((c) => c instanceof Conveyor)
      ? new ConveyorStatistics(plant)
      : undefined;
    this.robotStats = carriers.some((c) => c instanceof RobotFleet) ? new RobotStatistics(plant) : undefined;
    this.operatorStats = plant.operatorPools.size > 0 ? new OperatorStatistics(plant) : undefined;
  }

  /** A part created at `createdS` left the system at `t`. */
  private depart(createdS: number, t: number): void {
    this.sojourn.add(t - createdS);
    if (createdS < this.startS) this.carriedInS += this.startS - createdS;
  }

  private product(id: string): ProductStats {
    let ps = this.products.get(id);
    if (ps === undefined) {
      ps = {
        cycle: new Tally({ quantiles: false }),
        lateness: new Tally({ quantiles: false }),
        finished: 0,
        scrapped: 0,
        onTime: 0,
        tardinessSum: 0,
      };
      this.products.set(id, ps);
    }
    return ps;
  }

  /** Discards everything observed before `now` (levels are kept). */
  reset(now: number): void {
    this.startS = now;
    this.released = 0;
    this.finished = 0;
    this.onTime = 0;
    this.scrapped = 0;
    this.sojourn.reset();
    this.carriedInS = 0;
    this.goodFirstPass = 0;
    this.products.clear();
    this.energy?.reset(now);
    this.conveyorStats?.reset(now);
    this.robotStats?.reset(now);
    this.operatorStats?.reset(now);
    this.cycleTime.reset();
    this.tardiness.reset();
    this.wip.reset(now);
    for (const s of this.stations.values()) {
      s.failures = 0;
      s.repairs = 0;
      s.setups = 0;
      s.inspected = 0;
      s.passed = 0;
      s.firstInspected = 0;
      s.firstPassed = 0;
      s.scrapped = 0;
    }
    for (let at = 0; at < this.stationRows.length; at += STATION_ROW)
      this.stationRows.fill(0, at + 2, at + 4);
    this.clocks.reset(now);
    for (const tw of this.crews.values()) tw.reset(now);
    this.bufferLevels.reset(now);
  }

  /**
   * Seconds each server of `station` spent in each state since the start of the period
   * (one map per server; the values of each sum to the elapsed time).
   */
  stateDurations(station: string, now = this.plant.sim.now): Record<ServerState, number>[] {
    const s = this.stations.get(station);
    if (s === undefined) return [];
    const out: Record<ServerState, number>[] = [];
    for (let k = s.firstServer; k < s.firstServer + s.serverCount; k++) {
      const seconds = this.clocks.durations(k, now);
      const record = {} as Record<ServerState, number>;
      SERVER_STATES.forEach((name, i) => {
        record[name] = seconds[i] ?? 0;
      });
      out.push(record);
    }
    return out;
  }

  /** The figures of the period from the start (or last reset) to `now` (default: the clock). */
  report(now = this.plant.sim.now): PlantReport {
    const elapsedS = now - this.startS;
    const stations: Record<string, StationReport> = {};
    for (const [id, s] of this.stations) {
      const total = {} as Record<ServerState, number>;
      for (const name of SERVER_STATES) total[name] = 0;
      for (const d of this.stateDurations(id, now)) for (const name of SERVER_STATES) total[name] += d[name];
      const serverTime = elapsedS * s.serverCount;
      const fractions = {} as Record<ServerState, number>;
      for (const name of SERVER_STATES)
        fractions[name] = serverTime > 0 ? total[name] / serverTime : Number.NaN;
      const downS = total['down-waiting'] + total.repair;
      const queue = this.bufferIndex.get(s.input);
      const plannedS = serverTime - total['off-shift'];
      const operatingS = plannedS - downS - total.maintenance - total.setup;
      const availability = ratio(operatingS, plannedS);
      const performance = ratio(this.stationRows[s.index * STATION_ROW + 3]!, operatingS);
      const processed = this.stationRows[s.index * STATION_ROW + 2]!;
      const quality = s.inspected > 0 ? s.passed / s.inspected : processed > 0 ? 1 : Number.NaN;
      stations[id] = {
        stateFractions: fractions,
        utilization: ratio(total.busy, plannedS),
        down: fractions['down-waiting'] + fractions.repair,
        uptime: 1 - fractions['down-waiting'] - fractions.repair - fractions.maintenance,
        failures: s.failures,
        repairs: s.repairs,
        upS: serverTime - downS,
        downS,
        mtbfS: s.failures > 0 ? (serverTime - downS) / s.failures : Number.NaN,
        mttrS: s.repairs > 0 ? downS / s.repairs : Number.NaN,
        queueLength:
          queue === undefined
            ? { mean: 0, max: 0 }
            : { mean: this.bufferLevels.mean(queue, now), max: this.bufferLevels.max(queue) },
        setupFraction: fractions.setup,
        offShiftFraction: fractions['off-shift'],
        setups: s.setups,
        processed,
        oee: { availability, performance, quality, oee: availability * performance * quality },
        firstPassYield: ratio(s.firstPassed, s.firstInspected),
        scrapped: s.scrapped,
      };
    }
    const products: Record<string, ProductReport> = {};
    for (const id of [...this.products.keys()].sort()) {
      const ps = this.products.get(id)!;
      const due = ps.lateness.count;
      products[id] = {
        finished: ps.finished,
        scrapped: ps.scrapped,
        cycleTimeMeanS: ps.cycle.count > 0 ? ps.cycle.mean : Number.NaN,
        onTimeFraction: ratio(ps.onTime, due),
        meanTardinessS: ratio(ps.tardinessSum, due),
        meanLatenessS: due > 0 ? ps.lateness.mean : Number.NaN,
      };
    }
    const inSystem = this.plant.partsInSystem();
    const wipAgeS =
      inSystem.length > 0
        ? inSystem.reduce((sum, p) => sum + (now - p.releaseS), 0) / inSystem.length
        : Number.NaN;
    let carriedOutS = 0;
    for (const p of inSystem) carriedOutS += now - Math.max(p.createdS, this.startS);
    let pastDue = 0;
    let pastDueSumS = 0;
    for (const p of inSystem) {
      if (p.dueS < now) {
        pastDue++;
        pastDueSumS += now - p.dueS;
      }
    }
    const energyReport = this.energy?.report(now);
    const crews: Record<string, { utilization: number }> = {};
    for (const [id, tw] of this.crews) crews[id] = { utilization: tw.mean(now) };
    const buffers: Record<string, { mean: number; max: number }> = {};
    for (const [id, k] of this.bufferIndex)
      buffers[id] = { mean: this.bufferLevels.mean(k, now), max: this.bufferLevels.max(k) };
    return {
      elapsedS,
      released: this.released,
      finished: this.finished,
      throughputPerHour: elapsedS > 0 ? (this.finished / elapsedS) * 3600 : Number.NaN,
      cycleTimeS: this.cycleTime.summary(),
      wip: { mean: this.wip.mean(now), max: this.wip.max },
      onTimeFraction: this.tardiness.count > 0 ? this.onTime / this.tardiness.count : Number.NaN,
      meanTardinessS: this.tardiness.count > 0 ? this.tardiness.mean : Number.NaN,
      stations,
      crews,
      buffers,
      scrapped: this.scrapped,
      departuresPerHour: elapsedS > 0 ? (this.sojourn.count / elapsedS) * 3600 : Number.NaN,
      timeInSystemS: this.sojourn.count > 0 ? this.sojourn.mean : Number.NaN,
      littleBoundaryParts: ratio(carriedOutS - this.carriedInS, elapsedS),
      firstPassYield: ratio(this.goodFirstPass, this.finished + this.scrapped),
      wipAgeS,
      pastDueWip: { count: pastDue, meanLatenessS: ratio(pastDueSumS, pastDue) },
      products,
      ...(this.conveyorStats === undefined ? {} : { conveyors: this.conveyorStats.report(now) }),
      ...(this.robotStats === undefined ? {} : { robots: this.robotStats.report(now) }),
      ...(this.operatorStats === undefined ? {} : { operators: this.operatorStats.report(now) }),
      ...(energyReport === undefined
        ? {}
        : {
            energy: {
              kWh: energyReport.kWh,
              kWhPerGoodPart: ratio(energyReport.kWh, this.finished),
              peakKW: energyReport.peakKW,
              byEntity: energyReport.byEntity,
            },
          }),
    };
  }
}

/** `a / b`, or `NaN` when `b` is 0. */
function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}
