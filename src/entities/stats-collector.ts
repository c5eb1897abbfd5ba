import { Tally, type TallySummary, TimeWeighted } from '../engine/index.js';
import { StateClock } from './_internal/state-clock.js';
import type { Plant } from './plant.js';
import { SERVER_STATES, type ServerState } from './server-state.js';

/** Per-station figures of a {@link PlantStatistics}. Fractions are of elapsed time × servers. */
export interface StationReport {
  /** Fraction of server-time in each state; they sum to 1. */
  readonly stateFractions: Readonly<Record<ServerState, number>>;
  /** Fraction of server-time `busy`. */
  readonly utilization: number;
  /** Fraction of server-time down: `down-waiting` + `repair`. */
  readonly down: number;
  /** `1 − down − maintenance`: fraction of server-time able to work. */
  readonly availability: number;
  /** Failures (all modes, all servers) in the period. */
  readonly failures: number;
  /** Observed mean time between failures: server-time not down / failures, seconds (`NaN` without failures). */
  readonly mtbfS: number;
  /** Observed mean time to repair: server-time down / repairs completed, seconds (`NaN` without repairs). */
  readonly mttrS: number;
  /** Time-average and maximum number of parts waiting in its input. */
  readonly queueLength: { readonly mean: number; readonly max: number };
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
}

interface StationStats {
  readonly servers: StateClock[];
  readonly input: string;
  failures: number;
  repairs: number;
}

const STATE_INDEX = new Map<ServerState, number>(SERVER_STATES.map((s, i) => [s, i]));

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
  private readonly crews = new Map<string, TimeWeighted>();
  private readonly buffers = new Map<string, TimeWeighted>();
  private startS: number;
  private released = 0;
  private finished = 0;
  private onTime = 0;

  constructor(plant: Plant) {
    this.plant = plant;
    const now = plant.sim.now;
    this.startS = now;
    this.wip = new TimeWeighted({ now, level: plant.inSystem });
    for (const [id, st] of plant.stations) {
      const servers: StateClock[] = [];
      for (let i = 0; i < st.serverCount; i++) {
        servers.push(new StateClock(SERVER_STATES.length, STATE_INDEX.get(st.serverState(i))!, now));
      }
      this.stations.set(id, { servers, input: st.input.id, failures: 0, repairs: 0 });
    }
    for (const [id, b] of plant.buffers) this.buffers.set(id, new TimeWeighted({ now, level: b.level }));
    for (const [id, pool] of plant.crewPools) {
      for (const crew of pool.crewIds) {
        const busy = pool.crewState(crew) === 'idle' ? 0 : 1;
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
      this.wip.update(t, this.wip.level - 1);
      this.cycleTime.add(t - part.releaseS);
      if (Number.isFinite(part.dueS)) {
        const late = t - part.dueS;
        if (late <= 0) this.onTime++;
        this.tardiness.add(Math.max(0, late));
      }
    });
    ev.on('serverStateChanged', (station, server, _from, to, t) => {
      this.stations.get(station)?.servers[server]?.update(t, STATE_INDEX.get(to)!);
    });
    ev.on('bufferLevelChanged', (buffer, level, t) => this.buffers.get(buffer)?.update(t, level));
    ev.on('failed', (station) => {
      const s = this.stations.get(station);
      if (s !== undefined) s.failures++;
    });
    ev.on('repaired', (station) => {
      const s = this.stations.get(station);
      if (s !== undefined) s.repairs++;
    });
    ev.on('crewStateChanged', (pool, crew, _from, to, t) =>
      this.crews.get(`${pool}/${crew}`)?.update(t, to === 'idle' ? 0 : 1),
    );
  }

  /** Discards everything observed before `now` (levels are kept). */
  reset(now: number): void {
    this.startS = now;
    this.released = 0;
    this.finished = 0;
    this.onTime = 0;
    this.cycleTime.reset();
    this.tardiness.reset();
    this.wip.reset(now);
    for (const s of this.stations.values()) {
      s.failures = 0;
      s.repairs = 0;
      for (const tw of s.servers) tw.reset(now);
    }
    for (const tw of this.crews.values()) tw.reset(now);
    for (const tw of this.buffers.values()) tw.reset(now);
  }

  /**
   * Seconds each server of `station` spent in each state since the start of the period
   * (one map per server; the values of each sum to the elapsed time).
   */
  stateDurations(station: string, now = this.plant.sim.now): Record<ServerState, number>[] {
    const s = this.stations.get(station);
    if (s === undefined) return [];
    return s.servers.map((clock) => {
      const seconds = clock.durations(now);
      const out = {} as Record<ServerState, number>;
      SERVER_STATES.forEach((name, i) => {
        out[name] = seconds[i] ?? 0;
      });
      return out;
    });
  }

  /** The figures of the period from the start (or last reset) to `now` (default: the clock). */
  report(now = this.plant.sim.now): PlantReport {
    const elapsedS = now - this.startS;
    const stations: Record<string, StationReport> = {};
    for (const [id, s] of this.stations) {
      const total = {} as Record<ServerState, number>;
      for (const name of SERVER_STATES) total[name] = 0;
      for (const d of this.stateDurations(id, now)) for (const name of SERVER_STATES) total[name] += d[name];
      const serverTime = elapsedS * s.servers.length;
      const fractions = {} as Record<ServerState, number>;
      for (const name of SERVER_STATES)
        fractions[name] = serverTime > 0 ? total[name] / serverTime : Number.NaN;
      const downS = total['down-waiting'] + total.repair;
      const queue = this.buffers.get(s.input);
      stations[id] = {
        stateFractions: fractions,
        utilization: fractions.busy,
        down: fractions['down-waiting'] + fractions.repair,
        availability: 1 - fractions['down-waiting'] - fractions.repair - fractions.maintenance,
        failures: s.failures,
        mtbfS: s.failures > 0 ? (serverTime - downS) / s.failures : Number.NaN,
        mttrS: s.repairs > 0 ? downS / s.repairs : Number.NaN,
        queueLength: { mean: queue?.mean(now) ?? 0, max: queue?.max ?? 0 },
      };
    }
    const crews: Record<string, { utilization: number }> = {};
    for (const [id, tw] of this.crews) crews[id] = { utilization: tw.mean(now) };
    const buffers: Record<string, { mean: number; max: number }> = {};
    for (const [id, tw] of this.buffers) buffers[id] = { mean: tw.mean(now), max: tw.max };
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
    };
  }
}
