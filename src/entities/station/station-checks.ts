import { InvalidArgumentError } from '../../engine/index.js';
import type { InspectionOptions } from '../inspection.js';
import type { StationOptions } from './station-options.js';
import { isStepsFrom, type StepTimesSpec } from './step-times.js';

/** Checks of a station's options that no type can express; each throws `InvalidArgumentError` naming the station. */

/** The number of parallel servers: an integer >= 1 (1 when not given). */
export function checkServers(station: string, servers: number | undefined): number {
  const n = servers ?? 1;
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new InvalidArgumentError(`Station: servers of ${station} must be an integer >= 1 (got ${n})`);
  }
  return n;
}

/** The `{ fromStep, steps }` entries of `processTimes` and `standardTimes`: a step >= 0. */
export function checkStepTables(station: string, options: StationOptions): void {
  checkStepsFrom(station, 'processTimes', options.processTimes);
  checkStepsFrom(station, 'standardTimes', options.standardTimes);
}

function checkStepsFrom(station: string, field: string, spec: StepTimesSpec<unknown> | undefined): void {
  for (const [product, v] of Object.entries(spec ?? {})) {
    if (isStepsFrom(v) && !(Number.isInteger(v.fromStep) && v.fromStep >= 0)) {
      throw new InvalidArgumentError(
        `Station: ${field}.${product}.fromStep of ${station} must be an integer >= 0 (got ${v.fromStep})`,
      );
    }
  }
}

/** Names of failure modes or maintenance plans must be unique at a station (they name random streams). */
export function checkUnique(station: string, what: string, items: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const { name } of items) {
    if (seen.has(name)) throw new InvalidArgumentError(`Station: duplicate ${what} ${name} at ${station}`);
    seen.add(name);
  }
}

/** Batch size and maximum wait, the bill of materials, and the combinations a station cannot do. */
export function checkGrouping(station: string, options: StationOptions): void {
  const b = options.batch;
  if (b !== undefined) {
    if (!(Number.isInteger(b.size) && b.size >= 1)) {
      throw new InvalidArgumentError(
        `Station: batch size of ${station} must be an integer >= 1 (got ${b.size})`,
      );
    }
    if (b.maxWaitS !== undefined && !(b.maxWaitS >= 0 && Number.isFinite(b.maxWaitS))) {
      throw new InvalidArgumentError(
        `Station: batch maxWaitS of ${station} must be >= 0 s (got ${b.maxWaitS})`,
      );
    }
  }
  const a = options.assembly;
  if (a !== undefined) {
    const entries = Object.entries(a.inputs);
    if (entries.length === 0) throw new InvalidArgumentError(`Station: assembly at ${station} has no inputs`);
    for (const [product, qty] of entries) {
      if (!(Number.isInteger(qty) && qty >= 1)) {
        throw new InvalidArgumentError(
          `Station: assembly at ${station} needs an integer >= 1 of ${product} (got ${qty})`,
        );
      }
    }
  }
  if (b !== undefined && a !== undefined) {
    throw new InvalidArgumentError(`Station: ${station} cannot both batch and assemble`);
  }
  if ((b !== undefined || a !== undefined) && options.tender !== undefined) {
    throw new InvalidArgumentError(`Station: ${station} cannot batch or assemble with a robot tender`);
  }
}

/** Defect probabilities in [0, 1], a wear rate ≥ 0, a whole number of reworks. */
export function checkInspection(station: string, q: InspectionOptions): void {
  for (const [product, p] of Object.entries(q.defectProbability)) {
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidArgumentError(
        `Station: defect probability of ${product} at ${station} must be in [0, 1] (got ${p})`,
      );
    }
  }
  const rise = q.risePerHour ?? 0;
  if (!(rise >= 0 && Number.isFinite(rise))) {
    throw new InvalidArgumentError(`Station: risePerHour at ${station} must be >= 0 (got ${rise})`);
  }
  const a = q.onDefect;
  if (a.kind === 'rework' && !(Number.isInteger(a.maxReworks) && a.maxReworks >= 0)) {
    throw new InvalidArgumentError(
      `Station: maxReworks at ${station} must be an integer >= 0 (got ${a.maxReworks})`,
    );
  }
}
