import { InvalidArgumentError } from '../engine/index.js';
import { Conveyor } from './conveyor.js';
import type { ConveyorState } from './conveyor-state.js';
import type { Plant } from './plant.js';
import { RobotFleet } from './robot-fleet.js';
import type { RobotState } from './robot-state.js';
import type { ServerState } from './server-state.js';

/**
 * Electrical power drawn in each kind of state, kW (all default 0). For a station it applies to each
 * server: `busy` while processing; `idle` while idle, blocked or waiting for a robot or an operator; `setup` while
 * changing over; `down` while failed, under repair or in maintenance; `off` off shift. For a conveyor:
 * `busy` while moving items, `idle` while empty or stopped. For a robot: `busy` while travelling,
 * picking or placing, `idle` while idle or waiting.
 */
export interface PowerSpec {
  readonly busyKW?: number;
  readonly idleKW?: number;
  readonly setupKW?: number;
  readonly downKW?: number;
  readonly offKW?: number;
}

/** The power class of a server state (see {@link PowerSpec}). */
export function serverPowerKW(spec: PowerSpec, state: ServerState): number {
  switch (state) {
    case 'busy':
      return spec.busyKW ?? 0;
    case 'setup':
      return spec.setupKW ?? 0;
    case 'down-waiting':
    case 'repair':
    case 'maintenance':
      return spec.downKW ?? 0;
    case 'off-shift':
      return spec.offKW ?? 0;
    default:
      return spec.idleKW ?? 0;
  }
}

/** A conveyor draws `busy` power while `running` and `idle` power while empty or stopped. */
export function conveyorPowerKW(spec: PowerSpec, state: ConveyorState): number {
  return state === 'running' ? (spec.busyKW ?? 0) : (spec.idleKW ?? 0);
}

/** A robot draws `idle` power while idle or waiting, `busy` power otherwise (travelling, picking, placing). */
export function robotPowerKW(spec: PowerSpec, state: RobotState): number {
  return state === 'idle' || state === 'waiting' ? (spec.idleKW ?? 0) : (spec.busyKW ?? 0);
}

/** Power figures of a plant's entities, by id, kW (see {@link PowerSpec}). */
export interface PlantPower {
  readonly stations?: Readonly<Record<string, PowerSpec>>;
  readonly conveyors?: Readonly<Record<string, PowerSpec>>;
  /** Per robot fleet: the figures of each of its robots. */
  readonly robots?: Readonly<Record<string, PowerSpec>>;
}

/** What {@link EnergyMeter.report} returns. */
export interface EnergyReport {
  /** Energy drawn in the period, kWh. */
  readonly kWh: number;
  /** Highest total power drawn at any instant of the period, kW. */
  readonly peakKW: number;
  /** Energy per entity (station, conveyor, fleet), kWh. */
  readonly byEntity: Readonly<Record<string, number>>;
}

/** Energy drawn so far by one entity's units, kJ. */
interface EntityEnergy {
  kJ: number;
}

/** The meter of one unit (a server, a conveyor, a robot). */
interface Meter {
  readonly energy: EntityEnergy;
  kW: number;
  /** Time from which `kW` has been drawn without being added to `energy` yet, s. */
  since: number;
}

/**
 * Meters the electrical power of a plant from the state changes its entities publish: each unit (a
 * server, a conveyor, a robot) draws the power of its current state class, and the meter integrates
 * power over time (kWh) and follows the plant's total (peak kW). Subscribe it after every entity is
 * built; `reset(now)` discards a warm-up.
 */
export class EnergyMeter {
  private readonly meters = new Map<string, Meter>();
  private readonly energy = new Map<string, EntityEnergy>();
  private totalKW = 0;
  private peakKW = 0;
  private last: number;

  constructor(plant: Plant, power: PlantPower) {
    const now = plant.sim.now;
    this.last = now;
    const stations = power.stations ?? {};
    // NOTE: per station (by its index), its spec and its servers' meters in an array, so a state change
    // builds no unit id and looks nothing up by name, for speed.
    const byStation: ({ spec: PowerSpec; meters: Meter[] } | undefined)[] = [];
    for (const [id, spec] of Object.entries(stations)) {
      const st = plant.stations.get(id);
      if (st === undefined) throw new InvalidArgumentError(`EnergyMeter: unknown station ${id}`);
      checkSpec(id, spec);
      const meters: Meter[] = [];
      for (let i = 0; i < st.serverCount; i++)
        meters.push(this.meter(`${id}/${i}`, id, serverPowerKW(spec, st.serverState(i))));
      byStation[st.index] = { spec, meters };
    }
    if (byStation.length > 0) {
      plant.events.on('serverStateChanged', (_station, server, _from, to, t, index) => {
        const metered = byStation[index];
        if (metered !== undefined) this.change(metered.meters[server]!, serverPowerKW(metered.spec, to), t);
      });
    }
    const conveyors = power.conveyors ?? {};
    for (const [id, spec] of Object.entries(conveyors)) {
      const c = plant.carriers.get(id);
      if (!(c instanceof Conveyor)) throw new InvalidArgumentError(`EnergyMeter: unknown conveyor ${id}`);
      checkSpec(id, spec);
      this.track(id, id, conveyorPowerKW(spec, c.state));
    }
    if (Object.keys(conveyors).length > 0) {
      plant.events.on('conveyorStateChanged', (id, _from, to, t) => {
        const spec = conveyors[id];
        if (spec !== undefined) this.set(id, conveyorPowerKW(spec, to), t);
      });
    }
    const robots = power.robots ?? {};
    // Per fleet, its spec and its robots' meters by robot id (no unit id built per change, for speed).
    const byFleet = new Map<string, { spec: PowerSpec; meters: Map<string, Meter> }>();
    for (const [id, spec] of Object.entries(robots)) {
      const f = plant.carriers.get(id);
      if (!(f instanceof RobotFleet))
        throw new InvalidArgumentError(`EnergyMeter: unknown robot fleet ${id}`);
      checkSpec(id, spec);
      const meters = new Map<string, Meter>();
      for (const r of f.robotIds)
        meters.set(r, this.meter(`${id}/${r}`, id, robotPowerKW(spec, f.robotState(r))));
      byFleet.set(id, { spec, meters });
    }
    if (byFleet.size > 0) {
      plant.events.on('robotStateChanged', (fleet, robot, _from, to, t) => {
        const metered = byFleet.get(fleet);
        const m = metered?.meters.get(robot);
        if (m !== undefined) this.change(m, robotPowerKW(metered!.spec, to), t);
      });
    }
  }

  /**
   * Starts metering a unit of `entity` drawing `kW` now; further changes come through
   * {@link EnergyMeter.set}. Used for conveyors and robots.
   */
  track(unit: string, entity: string, kW: number): void {
    this.meter(unit, entity, kW);
  }

  /** Starts metering a unit (see {@link EnergyMeter.track}) and returns its meter. */
  private meter(unit: string, entity: string, kW: number): Meter {
    let energy = this.energy.get(entity);
    if (energy === undefined) {
      energy = { kJ: 0 };
      this.energy.set(entity, energy);
    }
    const m: Meter = { energy, kW, since: this.last };
    this.meters.set(unit, m);
    this.totalKW += kW;
    return m;
  }

  /** Unit `unit` draws `kW` from `now` (seconds) on (a unit not tracked is ignored). */
  set(unit: string, kW: number, now: number): void {
    const m = this.meters.get(unit);
    if (m !== undefined) this.change(m, kW, now);
  }

  /** The unit of meter `m` draws `kW` from `now` (seconds) on. */
  private change(m: Meter, kW: number, now: number): void {
    if (m.kW === kW) return;
    this.holdPeak(now);
    // O(1) per change: only this unit's energy is brought up to date (the others at report time).
    m.energy.kJ += m.kW * (now - m.since);
    m.since = now;
    this.totalKW += kW - m.kW;
    m.kW = kW;
  }

  /** Discards the energy drawn before `now`; the peak restarts from the current power. */
  reset(now: number): void {
    this.holdPeak(now);
    for (const m of this.meters.values()) m.since = now;
    for (const e of this.energy.values()) e.kJ = 0;
    this.peakKW = 0;
  }

  /** Energy and peak power of the period up to `now`. */
  report(now: number): EnergyReport {
    this.holdPeak(now);
    for (const m of this.meters.values()) {
      m.energy.kJ += m.kW * (now - m.since);
      m.since = now;
    }
    const byEntity: Record<string, number> = {};
    let kJ = 0;
    for (const [entity, e] of this.energy) {
      byEntity[entity] = e.kJ / 3600;
      kJ += e.kJ;
    }
    return { kWh: kJ / 3600, peakKW: this.peakKW, byEntity };
  }

  /**
   * The total held since the last change counts toward the peak once time has moved on: a transient sum
   * between two changes at the same instant is never taken as the peak.
   */
  private holdPeak(now: number): void {
    if (now <= this.last) return;
    if (this.totalKW > this.peakKW) this.peakKW = this.totalKW;
    this.last = now;
  }
}

function checkSpec(id: string, spec: PowerSpec): void {
  for (const [k, v] of Object.entries(spec)) {
    if (v === undefined) continue;
    if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) {
      throw new InvalidArgumentError(`EnergyMeter: ${k} of ${id} must be a power >= 0 kW (got ${v})`);
    }
  }
}
