import { describe, expect, test } from 'vitest';
import {
  parseDuration,
  parseLength,
  parsePower,
  parseQuantity,
  parseSpeed,
  type QuantityKind,
  quantityPattern,
} from '../../src/scenario/index.js';

const valid: [QuantityKind, string, number][] = [
  ['duration', '250ms', 0.25],
  ['duration', '90s', 90],
  ['duration', '2.5min', 150],
  ['duration', '8h', 28_800],
  ['duration', '3d', 259_200],
  ['duration', '1.5 h', 5_400],
  ['duration', '0s', 0],
  ['duration', '.5s', 0.5],
  ['duration', '1e3s', 1_000],
  ['length', '12m', 12],
  ['length', '850mm', 0.85],
  ['length', '30cm', 0.3],
  ['speed', '1.2m/s', 1.2],
  ['speed', '30m/min', 0.5],
  ['speed', '3600 m/h', 1],
  ['power', '7.5kW', 7.5],
  ['power', '400W', 0.4],
  ['power', '2MW', 2_000],
];

const invalid: [QuantityKind, unknown][] = [
  ['duration', '5 parsecs'],
  ['duration', 90],
  ['duration', '90'],
  ['duration', '-5s'],
  ['duration', '5S'],
  ['duration', 's'],
  ['duration', ''],
  ['duration', null],
  ['duration', '1e400s'],
  ['length', '3m/s'],
  ['speed', '3m'],
  ['power', '3kw'],
];

describe('units', () => {
  test.each(valid)('a %s written "%s" is %f in SI', (kind, text, si) => {
    const r = parseQuantity(kind, text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(si, 12);
    expect(new RegExp(quantityPattern(kind)).test(text)).toBe(true);
  });

  test.each(
    invalid,
  )('a %s written %j is rejected with a message naming examples and the value', (kind, text) => {
    const r = parseQuantity(kind, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/expected a \w+ such as|too large/);
  });

  test('the message shows what was expected and what was got', () => {
    const r = parseQuantity('duration', '5 parsecs');
    expect(r).toEqual({
      ok: false,
      message: 'expected a duration such as "90s" or "2.5min" (units ms s min h d; got "5 parsecs")',
    });
  });

  test('a plain number is rejected for a duration because its unit is ambiguous', () => {
    const r = parseQuantity('duration', 90);
    expect(!r.ok && r.message).toContain('plain number 90, which has no unit');
  });

  test('the throwing parsers return SI values or throw RangeError', () => {
    expect(parseDuration('2h')).toBe(7_200);
    expect(parseLength('1km')).toBe(1_000);
    expect(parseSpeed('60m/min')).toBe(1);
    expect(parsePower('1500W')).toBe(1.5);
    expect(() => parseDuration('2 fortnights')).toThrow(RangeError);
  });
});
