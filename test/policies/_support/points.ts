import type {
  DispatchPoint,
  MaintenanceOption,
  MaintenancePoint,
  PartView,
  RouteView,
  RoutingPoint,
  StationView,
} from '../../../src/policies/index.js';

/** A waiting part with neutral figures (one step of 1 s left, no due date), overridden by `over`. */
export function part(id: number, over: Partial<PartView> = {}): PartView {
  return {
    id,
    product: `job${id}`,
    priority: 0,
    releaseS: 0,
    dueS: Number.POSITIVE_INFINITY,
    queuedS: 0,
    step: 0,
    processTimeS: 1,
    operationsRemaining: 1,
    workRemainingS: 1,
    totalWorkS: 1,
    nextStation: undefined,
    ...over,
  };
}

/** A single-server station with an infinite queue, overridden by `over`. */
export function station(id = 'M', over: Partial<StationView> = {}): StationView {
  return {
    id,
    servers: 1,
    idleServers: 1,
    queueLength: 0,
    queueCapacity: Number.POSITIVE_INFINITY,
    workInQueueS: 0,
    position: undefined,
    ...over,
  };
}

/** The dispatch point of server 0 of station M at `nowS` with these waiting parts. */
export function dispatchPoint(options: readonly PartView[], nowS = 0): DispatchPoint {
  return {
    kind: 'dispatch',
    at: 'M',
    now: nowS,
    options,
    server: 0,
    station: station('M', { idleServers: 1, queueLength: options.length }),
  };
}

/** An alternative station for a routing step. */
export function route(id: string, over: Partial<RouteView> = {}): RouteView {
  return { ...station(id), processTimeS: 1, ...over };
}

/** The routing point of part 1 at its step 0 with these alternatives. */
export function routingPoint(options: readonly RouteView[]): RoutingPoint {
  return {
    kind: 'routing',
    at: 'src',
    now: 0,
    options,
    part: part(1, { processTimeS: Number.NaN }),
  };
}

/** A maintenance point of server 0 of station M: options `[now, postpone 600 s]`. */
export function maintenancePoint(queueLength: number, postponed: number): MaintenancePoint {
  const options: MaintenanceOption[] = [
    { action: 'now', delayS: 0 },
    { action: 'postpone', delayS: 600 },
  ];
  return {
    kind: 'maintenance',
    at: 'M',
    now: 3600,
    options,
    station: station('M', { queueLength, idleServers: 0 }),
    server: 0,
    plan: 'pm1',
    serverState: 'busy',
    sinceMaintenanceS: 3600,
    failuresSinceMaintenance: 0,
    postponed,
  };
}
