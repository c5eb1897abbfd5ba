import { applyBranch } from '../branching.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import type { Inspector } from './inspector.js';

/**
 * The gate a part just processed at a station passes before it leaves: the station's inspection, if any
 * (see {@link Inspector}); a scrapped part is handed to the plant; a part that passed takes its product's
 * branches after the routing step just done (a part sent back to rework takes none).
 * @param maintainedS when the part's server was last maintained, s (the defect risk rises with the time since).
 * @param serverId the server the part is on, where a scrapped part is recorded as leaving.
 * @returns `false` when the part was scrapped.
 */
export function passQualityGate(
  plant: Plant,
  inspector: Inspector | undefined,
  part: Part,
  maintainedS: number,
  serverId: string,
): boolean {
  // The step just done, read before an inspection sends a defective part back.
  const done = part.step - 1;
  const outcome = inspector === undefined ? 'pass' : inspector.inspect(part, maintainedS);
  if (outcome === 'scrap') {
    plant.scrap(part, serverId);
    return false;
  }
  if (outcome === 'pass') {
    const branches = plant.product(part.product).branches?.[done];
    if (branches !== undefined)
      applyBranch(part, done, branches, plant.sim.streams.get(`${part.product}/branch`));
  }
  return true;
}
