/**
 * The checks and defaults of {@link ShopfloorEnv}'s options (agent kinds, counts, action slots, observation
 * scales), kept apart from the environment's reset/step loop. Errors are `EnvConfigError`s that start with
 * the API name.
 */
import type { DecisionKind } from '../../policies/contract.js';
import { DECISION_KINDS } from '../../policies/decision-kinds.js';
import type { Scenario } from '../../scenario/index.js';
import { EnvConfigError } from '../errors.js';
import type { ObservationScales } from '../observation.js';
import { alternativesOf, type ScenarioInfo } from './scenario-info.js';

export function checkAgent(agent: unknown): asserts agent is readonly DecisionKind[] {
  if (!Array.isArray(agent) || agent.length === 0) {
    throw new EnvConfigError(
      `ShopfloorEnv: agent must be a non-empty list of decision kinds (got ${JSON.stringify(agent)})`,
    );
  }
  for (const k of agent) {
    if (!DECISION_KINDS.includes(k)) {
      throw new EnvConfigError(
        `ShopfloorEnv: unknown agent kind ${JSON.stringify(k)} (expected ${DECISION_KINDS.join(', ')})`,
      );
    }
  }
  if (new Set(agent).size !== agent.length) {
    throw new EnvConfigError(`ShopfloorEnv: agent lists a decision kind twice (${agent.join(', ')})`);
  }
}

/**
 * Why the integer `action` is no legal slot of the mask at `mask[offset … offset + maxCandidates)`
 * (out of range, masked out), or `undefined` when it is one.
 */
export function slotProblem(
  action: number,
  mask: Uint8Array,
  offset: number,
  maxCandidates: number,
): string | undefined {
  if (action < 0 || action >= maxCandidates) return `out of range [0, ${maxCandidates})`;
  if (mask[offset + action] !== 1) return `masked out (slot ${action} holds no candidate)`;
  return undefined;
}

export function positiveInt(name: string, value: unknown): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
    throw new EnvConfigError(`ShopfloorEnv: ${name} must be an integer >= 1 (got ${String(value)})`);
  }
}

export function whyNot(kind: DecisionKind): string {
  switch (kind) {
    case 'dispatch':
      return 'no station picks single parts from a queue that holds two';
    case 'routing':
      return 'no routing step names alternative stations';
    case 'crew':
      return 'no crews, or fewer than two servers that fail or have preventive plans';
    case 'transport':
      return 'no robot fleet carries parts or tends a station';
    case 'maintenance':
      return 'no station has a preventive plan';
    case 'operator':
      return 'no operator pool, or fewer than two servers that need its operators';
  }
}

export function defaultMaxCandidates(
  agent: readonly DecisionKind[],
  scenario: Scenario,
  info: ScenarioInfo,
): number {
  let n = 1;
  for (const k of agent) {
    switch (k) {
      case 'dispatch':
        n = Math.max(n, info.totalParts !== undefined && info.totalParts <= 64 ? info.totalParts : 16);
        break;
      case 'routing': {
        let most = 1;
        for (const p of scenario.products)
          for (const s of p.routing) most = Math.max(most, alternativesOf(s));
        n = Math.max(n, most);
        break;
      }
      case 'crew': {
        const servers = scenario.stations
          .filter((s) => s.failures.length > 0 || s.preventive.length > 0)
          .reduce((sum, s) => sum + s.servers, 0);
        n = Math.max(n, Math.min(16, servers));
        break;
      }
      case 'transport':
        n = Math.max(n, 16);
        break;
      case 'maintenance':
        n = Math.max(n, 2);
        break;
      case 'operator': {
        const servers = scenario.stations
          .filter((s) => s.operator !== undefined)
          .reduce((sum, s) => sum + s.servers, 0);
        n = Math.max(n, Math.min(16, servers));
        break;
      }
    }
  }
  return n;
}

export function defaultScales(
  info: ScenarioInfo,
  horizonS: number,
  given: Partial<ObservationScales>,
): ObservationScales {
  const totalServers = info.servers.reduce((a, b) => a + b, 0);
  const scales: ObservationScales = {
    timeS: given.timeS ?? info.meanProcessTimeS,
    horizonS: given.horizonS ?? horizonS,
    wip: given.wip ?? info.totalParts ?? Math.max(1, 4 * totalServers),
    distanceM: given.distanceM ?? info.maxDistanceM,
    priority: given.priority ?? info.maxPriority,
    operations: given.operations ?? info.maxOperations,
  };
  for (const [k, v] of Object.entries(scales)) {
    if (!(typeof v === 'number' && v > 0 && Number.isFinite(v))) {
      throw new EnvConfigError(`ShopfloorEnv: scales.${k} must be a finite number > 0 (got ${String(v)})`);
    }
  }
  return scales;
}

export function showAction(action: unknown): string {
  if (typeof action === 'string') return JSON.stringify(action);
  if (typeof action === 'number' || typeof action === 'boolean' || typeof action === 'bigint')
    return String(action);
  if (action === undefined || action === null) return String(action);
  try {
    return JSON.stringify(action) ?? Object.prototype.toString.call(action);
  } catch {
    return Object.prototype.toString.call(action);
  }
}
