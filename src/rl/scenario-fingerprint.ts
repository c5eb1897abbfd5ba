import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/index.js';

/**
 * A SHA-256 (hex) of a validated scenario's model — products, sources, buffers, stations, crews, sinks,
 * conveyors, robots, shifts — leaving out what does not change the plant (`run`, `env`, `name`,
 * `description`, `$schema`), with object keys sorted so that the order of keys in the file does not
 * matter. A trained policy records the fingerprint of the scenario it was trained on; a run on another
 * scenario (whose observation still fits) is told so.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const {
    run: _run,
    env: _env,
    name: _name,
    description: _description,
    $schema: _schema,
    ...plant
  } = scenario;
  return createHash('sha256').update(canonicalJson(plant)).digest('hex');
}

/** JSON with sorted keys; non-finite numbers as strings (`"Infinity"`), which JSON cannot carry. */
function canonicalJson(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : `"${value}"`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
