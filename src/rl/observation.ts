import type { Plant, Station } from '../entities/index.js';
import type {
  AnyDecisionPoint,
  CrewPoint,
  DecisionKind,
  DispatchPoint,
  MaintenancePoint,
  OperatorPoint,
  RoutingPoint,
  TransportPoint,
} from '../policies/contract.js';
import { DECISION_KINDS } from '../policies/decision-kinds.js';
import type { ScenarioInfo } from './_internal/scenario-info.js';

/**
 * The observation of the RL environment: one fixed-size `Float32Array`, rewritten in place at every
 * decision (nothing is allocated per step), laid out in four blocks:
 *
 * 1. **global** — `time` (now / horizon, in [0, 1]), `wip` (parts in the system / `scales.wip`),
 *    `finished` (parts finished / parts to make, or / parts released when the sources are open),
 *    `candidates` (options of the decision / `maxCandidates`: above 1 when some are left out),
 *    `kind=<k>` one-hot over every kind of `DECISION_KINDS` (in that order), `at=<station>` one-hot
 *    over the stations (the deciding station; all 0 for a crew, transport or operator decision);
 * 2. **stations** — per station, in scenario order: `<id>.queue` (parts waiting / capacity, or /
 *    `scales.wip` for an unbounded queue) and the fraction of its servers `idle`, `busy`, `blocked`,
 *    `down` (`down-waiting` or `repair`) and `other` (maintenance, setup, handling, off-shift);
 * 3. **context** — features of the decision itself, one group per agent kind that has any (`routing.*`
 *    for the part being routed, `maintenance.*` for the server whose plan fell due), 0 for other kinds;
 * 4. **slots** — `maxCandidates` slots, each `slot<i>.present` and then one group per agent kind (see
 *    {@link CANDIDATE_FEATURES}; 0 unless the decision is of that kind). The action is a slot index.
 *
 * Slots: with `slots: 'queue'` slot i is option i of the decision point (options past `maxCandidates`
 * are not offered: they stay waiting, and the `candidates` feature shows it). With `slots: 'product'`
 * (dispatch only) slot i is the i-th product in natural id order, holding the earliest waiting part of
 * that product, so an action keeps its meaning from step to step (as the job index of L2D-style agents).
 *
 * Times are divided by `scales.timeS` (default the scenario's mean process time), distances by
 * `scales.distanceM`, priorities by `scales.priority`; any feature without a natural bound is clipped
 * to ±{@link OBSERVATION_CLIP}. Every bound is in the observation space.
 */

/** Largest magnitude of a scaled feature that has no natural bound (times, queue lengths). */
export const OBSERVATION_CLIP = 100;

/** Divisors that make features dimensionless. */
export interface ObservationScales {
  /** Duration unit, s (default: the scenario's mean process time over all routing steps). */
  readonly timeS: number;
  /** Episode horizon, s (the `time` feature is now / horizonS). */
  readonly horizonS: number;
  /** Parts (default: the parts to make when finite, else 4 per server). */
  readonly wip: number;
  /** Distance unit, m (default: the largest Manhattan distance between two known positions, ≥ 1 m). */
  readonly distanceM: number;
  /** Priority unit (default: the largest |priority| of a product or station, ≥ 1). */
  readonly priority: number;
  /** Operations unit (default: the longest routing, steps). */
  readonly operations: number;
}

/** How candidates map to action slots (see the module documentation). */
export type SlotMode = 'queue' | 'product';

interface Feature {
  readonly name: string;
  readonly low: number;
  readonly high: number;
}

const C = OBSERVATION_CLIP;
const unit = (name: string): Feature => ({ name, low: 0, high: 1 });
const pos = (name: string): Feature => ({ name, low: 0, high: C });
const signed = (name: string): Feature => ({ name, low: -C, high: C });

/**
 * Per-candidate features of each decision kind, in slot order (after `present`). Durations in
 * `scales.timeS`, distances in `scales.distanceM`:
 * - dispatch: `processTime`, `workRemaining`, `operationsRemaining` (/ `scales.operations`), `waited`
 *   (now − queued), `hasDue` (1 when it has a due date), `dueSlack` (due − now − work remaining; 0
 *   without a due date), `priority`, `nextQueue` (the `queue` feature of the station of its next step);
 * - routing: `processTime` there, `queue` (its `queue` feature), `workInQueue`, `idle` (idle servers /
 *   servers);
 * - crew: `distance`, `waited` (now − requested), `priority` (the station's), `repair` (1 for a repair,
 *   0 for maintenance);
 * - transport: `distance` (robot to pickup), `waited`, `load`, `unload` (the job kind; both 0 for a
 *   transport job);
 * - maintenance: `postpone` (0 for the option "now", 1 for "postpone"), `delay` (how long it postpones,
 *   / the plan's interval);
 * - operator: `distance` (operator to machine), `waited` (now − requested), `priority` (the station's),
 *   `process` (1 when she is asked to attend the processing, 0 for a load, setup or unload).
 */
export const CANDIDATE_FEATURES: Readonly<Record<DecisionKind, readonly Feature[]>> = {
  dispatch: [
    pos('processTime'),
    pos('workRemaining'),
    unit('operationsRemaining'),
    pos('waited'),
    unit('hasDue'),
    signed('dueSlack'),
    signed('priority'),
    pos('nextQueue'),
  ],
  routing: [pos('processTime'), pos('queue'), pos('workInQueue'), unit('idle')],
  crew: [pos('distance'), pos('waited'), signed('priority'), unit('repair')],
  transport: [pos('distance'), pos('waited'), unit('load'), unit('unload')],
  maintenance: [unit('postpone'), pos('delay')],
  operator: [pos('distance'), pos('waited'), signed('priority'), unit('process')],
};

/**
 * Features of the decision itself, per kind (empty for most):
 * - routing: the part's `workRemaining`, `operationsRemaining`, `hasDue`, `dueSlack`;
 * - maintenance: `sinceMaintenance` (/ the plan's interval), `failures` since then, `postponed` so
 *   far, `serverBusy` (1 when the server is processing).
 */
export const CONTEXT_FEATURES: Readonly<Record<DecisionKind, readonly Feature[]>> = {
  dispatch: [],
  routing: [pos('workRemaining'), unit('operationsRemaining'), unit('hasDue'), signed('dueSlack')],
  crew: [],
  transport: [],
  maintenance: [pos('sinceMaintenance'), pos('failures'), pos('postponed'), unit('serverBusy')],
  operator: [],
};

const STATION_FEATURES: readonly Feature[] = [
  pos('queue'),
  unit('idle'),
  unit('busy'),
  unit('blocked'),
  unit('down'),
  unit('other'),
];
const GLOBAL_FEATURES: readonly Feature[] = [unit('time'), pos('wip'), unit('finished'), pos('candidates')];

/** Options of an {@link ObservationBuilder}. */
export interface ObservationLayoutOptions {
  readonly info: ScenarioInfo;
  /** Decision kinds the agent answers (each gets a feature group per slot). */
  readonly agent: readonly DecisionKind[];
  readonly slots: SlotMode;
  /** Number of action slots (≥ 1). */
  readonly maxCandidates: number;
  readonly scales: ObservationScales;
}

const clip = (x: number): number => (x > C ? C : x < -C ? -C : x);
const clip01 = (x: number): number => (x > 1 ? 1 : x < 0 ? 0 : x);

/**
 * Writes observations and action masks of one environment (see the module documentation for the
 * layout). The `mask` and `slotOption` arrays are rewritten with every observation.
 * @internal the environment owns one; users read the layout through `observationFeatureNames`.
 */
export class ObservationBuilder {
  /** Number of features. */
  readonly size: number;
  readonly featureNames: readonly string[];
  /** Lowest value of each feature. */
  readonly low: readonly number[];
  /** Highest value of each feature. */
  readonly high: readonly number[];
  readonly maxCandidates: number;
  /** 1 where a slot holds a candidate (a legal action). */
  readonly mask: Uint8Array;
  /** Option index (into `point.options`) of each slot, −1 for an empty slot. */
  readonly slotOption: Int32Array;

  private readonly info: ScenarioInfo;
  private readonly scales: ObservationScales;
  private readonly productSlots: boolean;
  private readonly kindOffset: number;
  private readonly atOffset: number;
  private readonly stationOffset: number;
  private readonly contextOffset: Record<DecisionKind, number>;
  private readonly slotsOffset: number;
  private readonly slotWidth: number;
  /** Offset of each kind's group inside a slot (−1 when not an agent kind). */
  private readonly groupOffset: Record<DecisionKind, number>;
  private readonly kindCode: Record<DecisionKind, number>;
  /** 1 / queue scale per station. */
  private readonly queueInv: Float64Array;
  private stations: Station[] = [];

  constructor(options: ObservationLayoutOptions) {
    const { info, agent, maxCandidates, scales } = options;
    this.info = info;
    this.scales = scales;
    this.maxCandidates = maxCandidates;
    this.productSlots = options.slots === 'product';
    const features: Feature[] = [...GLOBAL_FEATURES];
    this.kindOffset = features.length;
    for (const k of DECISION_KINDS) features.push(unit(`kind=${k}`));
    this.atOffset = features.length;
    for (const id of info.stationIds) features.push(unit(`at=${id}`));
    this.stationOffset = features.length;
    for (const id of info.stationIds)
      for (const f of STATION_FEATURES) features.push({ ...f, name: `${id}.${f.name}` });
    const contextOffset = {
      dispatch: -1,
      routing: -1,
      crew: -1,
      transport: -1,
      maintenance: -1,
      operator: -1,
    };
    for (const k of agent) {
      if (CONTEXT_FEATURES[k].length === 0) continue;
      contextOffset[k] = features.length;
      for (const f of CONTEXT_FEATURES[k]) features.push({ ...f, name: `${k}.${f.name}` });
    }
    this.contextOffset = contextOffset;
    this.slotsOffset = features.length;
    const groupOffset = { dispatch: -1, routing: -1, crew: -1, transport: -1, maintenance: -1, operator: -1 };
    let width = 1;
    for (const k of agent) {
      groupOffset[k] = width;
      width += CANDIDATE_FEATURES[k].length;
    }
    this.groupOffset = groupOffset;
    this.slotWidth = width;
    for (let i = 0; i < maxCandidates; i++) {
      features.push(unit(`slot${i}.present`));
      for (const k of agent)
        for (const f of CANDIDATE_FEATURES[k]) features.push({ ...f, name: `slot${i}.${k}.${f.name}` });
    }
    this.size = features.length;
    this.featureNames = features.map((f) => f.name);
    this.low = features.map((f) => f.low);
    this.high = features.map((f) => f.high);
    this.mask = new Uint8Array(maxCandidates);
    this.slotOption = new Int32Array(maxCandidates).fill(-1);
    this.kindCode = Object.fromEntries(DECISION_KINDS.map((k, i) => [k, i])) as Record<DecisionKind, number>;
    this.queueInv = Float64Array.from(info.queueCapacity, (c) => 1 / (Number.isFinite(c) ? c : scales.wip));
  }

  /** Binds the builder to the plant of a new episode (its stations, by scenario order). */
  attach(plant: Plant): void {
    this.stations = this.info.stationIds.map((id) => {
      const s = plant.stations.get(id);
      if (s === undefined) throw new Error(`ObservationBuilder: the plant has no station ${id}`);
      return s;
    });
  }

  /**
   * Writes the observation of `point` (or, with `null`, of a state without a decision: the global and
   * station blocks only) into `out`, and the mask and slot map.
   */
  write(out: Float32Array, plant: Plant, point: AnyDecisionPoint | null, now: number): void {
    out.fill(0);
    this.mask.fill(0);
    this.slotOption.fill(-1);
    const sc = this.scales;
    out[0] = clip01(now / sc.horizonS);
    out[1] = clip(plant.inSystem / sc.wip);
    const total = this.info.totalParts ?? plant.released;
    out[2] = total > 0 ? clip01(plant.finished / total) : 0;
    this.writeStations(out);
    if (point === null) return;
    out[3] = clip(point.options.length / this.maxCandidates);
    out[this.kindOffset + this.kindCode[point.kind]] = 1;
    const at = this.info.stationIndex.get(point.at);
    if (at !== undefined && point.kind !== 'crew' && point.kind !== 'transport' && point.kind !== 'operator')
      out[this.atOffset + at] = 1;
    switch (point.kind) {
      case 'dispatch':
        this.writeDispatch(out, point, now);
        break;
      case 'routing':
        this.writeRouting(out, point, now);
        break;
      case 'crew':
        this.writeCrew(out, point, now);
        break;
      case 'transport':
        this.writeTransport(out, point, now);
        break;
      case 'maintenance':
        this.writeMaintenance(out, point);
        break;
      case 'operator':
        this.writeOperator(out, point, now);
        break;
    }
  }

  private writeStations(out: Float32Array): void {
    const stations = this.stations;
    let o = this.stationOffset;
    for (let i = 0; i < stations.length; i++, o += 6) {
      const s = stations[i]!;
      out[o] = clip(s.input.level * this.queueInv[i]!);
      const n = s.serverCount;
      const w = 1 / n;
      for (let k = 0; k < n; k++) {
        switch (s.serverState(k)) {
          case 'idle':
            out[o + 1]! += w;
            break;
          case 'busy':
            out[o + 2]! += w;
            break;
          case 'blocked':
            out[o + 3]! += w;
            break;
          case 'down-waiting':
          case 'repair':
            out[o + 4]! += w;
            break;
          default:
            out[o + 5]! += w;
        }
      }
    }
  }

  /** Marks slot `slot` as holding option `option`; returns the offset of its `present` feature. */
  private take(out: Float32Array, slot: number, option: number): number {
    const o = this.slotsOffset + slot * this.slotWidth;
    this.mask[slot] = 1;
    this.slotOption[slot] = option;
    out[o] = 1;
    return o;
  }

  private writeDispatch(out: Float32Array, point: DispatchPoint, now: number): void {
    const options = point.options;
    const g = this.groupOffset.dispatch;
    const invT = 1 / this.scales.timeS;
    const invOps = 1 / this.scales.operations;
    const invPrio = 1 / this.scales.priority;
    const stationIndex = this.info.stationIndex;
    const productIndex = this.info.productIndex;
    const n = this.productSlots ? options.length : Math.min(options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const p = options[j]!;
      let slot = j;
      if (this.productSlots) {
        const s = productIndex.get(p.product);
        if (s === undefined || this.slotOption[s]! >= 0) continue;
        slot = s;
      }
      const o = this.take(out, slot, j) + g;
      const pt = p.processTimeS;
      out[o] = pt > 0 ? clip(pt * invT) : 0;
      out[o + 1] = clip(p.workRemainingS * invT);
      out[o + 2] = clip01(p.operationsRemaining * invOps);
      out[o + 3] = clip((now - p.queuedS) * invT);
      if (p.dueS < Number.POSITIVE_INFINITY) {
        out[o + 4] = 1;
        out[o + 5] = clip((p.dueS - now - p.workRemainingS) * invT);
      }
      out[o + 6] = clip(p.priority * invPrio);
      if (p.nextStation !== undefined) {
        const next = stationIndex.get(p.nextStation);
        if (next !== undefined) out[o + 7] = out[this.stationOffset + next * 6]!;
      }
    }
  }

  private writeRouting(out: Float32Array, point: RoutingPoint, now: number): void {
    const invT = 1 / this.scales.timeS;
    const part = point.part;
    const c = this.contextOffset.routing;
    if (c >= 0) {
      out[c] = clip(part.workRemainingS * invT);
      out[c + 1] = clip01(part.operationsRemaining / this.scales.operations);
      if (part.dueS < Number.POSITIVE_INFINITY) {
        out[c + 2] = 1;
        out[c + 3] = clip((part.dueS - now - part.workRemainingS) * invT);
      }
    }
    const g = this.groupOffset.routing;
    const n = Math.min(point.options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const r = point.options[j]!;
      const o = this.take(out, j, j) + g;
      out[o] = r.processTimeS > 0 ? clip(r.processTimeS * invT) : 0;
      const at = this.info.stationIndex.get(r.id);
      out[o + 1] =
        at !== undefined
          ? out[this.stationOffset + at * 6]!
          : clip(r.queueLength / (Number.isFinite(r.queueCapacity) ? r.queueCapacity : this.scales.wip));
      out[o + 2] = clip(r.workInQueueS * invT);
      out[o + 3] = r.servers > 0 ? clip01(r.idleServers / r.servers) : 0;
    }
  }

  private writeCrew(out: Float32Array, point: CrewPoint, now: number): void {
    const invT = 1 / this.scales.timeS;
    const g = this.groupOffset.crew;
    const n = Math.min(point.options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const job = point.options[j]!;
      const o = this.take(out, j, j) + g;
      out[o] = clip(job.distanceM / this.scales.distanceM);
      out[o + 1] = clip((now - job.requestedS) * invT);
      out[o + 2] = clip(job.priority / this.scales.priority);
      out[o + 3] = job.kind === 'repair' ? 1 : 0;
    }
  }

  private writeTransport(out: Float32Array, point: TransportPoint, now: number): void {
    const invT = 1 / this.scales.timeS;
    const g = this.groupOffset.transport;
    const n = Math.min(point.options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const t = point.options[j]!;
      const o = this.take(out, j, j) + g;
      out[o] = clip(t.distanceM / this.scales.distanceM);
      out[o + 1] = clip((now - t.requestedS) * invT);
      out[o + 2] = t.job === 'load' ? 1 : 0;
      out[o + 3] = t.job === 'unload' ? 1 : 0;
    }
  }

  private writeOperator(out: Float32Array, point: OperatorPoint, now: number): void {
    const invT = 1 / this.scales.timeS;
    const g = this.groupOffset.operator;
    const n = Math.min(point.options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const job = point.options[j]!;
      const o = this.take(out, j, j) + g;
      out[o] = clip(job.distanceM / this.scales.distanceM);
      out[o + 1] = clip((now - job.requestedS) * invT);
      out[o + 2] = clip(job.priority / this.scales.priority);
      out[o + 3] = job.task === 'process' ? 1 : 0;
    }
  }

  private writeMaintenance(out: Float32Array, point: MaintenancePoint): void {
    const interval = this.info.planIntervalS.get(`${point.station.id}/${point.plan}`) ?? this.scales.timeS;
    const c = this.contextOffset.maintenance;
    if (c >= 0) {
      out[c] = clip(point.sinceMaintenanceS / interval);
      out[c + 1] = clip(point.failuresSinceMaintenance);
      out[c + 2] = clip(point.postponed);
      out[c + 3] = point.serverState === 'busy' ? 1 : 0;
    }
    const g = this.groupOffset.maintenance;
    const n = Math.min(point.options.length, this.maxCandidates);
    for (let j = 0; j < n; j++) {
      const m = point.options[j]!;
      const o = this.take(out, j, j) + g;
      out[o] = m.action === 'postpone' ? 1 : 0;
      out[o + 1] = clip(m.delayS / interval);
    }
  }
}

/**
 * The name of each observation element of `env`, in order (`time`, `wip`, …, `m0.queue`, …,
 * `slot0.present`, `slot0.dispatch.processTime`, …): the layout documented at the top of this module.
 */
export function observationFeatureNames(env: {
  readonly observationFeatureNames: readonly string[];
}): string[] {
  return [...env.observationFeatureNames];
}
