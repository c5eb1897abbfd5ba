import { Exponential, type RandomStream, type RandomStreams, Simulation } from '../../engine/index.js';
import {
  Buffer,
  Conveyor,
  ConwipSource,
  CrewPool,
  type CrewSpec,
  type InspectionOptions,
  OrderSource,
  OrderStatistics,
  Plant,
  PlantStatistics,
  type PowerSpec,
  RobotFleet,
  ShiftCalendar,
  Sink,
  Source,
  Station,
} from '../../entities/index.js';
import type { DecisionKind, PolicySet } from '../../policies/contract.js';
import { CREW_RULES, dispatchPolicy, MAINTENANCE_RULES, TRANSPORT_RULES } from '../../policies/index.js';
import { exceptionPeriods, holidayPeriods, weekOriginS } from '../calendar-dates.js';
import type { Scenario } from '../schema.js';
import { BuildError } from './build-error.js';
import { buildOperatorPools, operatorNeed, workerTravel } from './build-operators.js';
import { type PlantPlan, planPlant } from './plant-plan.js';

/** A model built from a scenario: the plant on its simulation, and its statistics. */
export interface BuiltModel {
  readonly sim: Simulation;
  readonly plant: Plant;
  /** The KPIs collected from the events (`null` when built with `statistics: false`). */
  readonly statistics: PlantStatistics | null;
  /** Scenario crew id → ids of its members in the crew pool (a crew of size n has n members). */
  readonly crewMembers: ReadonlyMap<string, readonly string[]>;
  /** Order-level figures when the scenario has order lists and statistics (else `null`). */
  readonly orders: OrderStatistics | null;
}

/** Options of {@link buildPlant}: who takes the decisions. */
export interface BuildOptions {
  /**
   * Decision kinds an external agent answers through `plant.runUntilDecision` / `plant.decide`; the
   * other kinds stay with the scenario's rules (default none).
   */
  readonly agent?: readonly DecisionKind[];
  /** Hand the agent decisions with a single option too (default `false`: those are taken at once). */
  readonly askTrivial?: boolean;
  /** Policies (objects with `decide`) replacing the scenario's rules of their kind everywhere. */
  readonly policies?: PolicySet;
  /**
   * Connect the statistics collector (default `true`). `false` leaves `statistics` `null` and saves its
   * cost, for callers that read only the events (the RL environment builds a model per episode).
   */
  readonly statistics?: boolean;
  /**
   * Keep every station visit in `Part.steps` (default `true`); `false` keeps the current one only (see
   * `Plant.keepStepHistory`).
   */
  readonly stepHistory?: boolean;
  /**
   * The scenario's {@link PlantPlan} from `planPlant(scenario)`, for callers that build many plants of one
   * scenario (default: derived on this call). It must be the plan of this very scenario object.
   */
  readonly plan?: PlantPlan;
}

/**
 * A uniform draw in [0, 1) from the stream `name`, for rules that need randomness (policies never see the
 * engine). The stream is made on the first draw: most rules never draw, and a stream's draws do not depend
 * on when it was made (see `RandomStreams`).
 */
function uniformOf(streams: RandomStreams, name: string): () => number {
  let stream: RandomStream | undefined;
  return () => (stream ??= streams.get(name)).next();
}

/**
 * Builds the entities of a validated scenario on a new simulation seeded with `seed`. Statistics are
 * connected (and reset at the warm-up) but the simulation has not run. Throws {@link BuildError} for a
 * combination that validation accepts but the model does not support yet.
 */
export function buildPlant(scenario: Scenario, seed: number, options: BuildOptions = {}): BuiltModel {
  if (options.plan !== undefined && options.plan.scenario !== scenario) {
    throw new RangeError(
      'buildPlant: options.plan was made from another scenario object (planPlant(scenario))',
    );
  }
  const plan = options.plan ?? planPlant(scenario);
  const sim = new Simulation({ seed });
  const plant = new Plant(sim, {
    agent: options.agent,
    askTrivial: options.askTrivial,
    policies: options.policies,
  });
  plant.keepStepHistory = options.stepHistory ?? true;

  for (const s of scenario.sinks) new Sink(plant, { id: s.id });
  for (const p of plan.products) plant.addProduct(p);

  const buffers = new Map<string, Buffer>();
  for (const b of scenario.buffers) {
    buffers.set(b.id, new Buffer(plant, { id: b.id, capacity: b.capacity, discipline: b.discipline }));
  }

  const calendars = new Map<string, ShiftCalendar>();
  for (const c of scenario.shifts) {
    calendars.set(
      c.id,
      new ShiftCalendar(
        c.shifts.map((sh) => ({ days: sh.days, startS: sh.start, endS: sh.end })),
        scenario.run.start === undefined
          ? {}
          : {
              originS: weekOriginS(scenario.run.start),
              closed: holidayPeriods(scenario.run.start, c.holidays),
              open: exceptionPeriods(scenario.run.start, c.exceptions),
            },
      ),
    );
  }
  const calendar = (id: string | undefined) => (id === undefined ? undefined : calendars.get(id));

  const crewMembers = new Map<string, string[]>();
  let pool: CrewPool | undefined;
  if (scenario.crews.length > 0) {
    const members: CrewSpec[] = [];
    const dispatch = scenario.crews[0]!.dispatch;
    let travel: ReturnType<typeof workerTravel>;
    scenario.crews.forEach((c, i) => {
      if (c.dispatch !== dispatch) {
        throw new BuildError(`crews[${i}].dispatch`, 'all crews share one dispatch rule for now');
      }
      const t = workerTravel(c.travel);
      if (travel !== undefined && t !== undefined && JSON.stringify(t) !== JSON.stringify(travel)) {
        throw new BuildError(`crews[${i}].travel`, 'all crews share one travel setting for now');
      }
      travel ??= t;
      const ids: string[] = [];
      for (let k = 0; k < c.size; k++) {
        const id = c.size === 1 ? c.id : `${c.id}#${k + 1}`;
        ids.push(id);
        members.push({ id, skills: c.skills, home: c.home, shifts: calendar(c.shift) });
      }
      crewMembers.set(c.id, ids);
    });
    pool = new CrewPool(plant, { id: 'crews', crews: members, dispatch: CREW_RULES[dispatch], travel });
  }

  const operatorPools = buildOperatorPools(plant, scenario, calendar);

  // Robot fleets first: a robot cell's station needs its tender when built.
  const fleets = new Map<string, RobotFleet>();
  const fleetPower: Record<string, PowerSpec> = {};
  for (const r of scenario.robots) {
    fleets.set(
      r.id,
      new RobotFleet(plant, {
        id: r.id,
        robots: Array.from({ length: r.count }, (_, k) => ({ id: String(k + 1), home: r.park })),
        speedEmptyMps: r.speedEmpty,
        speedLoadedMps: r.speedLoaded,
        pickTime: r.pick,
        placeTime: r.place,
        park: r.park,
        returnHome: r.returnHome,
        dispatch: TRANSPORT_RULES[r.dispatch],
      }),
    );
    if (r.energy !== undefined) fleetPower[r.id] = powerSpec(r.energy);
  }
  const positionOf = (id: string | undefined) =>
    id === undefined ? undefined : scenario.stations.find((st) => st.id === id)?.position;
  const conveyorPower: Record<string, PowerSpec> = {};
  for (const c of scenario.conveyors) {
    new Conveyor(plant, {
      id: c.id,
      lengthM: c.length,
      speedMps: c.speed,
      spacingM: c.spacing,
      accumulating: c.accumulating,
      from: positionOf(c.from),
      to: positionOf(c.to),
    });
    if (c.energy !== undefined) conveyorPower[c.id] = powerSpec(c.energy);
  }

  const power: Record<string, PowerSpec> = {};
  for (const [i, st] of scenario.stations.entries()) {
    const { processTimes, standardTimes } = plan.stations[i]!;
    const input = st.input === undefined ? undefined : buffers.get(st.input);
    new Station(plant, {
      id: st.id,
      servers: st.servers,
      input,
      processTimes,
      standardTimes,
      dispatch: dispatchPolicy(st.dispatchSpec, uniformOf(sim.streams, `${st.id}/dispatch`)),
      maintenancePolicy: MAINTENANCE_RULES[st.maintenanceRule],
      priority: st.priority,
      position: st.position,
      crews: pool,
      failures: st.failures.map((f, j) => {
        if (f.onFailure !== 'resume')
          throw new BuildError(`stations[${i}].failures[${j}].onFailure`, 'only "resume" is supported');
        return {
          name: f.name,
          basis: f.basis,
          timeToFailure: f.ttf,
          cycles: f.cycles,
          timeToRepair: f.ttr,
          skill: f.skill,
        };
      }),
      maintenance: st.preventive.map((m, j) => ({
        name: m.name ?? `pm${j + 1}`,
        basis: m.basis,
        intervalS: m.interval,
        duration: m.duration,
        skill: m.skill,
        postponeS: m.postpone,
      })),
      setupTimes: st.setups,
      tender: st.tendedBy === undefined ? undefined : fleets.get(st.tendedBy),
      operator: operatorNeed(st, i, operatorPools),
      shifts: calendar(st.shift),
      atShiftEnd: st.atShiftEnd,
      ...(st.batch === undefined ? {} : { batch: { size: st.batch.size, maxWaitS: st.batch.maxWait } }),
      ...(st.assembly === undefined ? {} : { assembly: st.assembly }),
      ...(st.inspection === undefined ? {} : { inspection: inspectionOptions(st.inspection, scenario) }),
    });
    if (st.energy !== undefined) power[st.id] = powerSpec(st.energy);
  }

  const orderSources: OrderSource[] = [];
  for (const [i, s] of scenario.sources.entries()) {
    if (s.mix !== undefined) {
      // Splitting a Poisson stream by independent weighted choice gives independent Poisson streams, so
      // a mix with exponential interarrivals is exactly one exponential source per product.
      if (!(s.interarrival instanceof Exponential)) {
        throw new BuildError(
          `sources[${i}].interarrival`,
          'a product mix needs exponential interarrival times for now',
        );
      }
      const total = s.mix.reduce((sum, m) => sum + m.weight, 0);
      for (const m of s.mix) {
        const share = m.weight / total;
        new Source(plant, {
          id: `${s.id}.${m.product}`,
          product: m.product,
          interarrival: new Exponential({ mean: s.interarrival.mean / share }),
          count: s.quantity === undefined ? undefined : Math.round(s.quantity * share),
          shift: calendar(s.shift),
        });
      }
      continue;
    }
    if (s.conwip !== undefined) {
      new ConwipSource(plant, { id: s.id, wip: s.conwip.wip, products: [s.product!] });
    } else if (s.orders !== undefined) {
      orderSources.push(
        new OrderSource(plant, {
          id: s.id,
          orders: s.orders.map((o) => ({
            releaseS: o.release,
            product: o.product,
            quantity: o.quantity,
            dueS: o.due,
          })),
        }),
      );
    } else if (s.interarrival !== undefined) {
      new Source(plant, {
        id: s.id,
        product: s.product!,
        interarrival: s.interarrival,
        count: s.quantity,
        shift: calendar(s.shift),
      });
    }
  }

  if (options.statistics === false) return { sim, plant, statistics: null, crewMembers, orders: null };
  const orders = orderSources.length > 0 ? new OrderStatistics(plant, orderSources) : null;
  const metered = [power, conveyorPower, fleetPower].some((m) => Object.keys(m).length > 0);
  const statistics = new PlantStatistics(
    plant,
    metered ? { power: { stations: power, conveyors: conveyorPower, robots: fleetPower } } : {},
  );
  if (scenario.run.warmup > 0) {
    sim.scheduleAt(scenario.run.warmup, () => statistics.reset(sim.now), undefined, -(2 ** 31));
  }
  return { sim, plant, statistics, crewMembers, orders };
}

/** The entities' power spec from a scenario's `energy` block (kW). */
function powerSpec(e: NonNullable<Scenario['stations'][number]['energy']>): PowerSpec {
  return { busyKW: e.busy, idleKW: e.idle, setupKW: e.setup, downKW: e.down, offKW: e.off };
}

/** A station's inspection, with one defect probability per product (a single number applies to all). */
function inspectionOptions(
  q: NonNullable<Scenario['stations'][number]['inspection']>,
  scenario: Scenario,
): InspectionOptions {
  const defectProbability: Record<string, number> =
    typeof q.defect === 'number'
      ? Object.fromEntries(scenario.products.map((p) => [p.id, q.defect as number]))
      : q.defect;
  return {
    defectProbability,
    risePerHour: q.risePerHour,
    onDefect:
      q.onDefect === 'scrap'
        ? { kind: 'scrap' }
        : { kind: 'rework', station: q.onDefect.rework, maxReworks: q.onDefect.maxReworks },
  };
}
