import { Constant } from '../../engine/index.js';
import {
  type OperatorNeedOptions,
  OperatorPool,
  type Plant,
  type ShiftCalendar,
  type WorkerTravel,
} from '../../entities/index.js';
import { OPERATOR_RULES } from '../../policies/index.js';
import type { Scenario } from '../schema.js';
import { BuildError } from './build-error.js';

/** The entities' travel from a crew's or an operator pool's `travel` (undefined: no travel time). */
export function workerTravel(travel: Scenario['crews'][number]['travel']): WorkerTravel | undefined {
  if (travel === undefined) return undefined;
  if (travel.speed !== undefined) return { speedMps: travel.speed };
  if (travel.time !== undefined) {
    // A constant stays a fixed time (no stream is drawn from); anything else is drawn per trip.
    return travel.time instanceof Constant ? { fixedS: travel.time.mean } : { timeS: travel.time };
  }
  return undefined;
}

/**
 * Builds the operator pools of `scenario` on `plant` (one {@link OperatorPool} per entry of
 * `operators`, its members named `1`…`size`, or by `members`), before the stations that need them.
 */
export function buildOperatorPools(
  plant: Plant,
  scenario: Scenario,
  calendar: (id: string | undefined) => ShiftCalendar | undefined,
): Map<string, OperatorPool> {
  const pools = new Map<string, OperatorPool>();
  for (const o of scenario.operators) {
    const operators =
      o.members === undefined
        ? Array.from({ length: o.size ?? 1 }, (_, k) => ({
            id: String(k + 1),
            skills: o.skills,
            home: o.home,
            shifts: calendar(o.shift),
          }))
        : o.members.map((m) => ({
            id: m.id,
            skills: m.skills ?? o.skills,
            home: m.home ?? o.home,
            shifts: calendar(m.shift ?? o.shift),
          }));
    const travel = workerTravel(o.travel);
    pools.set(
      o.id,
      new OperatorPool(plant, {
        id: o.id,
        operators,
        dispatch: OPERATOR_RULES[o.dispatch],
        ...(travel === undefined ? {} : { travel }),
      }),
    );
  }
  return pools;
}

/** The `operator` option of the station at `stations[i]`, or `undefined` when it needs none. */
export function operatorNeed(
  st: Scenario['stations'][number],
  i: number,
  pools: ReadonlyMap<string, OperatorPool>,
): OperatorNeedOptions | undefined {
  const need = st.operator;
  if (need === undefined) return undefined;
  const pool = pools.get(need.pool);
  if (pool === undefined)
    throw new BuildError(`stations[${i}].operator.pool`, `unknown operator pool "${need.pool}"`);
  return {
    pool,
    tasks: need.for,
    ...(need.skill === undefined ? {} : { skill: need.skill }),
    ...(need.loadTime === undefined ? {} : { loadTime: need.loadTime }),
    ...(need.unloadTime === undefined ? {} : { unloadTime: need.unloadTime }),
  };
}
