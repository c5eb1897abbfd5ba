import { stringify } from 'yaml';
import type { DispatchSpec } from '../../policies/index.js';
import type { JobShopInstance } from './parse.js';

/** Options of {@link jobShopToScenarioYaml}. */
export interface JobShopScenarioOptions {
  /** Unit of the instance's integer durations: `s`, `min` or `h` (default `min`). */
  timeUnit?: 's' | 'min' | 'h';
  /** Dispatch rule at every machine: any built-in rule name, or `{ rule: 'atc', k }` (default `fifo`). */
  dispatch?: DispatchSpec;
  /**
   * When given (> 0), every job is due at its release plus this factor times its total work (the
   * total-work due-date rule), so that due-date rules (`edd`, `cr`, `atc`) have due dates to work with.
   * Default: no due dates.
   */
  dueDateFactor?: number;
}

/**
 * Turns a job-shop instance into a runnable scenario (YAML text): one machine per instance machine
 * (`m0`, `m1`, …, laid out on a row 4 m apart), one product per job whose routing visits the machines in
 * the job's order with constant process times, and one order releasing one part of every job at time 0.
 * The run's horizon is the total work, which any non-idling schedule finishes within.
 */
export function jobShopToScenarioYaml(
  instance: JobShopInstance,
  options: JobShopScenarioOptions = {},
): string {
  const unit = options.timeUnit ?? 'min';
  const dispatch = options.dispatch ?? 'fifo';
  const factor = options.dueDateFactor;
  if (factor !== undefined && !(Number.isFinite(factor) && factor > 0)) {
    throw new RangeError(`jobShopToScenarioYaml: dueDateFactor must be a finite number > 0 (got ${factor})`);
  }
  const totalWork = instance.operations.flat().reduce((s, op) => s + op.duration, 0);
  const doc = {
    name: `job shop ${instance.name}`,
    description: `${instance.jobs} jobs × ${instance.machines} machines, imported from the standard job-shop format; durations in ${unit}`,
    run: { horizon: `${totalWork + 1}${unit}`, warmup: '0s', replications: 1, seed: 1 },
    products: instance.operations.map((ops, j) => ({
      id: `job${j}`,
      routing: ops.map((op) => ({ station: `m${op.machine}`, processTime: `${op.duration}${unit}` })),
      ...(factor === undefined ? {} : { dueDate: { rule: 'totalWork', factor } }),
    })),
    sources: [
      {
        id: 'release',
        orders: instance.operations.map((_, j) => ({ release: '0s', product: `job${j}`, quantity: 1 })),
      },
    ],
    stations: Array.from({ length: instance.machines }, (_, m) => ({
      id: `m${m}`,
      servers: 1,
      dispatch,
      position: { x: `${4 * m}m`, y: '0m' },
    })),
    sinks: [{ id: 'done' }],
  };
  const header = [
    `# Job shop ${instance.name}, written by \`shopfloor import jobshop\`.`,
    '# Every job is a product routed through the machines in its own order; one order releases all jobs at',
    '# time 0. With one replication and constant times the run is one deterministic schedule: its makespan',
    '# is the time the last part finishes.',
    '',
  ].join('\n');
  return (
    header +
    stringify(doc, { lineWidth: 0, flowCollectionPadding: true }).replace(/\n {2}- station/g, '\n  - station')
  );
}
