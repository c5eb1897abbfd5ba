import type { Plant } from '../../../src/entities/index.js';

/** Records every event a plant publishes as `[name, ...plain args]` (parts as their ids). */
export function recordEvents(plant: Plant): unknown[][] {
  const log: unknown[][] = [];
  const names = [
    'partReleased',
    'partMoved',
    'processStarted',
    'partFinished',
    'serverStateChanged',
    'bufferLevelChanged',
    'failed',
    'repaired',
    'maintenanceStarted',
    'maintenanceEnded',
    'crewStateChanged',
    'conveyorLevelChanged',
    'conveyorStateChanged',
    'conveyorItemMoved',
  ] as const;
  for (const name of names) {
    plant.events.on(name, (...args: readonly unknown[]) => {
      log.push([name, ...args.map((a) => (typeof a === 'object' && a !== null && 'id' in a ? a.id : a))]);
    });
  }
  return log;
}
