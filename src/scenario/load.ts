import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { plainJson } from './_internal/plain-json.js';
import { lineOf } from './_internal/source-map.js';
import { parseOrdersCsv } from './orders-csv.js';
import { formatPath, type Problem } from './problem.js';
import { checkReferences } from './references.js';
import { type Order, OrderSchema, type Scenario, ScenarioSchema } from './schema.js';
import { scenarioWarnings } from './warnings.js';

/** Options of {@link loadScenario}. */
export interface LoadOptions {
  /** Name of the file, for messages (and to guess the format: `.json` means JSON). */
  readonly fileName: string;
  /** Source format; default from `fileName` (`.json` → JSON, otherwise YAML). */
  readonly format?: 'yaml' | 'json';
  /**
   * Reads a file named in the scenario (`ordersCsv`), resolving it relative to the scenario; throws
   * if it cannot. Without it, a scenario that names a file gets a problem ({@link loadScenarioFile}
   * provides one).
   */
  readonly readTextFile?: (path: string) => string;
  /**
   * Horizon the run will use, s, for the warnings that depend on it (a calendar never on within it);
   * default the scenario's `run.horizon`.
   */
  readonly horizonS?: number;
}

/**
 * Result of loading a scenario: the typed scenario and its warnings (valid but probably wrong, see
 * `scenarioWarnings`; path and line like problems), or every problem found.
 */
export type LoadResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly warnings: readonly Problem[];
      /** 1-based line of a path in the document (for warnings found later, e.g. by `runWarnings`). */
      readonly lineOf: (path: readonly PropertyKey[]) => number;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses and validates a scenario (YAML or JSON text) and reports **all** problems at once: syntax
 * errors, schema errors (unknown keys, wrong types, bad units), distribution parameters the kernel
 * rejects, and broken references (see `checkReferences`). Each problem has a path and a 1-based line.
 * Never throws. On success durations are seconds and distributions kernel `Distribution` objects;
 * orders from `ordersCsv` are read into the source's `orders`.
 */
export function loadScenario(text: string, options: LoadOptions): LoadResult {
  try {
    return load(text, options);
  } catch (error) {
    return internalError(error);
  }
}

function load(text: string, options: LoadOptions): LoadResult {
  const parsed = parse(text, options);
  return parsed.ok ? check(parsed.parsed, parsed.parsed.raw, options) : parsed;
}

/**
 * A scenario's text parsed once (YAML or JSON): its plain value before validation and the line of any
 * path in the text. Variants of one file (`--set` overrides of compare and sweep) are validated from a
 * changed copy of {@link ParsedScenario.raw} with {@link checkScenario}, without parsing the text again.
 */
export interface ParsedScenario {
  /** The document as plain data, before validation. Never change it: copy it for a variant. */
  readonly raw: unknown;
  /** 1-based line of a path in the text (the deepest part of the path that exists there). */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Result of {@link parseScenario}: the parsed text, or its syntax problems. */
export type ParseResult =
  | { readonly ok: true; readonly parsed: ParsedScenario }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses a scenario's text without validating it (syntax problems only, each with its line). Never
 * throws.
 */
export function parseScenario(text: string, options: Pick<LoadOptions, 'fileName' | 'format'>): ParseResult {
  try {
    return parse(text, options);
  } catch (error) {
    return internalError(error);
  }
}

/**
 * Validates a parsed scenario's value — {@link ParsedScenario.raw} or a changed copy of it — exactly as
 * {@link loadScenario} validates a file; problems and warnings carry the lines of the parsed text (a path
 * a variant added points at its nearest existing parent). Never throws.
 */
export function checkScenario(parsed: ParsedScenario, raw: unknown, options: LoadOptions): LoadResult {
  try {
    return check(parsed, raw, options);
  } catch (error) {
    return internalError(error);
  }
}

function internalError(error: unknown): { ok: false; problems: Problem[] } {
  // NOTE: a bug of ours, not of the file: still never a stack trace for the user.
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    problems: [{ message: `internal error while loading: ${message}`, path: '', line: 1 }],
  };
}

function parse(text: string, options: Pick<LoadOptions, 'fileName' | 'format'>): ParseResult {
  const format = options.format ?? (/\.json$/i.test(options.fileName) ? 'json' : 'yaml');
  if (format === 'json') {
    // A valid JSON file is read by JSON.parse; the YAML parse (for lines) waits until a line is asked for.
    const plain = plainJson(text);
    if (plain !== undefined) return { ok: true, parsed: { raw: plain.value, lineOf: linesOnDemand(text) } };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const syntax: Problem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0]!,
    path: '',
    line: counter.linePos(e.pos[0]).line,
  }));
  if (syntax.length === 0 && format === 'json') {
    const jsonProblem = jsonSyntaxProblem(text, counter);
    if (jsonProblem) syntax.push(jsonProblem);
  }
  if (syntax.length > 0) return { ok: false, problems: syntax };

  // toJS throws on what the parser lets through, e.g. an alias to an anchor that does not exist (`*x`):
  // that is a mistake in the file, reported with its line like any syntax error.
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const alias = /alias/i.test(message) ? firstAliasLine(doc, counter) : 1;
    return { ok: false, problems: [{ message, path: '', line: alias }] };
  }
  return { ok: true, parsed: { raw, lineOf: (path) => lineOf(doc, counter, path) } };
}

function check(source: ParsedScenario, value: unknown, options: LoadOptions): LoadResult {
  const problems: Problem[] = [];
  const at = source.lineOf;

  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) problems.push(...issuesToProblems(parsed.error.issues, value, at));
  for (const p of checkReferences(value))
    problems.push({ message: p.message, path: formatPath(p.path), line: at(p.path) });

  const csvOrders = readCsvOrders(value, options, at, problems);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: sortUnique(problems) };

  const scenario = parsed.data;
  for (const [index, orders] of csvOrders) {
    const source = scenario.sources[index];
    if (source) source.orders = orders;
  }
  const warnings = scenarioWarnings(scenario, { horizonS: options.horizonS, lineOf: at });
  return { ok: true, scenario, warnings, lineOf: at };
}

/** Turns zod issues into problems: one per unknown key, each at its own line. */
function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
  at: (path: readonly PropertyKey[]) => number,
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ message: `unknown key "${key}"`, path: formatPath(path), line: at(path) });
      }
    } else {
      const message = isMissing(value, issue.path) ? 'required, but missing' : issue.message;
      out.push({ message, path: formatPath(issue.path), line: at(issue.path) });
    }
  }
  return out;
}

/** Whether `path` names a key absent from an object that exists in the raw document. */
function isMissing(value: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return value === undefined;
  let node = value;
  for (const seg of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return isObj(node) && !Object.hasOwn(node, path[path.length - 1]!);
}

/** Reads the `ordersCsv` files of the raw document; returns the parsed orders by source index. */
function readCsvOrders(
  value: unknown,
  options: LoadOptions,
  at: (path: readonly PropertyKey[]) => number,
  problems: Problem[],
): Map<number, Order[]> {
  const result = new Map<number, Order[]>();
  const sources = isObj(value) && Array.isArray(value.sources) ? value.sources : [];
  const productIds = new Set(
    (isObj(value) && Array.isArray(value.products) ? value.products : [])
      .map((p: unknown) => (isObj(p) ? p.id : undefined))
      .filter((id): id is string => typeof id === 'string'),
  );
  sources.forEach((source: unknown, i: number) => {
    if (!isObj(source) || typeof source.ordersCsv !== 'string') return;
    const file = source.ordersCsv;
    const path = ['sources', i, 'ordersCsv'];
    const here = (message: string): void => {
      problems.push({ message, path: formatPath(path), line: at(path) });
    };
    if (!options.readTextFile) {
      here('cannot read files here: load the scenario with loadScenarioFile');
      return;
    }
    let text: string;
    try {
      text = options.readTextFile(file);
    } catch (error) {
      here(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const csv = parseOrdersCsv(text);
    if (!csv.ok) {
      problems.push({ message: csv.message, path: formatPath(path), line: csv.line, file });
      return;
    }
    const orders: Order[] = [];
    csv.rows.forEach((row, r) => {
      const rowPath = [...path, r];
      const parsed = OrderSchema.safeParse(row.fields);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({
            message: issue.message,
            path: formatPath([...rowPath, ...issue.path]),
            line: row.line,
            file,
          });
        return;
      }
      if (!productIds.has(parsed.data.product))
        problems.push({
          message: `unknown product "${parsed.data.product}"`,
          path: formatPath([...rowPath, 'product']),
          line: row.line,
          file,
        });
      else if (parsed.data.due !== undefined && parsed.data.due < parsed.data.release)
        problems.push({
          message: 'due is before release',
          path: formatPath([...rowPath, 'due']),
          line: row.line,
          file,
        });
      orders.push(parsed.data);
    });
    result.set(i, orders);
  });
  return result;
}

/** The lines of paths in `text`, which is parsed (as YAML) on the first question only. */
function linesOnDemand(text: string): (path: readonly PropertyKey[]) => number {
  let lines: ((path: readonly PropertyKey[]) => number) | undefined;
  return (path) => {
    if (lines === undefined) {
      const counter = new LineCounter();
      const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
      lines = (p) => lineOf(doc, counter, p);
    }
    return lines(path);
  };
}

/** JSON-only syntax (the YAML parser accepts a superset of JSON): a problem from `JSON.parse`. */
function jsonSyntaxProblem(text: string, counter: LineCounter): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? counter.linePos(Number(position[1])).line : 1;
    return {
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`,
      path: '',
      line,
    };
  }
}

function sortUnique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file ?? ''}|${p.path}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === undefined ? -1 : 1));
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line of the first alias node in the document (1 if none is found). */
function firstAliasLine(doc: Document, counter: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}
