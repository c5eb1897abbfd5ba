import type { Plant, ServerState } from '../../entities/index.js';
import { recordSchedule, type ScheduleRow } from '../schedule.js';
import type { ActivePeriod } from './active-period.js';

/** States in which a server counts as active for the active-period method (see `activePeriodBottlenecks`). */
export const ACTIVE_STATES: ReadonlySet<ServerState> = new Set<ServerState>([
  'busy',
  'setup',
  'handling',
  'down-waiting',
  'repair',
  'maintenance',
]);

/** What one replication looked like over time, for the plots of the HTML report. Times in seconds. */
export interface RunObservations {
  /** Sample times, every `stepS` from 0 to the end of the run. */
  readonly timesS: readonly number[];
  /** Parts in the system at each sample time. */
  readonly wip: readonly number[];
  /** Parts finished since the start of the run, at each sample time. */
  readonly finished: readonly number[];
  /** Level of each buffer (station inputs included) at each sample time. */
  readonly bufferLevels: Readonly<Record<string, readonly number[]>>;
  /** Cycle times (release to sink) of the parts finished after the warm-up. */
  readonly cycleTimesS: readonly number[];
  /** Each station's uninterrupted active periods (any server active), whole run. */
  readonly activePeriods: Readonly<Record<string, readonly ActivePeriod[]>>;
  /** The schedule (see `recordSchedule`), whole run or up to `scheduleUntilS`. */
  readonly schedule: readonly ScheduleRow[];
  readonly warmupS: number;
  readonly endS: number;
}

/** Options of {@link observeRun}. */
export interface ObserveRunOptions {
  /** Seconds between two samples of the time series (> 0). */
  readonly stepS: number;
  /** Seconds: cycle times count only parts finished after it (the statistics' warm-up). */
  readonly warmupS: number;
  /**
   * Seconds: keep only the schedule rows that start before it (default: every row). The HTML report
   * draws the first hours of the schedule, and a long run's whole schedule does not fit in memory.
   */
  readonly scheduleUntilS?: number;
}

/** Collects {@link RunObservations} while a replication runs; call `finish` with its end time. */
export interface RunSampler {
  finish(endS: number): RunObservations;
}

/**
 * Watches a plant's published events (subscribe after the build, before the run; the entities do not
 * know it listens) and samples WIP, finished parts and buffer levels on a fixed grid: the value at a
 * sample time is the state after every event up to that time, taken when the first later event arrives
 * (so no event is added to the simulation and the run is unchanged).
 * @throws RangeError for a `stepS` that is not > 0 or a `scheduleUntilS` that is not >= 0.
 */
export function observeRun(plant: Plant, options: ObserveRunOptions): RunSampler {
  const { stepS, warmupS } = options;
  if (!(stepS > 0 && Number.isFinite(stepS)))
    throw new RangeError(`observeRun: stepS must be > 0 s (got ${stepS})`);
  if (options.scheduleUntilS !== undefined && !(options.scheduleUntilS >= 0))
    throw new RangeError(`observeRun: scheduleUntilS must be >= 0 s (got ${options.scheduleUntilS})`);
  const timesS: number[] = [];
  const wipSeries: number[] = [];
  const finishedSeries: number[] = [];
  const levels = new Map<string, number>();
  const levelSeries = new Map<string, number[]>();
  const cycleTimesS: number[] = [];
  let wip = 0;
  let finished = 0;
  let next = 0;
  const sampleUpTo = (now: number, inclusive: boolean) => {
    while (inclusive ? next <= now : next < now) {
      timesS.push(next);
      wipSeries.push(wip);
      finishedSeries.push(finished);
      for (const [id, level] of levels) {
        let series = levelSeries.get(id);
        if (series === undefined) {
          // A buffer first seen now was empty at every earlier sample.
          series = new Array<number>(timesS.length - 1).fill(0);
          levelSeries.set(id, series);
        }
        series.push(level);
      }
      next = timesS.length * stepS;
    }
  };
  const ev = plant.events;
  ev.on('partReleased', (_p, now) => {
    sampleUpTo(now, false);
    wip++;
  });
  ev.on('partAssembled', (_p, _at, now) => {
    sampleUpTo(now, false);
    wip++;
  });
  ev.on('partFinished', (part, _sink, now) => {
    sampleUpTo(now, false);
    wip--;
    finished++;
    if (now >= warmupS) cycleTimesS.push(now - part.releaseS);
  });
  ev.on('partConsumed', (_p, _at, now) => {
    sampleUpTo(now, false);
    wip--;
  });
  ev.on('partScrapped', (_p, _at, now) => {
    sampleUpTo(now, false);
    wip--;
  });
  ev.on('bufferLevelChanged', (buffer, level, now) => {
    sampleUpTo(now, false);
    levels.set(buffer, level);
  });
  // Active periods per station: active while any of its servers is in an active state.
  const activeServers = new Map<string, Set<number>>();
  const openSince = new Map<string, number>();
  const periods = new Map<string, ActivePeriod[]>();
  ev.on('serverStateChanged', (station, server, _from, to, now) => {
    let set = activeServers.get(station);
    if (set === undefined) {
      set = new Set();
      activeServers.set(station, set);
      periods.set(station, []);
    }
    const was = set.size > 0;
    if (ACTIVE_STATES.has(to)) set.add(server);
    else set.delete(server);
    const is = set.size > 0;
    if (!was && is) {
      // Inactive for no time at all (a server that finishes a part and takes the next at the same
      // instant passes through idle): the period goes on, it is not a new one.
      const list = periods.get(station)!;
      const last = list.at(-1);
      if (last !== undefined && last.endS === now) {
        list.pop();
        openSince.set(station, last.startS);
      } else openSince.set(station, now);
    }
    if (was && !is) {
      const start = openSince.get(station)!;
      if (now > start) periods.get(station)!.push({ startS: start, endS: now });
    }
  });
  // Rows starting at or after `scheduleUntilS` are dropped as they come (in order, so the first ones kept
  // are the rows before it); the rows still held at the end are filtered the same way.
  const untilS = options.scheduleUntilS ?? Number.POSITIVE_INFINITY;
  const early: ScheduleRow[] = [];
  const schedule = Number.isFinite(untilS)
    ? recordSchedule(plant, {
        spill: (rows) => {
          for (const r of rows) if (r.startedS < untilS) early.push(r);
        },
      })
    : recordSchedule(plant);
  return {
    finish(endS: number): RunObservations {
      sampleUpTo(endS, true);
      const activePeriods: Record<string, ActivePeriod[]> = {};
      for (const [station, list] of periods) {
        const open = activeServers.get(station)!.size > 0 ? openSince.get(station) : undefined;
        activePeriods[station] =
          open !== undefined && endS > open ? [...list, { startS: open, endS }] : [...list];
      }
      schedule.stop();
      return {
        timesS,
        wip: wipSeries,
        finished: finishedSeries,
        bufferLevels: Object.fromEntries(levelSeries),
        cycleTimesS,
        activePeriods,
        schedule: [...early, ...schedule.rows().filter((r) => !(r.startedS >= untilS))],
        warmupS,
        endS,
      };
    },
  };
}
