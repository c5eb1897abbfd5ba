import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import type { StationOptions } from './station-options.js';
import type { StepTimes } from './step-times.js';

/**
 * Standard time credited to `part` for a job of `jobWorkS` drawn work seconds at station `station`,
 * seconds: the step's `standardTimes` entry if given, else the drawn work time; shared by a full batch
 * of `batchSize` parts at a batch station (a partial batch earns less), and by the components of a kit
 * at an assembly station (`assembly` given; `NaN` for a part its bill of materials does not use). Never
 * more than the job's drawn work time, so OEE's performance is ≤ 1.
 * @internal see `Station.standardTimeS`.
 */
export function standardTimeOf(
  standardTimes: StepTimes<number> | undefined,
  assembly: StationOptions['assembly'],
  plant: Plant,
  station: string,
  part: Part,
  jobWorkS: number,
  batchSize: number,
): number {
  if (assembly !== undefined) {
    const kit = Object.values(assembly.inputs).reduce((sum, n) => sum + n, 0);
    if (assembly.inputs[part.product] === undefined) return Number.NaN;
    const step = plant.product(assembly.output).routing.indexOf(station);
    return (standardTimes?.get(assembly.output, step) ?? jobWorkS) / kit;
  }
  return (standardTimes?.get(part.product, part.step) ?? jobWorkS) / batchSize;
}
