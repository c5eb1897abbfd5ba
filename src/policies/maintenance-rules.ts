import type { MaintenancePoint, MaintenancePolicy } from './contract.js';

/** Do a due preventive maintenance now (option 0): stop as soon as the server is free. */
export const maintainNow: MaintenancePolicy = { name: 'now', alwaysFirst: true, decide: () => 0 };

/** Postponements {@link whenIdle} allows before it gives in and maintains: 3. */
export const WHEN_IDLE_MAX_POSTPONEMENTS = 3;

/**
 * Postpone a due maintenance while parts wait at the station (`station.queueLength > 0`), at most
 * `maxPostponements` times in a row (each postponement lasts the plan's `delayS`); otherwise maintain now.
 * @throws RangeError (`whenIdleUpTo: …`) unless `maxPostponements` is an integer ≥ 0.
 */
export function whenIdleUpTo(maxPostponements: number): MaintenancePolicy {
  if (!(Number.isInteger(maxPostponements) && maxPostponements >= 0)) {
    throw new RangeError(`whenIdleUpTo: maxPostponements must be an integer >= 0 (got ${maxPostponements})`);
  }
  return {
    name: 'when-idle',
    decide: (p: MaintenancePoint) => {
      if (p.station.queueLength === 0 || p.postponed >= maxPostponements) return nowIndex(p);
      const i = p.options.findIndex((o) => o.action === 'postpone');
      return i < 0 ? nowIndex(p) : i;
    },
  };
}

function nowIndex(p: MaintenancePoint): number {
  const i = p.options.findIndex((o) => o.action === 'now');
  return i < 0 ? 0 : i;
}

/** {@link whenIdleUpTo} with {@link WHEN_IDLE_MAX_POSTPONEMENTS} (3). */
export const whenIdle: MaintenancePolicy = whenIdleUpTo(WHEN_IDLE_MAX_POSTPONEMENTS);

/** The built-in maintenance rules by the name a scenario file uses. */
export const MAINTENANCE_RULES: Readonly<Record<'now' | 'when-idle', MaintenancePolicy>> = {
  now: maintainNow,
  'when-idle': whenIdle,
};
