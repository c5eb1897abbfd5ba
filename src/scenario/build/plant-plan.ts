import type { Distribution } from '../../engine/index.js';
import type { ProductSpec, StepsFrom } from '../../entities/index.js';
import { ROUTING_RULES } from '../../policies/index.js';
import { branchStep } from '../_internal/branch-step.js';
import type { Scenario } from '../schema.js';
import { BuildError } from './build-error.js';

type RoutingStep = Scenario['products'][number]['routing'][number];

/**
 * A station's figures per product: one entry per routing step of the product from the first step done
 * here to the last, a hole for steps done elsewhere in between.
 */
export interface StationTimes {
  /** Per product, the process time of each routing step done here (a product may visit it twice). */
  readonly processTimes: Readonly<Record<string, StepsFrom<Distribution>>>;
  /** Per product, the standard time (s) of each routing step done here that has one. */
  readonly standardTimes: Readonly<Record<string, StepsFrom<number>>>;
}

/**
 * What a plant built from `scenario` takes from the scenario alone, whatever the seed: the product specs
 * and, per station, its process and standard times. {@link buildPlant} derives it on every call unless it
 * is given one; a caller that builds many plants of one scenario (the RL environment builds one per
 * episode, and an ft10 episode is only ~33 decisions) derives it once with {@link planPlant}. Everything
 * in it is frozen, so that every plant built from it can share it (stations share their step tables, see
 * `StepTimes.of`).
 */
export interface PlantPlan {
  /** The scenario this plan was derived from; `buildPlant` refuses a plan of another scenario object. */
  readonly scenario: Scenario;
  /** The specs of `scenario.products`, in order, for `Plant.addProduct`. */
  readonly products: readonly ProductSpec[];
  /** Per station of `scenario.stations` (same order), its times. */
  readonly stations: readonly StationTimes[];
}

/** The stations of a routing step: its one station, or its alternatives. */
export function stepStations(step: RoutingStep): readonly string[] {
  return Array.isArray(step.station) ? step.station : [step.station as string];
}

/** The process time of `step` at `station` (its own entry in `processTimes`, else `processTime`). */
function stepTime(step: RoutingStep, station: string): Distribution | undefined {
  return step.processTimes?.[station] ?? step.processTime;
}

/** Mean process time of a step, s: the mean over its stations. */
function stepMeanS(step: RoutingStep): number {
  const stations = stepStations(step);
  return stations.reduce((sum, st) => sum + (stepTime(step, st)?.mean ?? 0), 0) / stations.length;
}

/**
 * Derives the seed-independent part of the plant of a validated scenario (see {@link PlantPlan}). The
 * plan holds for the scenario as it is now: a scenario changed afterwards needs a new plan.
 * @throws BuildError for a product that cannot be built (no sink among several, a branch to no single step).
 */
export function planPlant(scenario: Scenario): PlantPlan {
  return Object.freeze({
    scenario,
    products: Object.freeze(scenario.products.map((p, i) => productSpec(scenario, p, i))),
    stations: Object.freeze(stationTimes(scenario)),
  });
}

function productSpec(scenario: Scenario, p: Scenario['products'][number], i: number): ProductSpec {
  const sink = p.sink ?? (scenario.sinks.length === 1 ? scenario.sinks[0]!.id : undefined);
  if (sink === undefined)
    throw new BuildError(`products[${i}].sink`, 'with several sinks, each product must name its sink');
  let dueInS: number | undefined;
  if (p.dueDate?.rule === 'releasePlus') dueInS = p.dueDate.allowance;
  else if (p.dueDate?.rule === 'totalWork') {
    dueInS = p.dueDate.factor * p.routing.reduce((sum, step) => sum + stepMeanS(step), 0);
  }
  const via = [...p.routing.map((s) => s.via), p.exitVia];
  const flexible = p.routing.some((s) => Array.isArray(s.station));
  return Object.freeze({
    id: p.id,
    routing: p.routing.map((s) => stepStations(s)[0]!),
    ...(flexible
      ? {
          alternatives: p.routing.map((s) => (Array.isArray(s.station) ? s.station : undefined)),
          routingRules: p.routing.map((s) =>
            Array.isArray(s.station) ? ROUTING_RULES[s.choose ?? 'least-work'] : undefined,
          ),
        }
      : {}),
    sink,
    dueInS,
    priority: p.priority,
    ...(via.some((v) => v !== undefined) ? { via } : {}),
    ...(p.routing.some((s) => s.branch !== undefined)
      ? {
          branches: p.routing.map((s, j) =>
            s.branch?.map((b) => {
              const toStep = branchStep(p.routing, b.to);
              if (toStep === undefined)
                throw new BuildError(
                  `products[${i}].routing[${j}].branch`,
                  `no single step visits "${b.to}"`,
                );
              return { toStep, p: b.p };
            }),
          ),
        }
      : {}),
  });
}

/** Per station of the scenario, its process and standard times per product (frozen, see {@link PlantPlan}). */
function stationTimes(scenario: Scenario): StationTimes[] {
  // Per station, per product: the routing steps done there, from one pass over the routings (not one
  // per station: a line of a thousand stations would take a million steps to build).
  const stepsAt = new Map<string, Map<string, number[]>>();
  for (const p of scenario.products) {
    p.routing.forEach((step, k) => {
      for (const id of stepStations(step)) {
        let byProduct = stepsAt.get(id);
        if (byProduct === undefined) stepsAt.set(id, (byProduct = new Map()));
        const steps = byProduct.get(p.id) ?? [];
        if (steps[steps.length - 1] !== k) steps.push(k);
        byProduct.set(p.id, steps);
      }
    });
  }
  return scenario.stations.map((st) => {
    const processTimes: Record<string, StepsFrom<Distribution>> = {};
    const standardTimes: Record<string, StepsFrom<number>> = {};
    for (const p of scenario.products) {
      const here = stepsAt.get(st.id)?.get(p.id);
      if (here === undefined) continue;
      // Slots from the first step done here to the last only (the steps are in routing order): a slot per
      // routing step for every station would make a line of a thousand stations a million slots.
      const fromStep = here[0]!;
      const times = new Array<Distribution | undefined>(here[here.length - 1]! - fromStep + 1);
      const standard = new Array<number | undefined>(times.length);
      for (const k of here) {
        times[k - fromStep] = stepTime(p.routing[k]!, st.id);
        standard[k - fromStep] = p.routing[k]!.standardTime;
      }
      if (times.some((t) => t !== undefined))
        processTimes[p.id] = Object.freeze({ fromStep, steps: Object.freeze(times) });
      if (standard.some((t) => t !== undefined))
        standardTimes[p.id] = Object.freeze({ fromStep, steps: Object.freeze(standard) });
    }
    return Object.freeze({
      processTimes: Object.freeze(processTimes),
      standardTimes: Object.freeze(standardTimes),
    });
  });
}
