import { z } from 'zod';
import { expectedQuantity, parseQuantity, type QuantityKind, quantityPattern } from './units.js';

/**
 * A zod schema for a quantity with units (see `units.ts`): a string in the file, a number in SI after
 * parsing. The JSON Schema carries the same pattern so editors flag a bad unit while typing.
 */
export function quantitySchema(kind: QuantityKind, description: string) {
  const message = (issue: { input?: unknown }) => expectedQuantity(kind, issue.input);
  return z
    .string({ error: message })
    .regex(new RegExp(quantityPattern(kind)), { error: message })
    .transform((text, ctx) => {
      const result = parseQuantity(kind, text);
      if (result.ok) return result.value;
      ctx.issues.push({ code: 'custom', message: result.message, input: text });
      return z.NEVER;
    })
    .meta({ description });
}

/** A duration (`250ms 90s 2.5min 8h 3d`) → seconds, ≥ 0. */
export const Duration = quantitySchema('duration', 'a duration with unit: 250ms, 90s, 2.5min, 8h, 3d');

/** A duration → seconds, > 0. */
export const PositiveDuration = Duration.refine((s) => s > 0, { error: 'must be > 0' });

/** A length (`850mm`, `12m`) → metres. */
export const Length = quantitySchema('length', 'a length with unit: 850mm, 12m');

/** A speed (`1.2m/s`, `30m/min`) → m/s, > 0. */
export const Speed = quantitySchema('speed', 'a speed with unit: 1.2m/s, 30m/min').refine((v) => v > 0, {
  error: 'must be > 0',
});

/** A power (`400W`, `7.5kW`) → kW. */
export const Power = quantitySchema('power', 'a power with unit: 400W, 7.5kW');

/** A floor coordinate (`-5m`, `12m`) → metres: a length that may be negative (left of or below the origin). */
export const Coordinate = z
  .string({ error: (issue) => expectedQuantity('length', issue.input) })
  .regex(new RegExp(`^-?${quantityPattern('length').slice(1)}`), {
    error: (issue) => `expected a coordinate such as "12m" or "-5m" (got ${JSON.stringify(issue.input)})`,
  })
  .transform((text, ctx) => {
    const negative = text.startsWith('-');
    const result = parseQuantity('length', negative ? text.slice(1) : text);
    if (result.ok) return negative ? -result.value : result.value;
    ctx.issues.push({ code: 'custom', message: result.message, input: text });
    return z.NEVER;
  })
  .meta({ description: 'a coordinate with unit, may be negative: -5m, 12m, 850mm' });
