/**
 * Quantities with units, as written in scenario files, converted to SI.
 *
 * A quantity is a non-negative decimal number followed by a unit, with optional spaces between them:
 * `250ms`, `90s`, `2.5min`, `1.5 h`, `3d`, `1e3s`. Plain numbers are rejected on purpose: `90` could be
 * seconds or minutes, and a wrong guess silently changes every result. Negative quantities are
 * rejected too (no duration, length, speed or power in a scenario is negative).
 *
 * | kind     | units                    | converted to |
 * | -------- | ------------------------ | ------------ |
 * | duration | `ms` `s` `min` `h` `d`   | seconds      |
 * | length   | `mm` `cm` `m` `km`       | metres       |
 * | speed    | `m/s` `m/min` `m/h`      | m/s          |
 * | power    | `W` `kW` `MW`            | kW           |
 */

/** The kinds of quantity a scenario file can hold. */
export type QuantityKind = 'duration' | 'length' | 'speed' | 'power';

/** Result of parsing a quantity: the SI value, or a message saying what was expected. */
export type QuantityResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

interface KindTable {
  /** Factor from each unit to the SI unit of the kind. */
  readonly units: Readonly<Record<string, number>>;
  /** Two examples for error messages. */
  readonly examples: readonly [string, string];
}

const TABLES: Readonly<Record<QuantityKind, KindTable>> = {
  duration: { units: { ms: 1e-3, s: 1, min: 60, h: 3600, d: 86_400 }, examples: ['90s', '2.5min'] },
  length: { units: { mm: 1e-3, cm: 1e-2, m: 1, km: 1e3 }, examples: ['12m', '850mm'] },
  speed: { units: { 'm/s': 1, 'm/min': 1 / 60, 'm/h': 1 / 3600 }, examples: ['1.2m/s', '30m/min'] },
  power: { units: { W: 1e-3, kW: 1, MW: 1e3 }, examples: ['7.5kW', '400W'] },
};

const QUANTITY = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*([A-Za-z/]+)$/;

/** The units accepted for `kind`, e.g. `['ms', 's', 'min', 'h', 'd']` for durations. */
export function unitsOf(kind: QuantityKind): readonly string[] {
  return Object.keys(TABLES[kind].units);
}

/**
 * A regular expression that matches exactly the strings {@link parseQuantity} accepts for `kind`
 * (used for the JSON Schema `pattern`, so editors flag bad units too).
 */
export function quantityPattern(kind: QuantityKind): string {
  const units = unitsOf(kind)
    .map((u) => u.replace('/', '\\/'))
    .join('|');
  return `^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*(${units})$`;
}

/** The message for a value that is not a quantity of `kind`. */
export function expectedQuantity(kind: QuantityKind, got: unknown): string {
  const [a, b] = TABLES[kind].examples;
  const shown = typeof got === 'string' ? JSON.stringify(got) : describe(got);
  return `expected a ${kind} such as "${a}" or "${b}" (units ${unitsOf(kind).join(' ')}; got ${shown})`;
}

/**
 * Parses a quantity of `kind` and converts it to SI (seconds, metres, m/s, kW). Never throws.
 * @example parseQuantity('duration', '2.5min') // { ok: true, value: 150 }
 */
export function parseQuantity(kind: QuantityKind, text: unknown): QuantityResult {
  if (typeof text !== 'string') return { ok: false, message: expectedQuantity(kind, text) };
  const match = QUANTITY.exec(text.trim());
  const table = TABLES[kind];
  const factor = match ? table.units[match[2]!] : undefined;
  if (!match || factor === undefined) return { ok: false, message: expectedQuantity(kind, text) };
  const numberText = text
    .trim()
    .slice(0, text.trim().length - match[2]!.length)
    .trim();
  const value = Number(numberText) * factor;
  if (!Number.isFinite(value)) return { ok: false, message: `${kind} ${JSON.stringify(text)} is too large` };
  return { ok: true, value };
}

/** Parses a duration (`250ms 90s 2.5min 8h 3d`) to seconds; throws `RangeError` with the message otherwise. */
export function parseDuration(text: string): number {
  return orThrow(parseQuantity('duration', text));
}

/** Parses a length (`850mm 12m`) to metres; throws `RangeError` otherwise. */
export function parseLength(text: string): number {
  return orThrow(parseQuantity('length', text));
}

/** Parses a speed (`1.2m/s 30m/min`) to m/s; throws `RangeError` otherwise. */
export function parseSpeed(text: string): number {
  return orThrow(parseQuantity('speed', text));
}

/** Parses a power (`400W 7.5kW`) to kW; throws `RangeError` otherwise. */
export function parsePower(text: string): number {
  return orThrow(parseQuantity('power', text));
}

function orThrow(result: QuantityResult): number {
  if (result.ok) return result.value;
  throw new RangeError(result.message);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `the plain number ${value}, which has no unit`;
  return `${typeof value} ${String(value)}`;
}
