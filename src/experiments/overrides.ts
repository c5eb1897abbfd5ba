import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, parseDocument } from 'yaml';
import {
  checkScenario,
  formatPath,
  type LoadResult,
  type ParseResult,
  type Problem,
  parseScenario,
  type Scenario,
} from '../scenario/index.js';

/**
 * Overrides of a scenario file: `path=value` settings (`buffers.b1.capacity=4`, `run.horizon=2d`,
 * `stations.press.dispatch=spt`). A path walks the document as written: a key of a mapping, and in a list
 * the element whose `id` is the segment (`stations.press`) or, for a list without ids, its index
 * (`stations.press.failures.0.ttr`). Values are YAML (`4`, `2min`, `{ rule: atc, k: 2 }`), so units
 * work as in the file. The changed document is validated by the scenario schema like a file.
 */

/** One override: a dotted path into the scenario document and the value to put there. */
export interface Override {
  /** As the user wrote it, e.g. `buffers.b1.capacity`. */
  readonly path: string;
  /** A YAML value (number, string with a unit, object…). */
  readonly value: unknown;
}

/** A bad override: names the setting and says why. */
export class OverrideError extends Error {
  readonly code = 'BAD_OVERRIDE';
  readonly fatal = true;
}

/**
 * Splits `path=value` at the first `=`; the value is parsed as YAML.
 * @param flag the flag that gave it, for messages (`--set`, `--alt`).
 */
export function parseOverride(text: string, flag = '--set'): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new OverrideError(`${flag} "${text}": expected path=value, e.g. buffers.b1.capacity=4`);
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (raw === '') throw new OverrideError(`${flag} "${text}": no value after "="`);
  return { path, value: parseValue(raw, text) };
}

/** A YAML scalar or flow value. */
export function parseValue(raw: string, context: string): unknown {
  try {
    return parse(raw);
  } catch (error) {
    throw new OverrideError(
      `--set "${context}": the value "${raw}" is not YAML (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Resolves a dotted path against the raw document into path segments (`buffers.b1.capacity` →
 * `['buffers', 0, 'capacity']`). The last key may be absent (a field left at its default); any other
 * segment must exist.
 * @throws OverrideError naming the path, the segment and what exists there.
 */
export function resolvePath(document: unknown, path: string): (string | number)[] {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new OverrideError(`--set ${path}: empty segment in the path`);
  const out: (string | number)[] = [];
  let node: unknown = document;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const here = out.length === 0 ? 'the top level' : formatPath(out);
    if (Array.isArray(node)) {
      const index = node.findIndex((el) => isObject(el) && el.id === seg);
      if (index >= 0) out.push(index);
      else if (/^\d+$/.test(seg) && Number(seg) < node.length) out.push(Number(seg));
      else {
        const ids = node
          .filter(isObject)
          .map((el) => el.id)
          .filter((id) => typeof id === 'string');
        const known = ids.length > 0 ? `ids: ${ids.join(', ')}` : `indices 0–${node.length - 1}`;
        throw new OverrideError(`--set ${path}: no element "${seg}" in ${here} (${known})`);
      }
      node = node[out[out.length - 1] as number];
    } else if (isObject(node)) {
      if (!Object.hasOwn(node, seg) && !last) {
        throw new OverrideError(
          `--set ${path}: unknown key "${seg}" at ${here} (keys: ${Object.keys(node).join(', ')})`,
        );
      }
      out.push(seg);
      node = node[seg];
    } else {
      throw new OverrideError(`--set ${path}: ${here} is a single value, it has no "${seg}"`);
    }
  }
  return out;
}

/** A scenario file's text, read once, and overrides applied to it. */
export interface ScenarioSource {
  /** The file name (for messages, and to resolve `ordersCsv`). */
  readonly file: string;
  readonly text: string;
}

/** Reads a scenario file for {@link loadWithOverrides}. @throws OverrideError when it cannot be read. */
export function readScenarioSource(file: string): ScenarioSource {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new OverrideError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Each source parsed once (its value is never changed: overrides go to a copy). */
const parsedSources = new WeakMap<ScenarioSource, ParseResult>();

function parsedOnce(source: ScenarioSource): ParseResult {
  let parsed = parsedSources.get(source);
  if (parsed === undefined) {
    parsed = parseScenario(source.text, { fileName: source.file });
    parsedSources.set(source, parsed);
  }
  return parsed;
}

/**
 * Applies overrides to a scenario's text and loads the result. Problems that lie at or under an
 * overridden path start with the setting (`--set buffers.b1.capacity=0: …`), so a bad value names
 * the setting that gave it; lines are those of the file.
 * @throws OverrideError for a path that does not resolve (unknown id, key or a value where a mapping is needed).
 */
export function loadWithOverrides(
  source: ScenarioSource,
  overrides: readonly Override[],
  options: { horizonS?: number } = {},
): LoadResult {
  // A sweep loads one source once per level and per point: parse it once, change a copy of its value.
  const parsed = parsedOnce(source);
  if (!parsed.ok) return parsed;
  const raw = overrides.length === 0 ? parsed.parsed.raw : copyPlain(parsed.parsed.raw);
  const resolved: { path: string; at: string; override: Override }[] = [];
  for (const o of overrides) {
    const segs = resolvePath(raw, o.path);
    setAt(raw, segs, copyPlain(o.value));
    resolved.push({ path: formatPath(segs), at: o.path, override: o });
  }
  const base = dirname(resolve(source.file));
  const loaded = checkScenario(parsed.parsed, raw, {
    fileName: source.file,
    horizonS: options.horizonS,
    readTextFile: (p) => readFileSync(resolve(base, p), 'utf8'),
  });
  if (loaded.ok) return loaded;
  const named = loaded.problems.map((p): Problem => {
    const hit = resolved.find(
      (r) => p.path === r.path || p.path.startsWith(`${r.path}.`) || p.path.startsWith(`${r.path}[`),
    );
    return hit === undefined
      ? p
      : { ...p, message: `--set ${hit.at}=${JSON.stringify(hit.override.value)}: ${p.message}` };
  });
  return { ok: false, problems: named };
}

/** A deep copy of plain data (objects, arrays, scalars) that shares nothing with the original. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copyPlain(value[key]);
    return out;
  }
  return value;
}

/** Puts `value` at resolved path `segs` of plain data (every segment but the last exists). */
function setAt(root: unknown, segs: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const seg of segs.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[segs[segs.length - 1]!] = value;
}

/** {@link loadWithOverrides} that throws the problems as one OverrideError (for callers that stop at once). */
export function scenarioWithOverrides(
  source: ScenarioSource,
  overrides: readonly Override[],
  options: { horizonS?: number } = {},
): Scenario {
  const loaded = loadWithOverrides(source, overrides, options);
  if (!loaded.ok) {
    const lines = loaded.problems.map(
      (p) => `✖ ${p.message} → at ${p.path === '' ? 'the document' : p.path} (line ${p.line})`,
    );
    throw new OverrideError(`${source.file}:\n${lines.join('\n')}`);
  }
  return loaded.scenario;
}

/** Decision kinds whose built-in rule `--policy kind=rule` sets everywhere in a scenario. */
export const POLICY_KINDS = ['dispatch', 'maintenance', 'crew', 'transport', 'routing', 'operator'] as const;
/** One of {@link POLICY_KINDS}. */
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * A built-in rule for every decision of a kind, as overrides: `dispatch=spt` sets every station's
 * `dispatch`, `maintenance=when-idle` every station's `maintenanceRule`, `crew=priority` every crew's
 * `dispatch`, `transport=nearest` every robot fleet's `dispatch`, `operator=nearest` every operator pool's
 * `dispatch`, `routing=fastest` the `choose` of every routing step with alternative stations. The scenario
 * schema then checks the rule's name.
 * @throws OverrideError for an unknown kind, a `kind=rule` without `=`, or a kind the scenario has nothing
 * of (no crews for `crew=…`: the rule would change nothing).
 */
export function policyOverrides(document: unknown, setting: string): Override[] {
  const eq = setting.indexOf('=');
  const kind = setting.slice(0, eq).trim();
  const rule = setting.slice(eq + 1).trim();
  if (eq <= 0 || rule === '')
    throw new OverrideError(`--policy "${setting}": expected kind=rule, e.g. dispatch=spt`);
  if (!(POLICY_KINDS as readonly string[]).includes(kind))
    throw new OverrideError(
      `--policy "${setting}": unknown decision kind "${kind}" (expected ${POLICY_KINDS.join(', ')})`,
    );
  if (isOnnxFile(rule))
    throw new OverrideError(
      `--policy "${setting}": a trained ONNX policy is not a scenario setting; give it as a compare alternative (see policySetting)`,
    );
  const value = parseValue(rule, setting);
  const doc = isObject(document) ? document : {};
  const list = (key: string): Record<string, unknown>[] =>
    Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter(isObject) : [];
  const each = (key: string, field: string) =>
    list(key).map((el, i) => ({ path: `${key}.${typeof el.id === 'string' ? el.id : i}.${field}`, value }));
  const overrides = kindOverrides(kind as PolicyKind, list, each, value);
  if (overrides.length === 0)
    throw new OverrideError(
      `--policy "${setting}": the scenario has no ${kind} decisions, so this would change nothing`,
    );
  return overrides;
}

function kindOverrides(
  kind: PolicyKind,
  list: (key: string) => Record<string, unknown>[],
  each: (key: string, field: string) => Override[],
  value: unknown,
): Override[] {
  switch (kind) {
    case 'dispatch':
      return each('stations', 'dispatch');
    case 'maintenance':
      return each('stations', 'maintenanceRule');
    case 'crew':
      return each('crews', 'dispatch');
    case 'transport':
      return each('robots', 'dispatch');
    case 'operator':
      return each('operators', 'dispatch');
    case 'routing':
      return list('products').flatMap((p, i) =>
        (Array.isArray(p.routing) ? (p.routing as unknown[]) : []).flatMap((step, s) =>
          isObject(step) && Array.isArray(step.station)
            ? [{ path: `products.${typeof p.id === 'string' ? p.id : i}.routing.${s}.choose`, value }]
            : [],
        ),
      );
  }
}

function isOnnxFile(rule: string): boolean {
  return /\.onnx$/i.test(rule);
}

/** What one `kind=rule` or `kind=file.onnx` setting does to an alternative. */
export interface PolicySetting {
  /** Scenario overrides (a built-in rule). */
  readonly overrides: Override[];
  /**
   * `kind=file.onnx` texts for the simulator's policy loader (`loadPolicies` of src/rl): a trained policy
   * takes those decisions while the replication runs.
   */
  readonly policies: string[];
}

/**
 * {@link policyOverrides}, and a trained policy too: `dispatch=policy.onnx` (a path ending in `.onnx`,
 * relative to the working directory) becomes a policy text, checked and loaded before anything runs.
 * @throws OverrideError for an unknown kind or a `kind=rule` without `=`.
 */
export function policySetting(document: unknown, setting: string): PolicySetting {
  const eq = setting.indexOf('=');
  const kind = setting.slice(0, eq).trim();
  const rule = setting.slice(eq + 1).trim();
  if (eq > 0 && isOnnxFile(rule)) {
    if (!(POLICY_KINDS as readonly string[]).includes(kind))
      throw new OverrideError(
        `--policy "${setting}": unknown decision kind "${kind}" (expected ${POLICY_KINDS.join(', ')})`,
      );
    return { overrides: [], policies: [`${kind}=${rule}`] };
  }
  return { overrides: policyOverrides(document, setting), policies: [] };
}

/** The raw document of a source (plain data), for resolving policy settings. */
export function rawDocument(source: ScenarioSource): unknown {
  const parsed = parsedOnce(source);
  return parsed.ok ? parsed.parsed.raw : parseDocument(source.text).toJS();
}

/** A load's problems, one line each (`✖ message → at path (line n)`), for an error message. */
export function problemLines(problems: readonly Problem[]): string {
  return problems.map((p) => `✖ ${p.message} → at ${p.path || 'the document'} (line ${p.line})`).join('\n');
}
