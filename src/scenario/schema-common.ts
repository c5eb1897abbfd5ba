import { z } from 'zod';
import { LIMITS } from './limits.js';
import { Coordinate, Length } from './quantity-schema.js';

/**
 * Building blocks shared by the parts of the scenario schema (ids, counts, positions, dates).
 */

/** An element id: letters, digits, `_ . -`, starting with a letter or `_` (no `/`: ids name random streams). */
export const Id = z.string({ error: 'expected an id (a string)' }).regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, {
  error: (iss) =>
    `an id starts with a letter or _ and holds only letters, digits, _ . - (got ${JSON.stringify(iss.input)})`,
});

export const PositiveInt = z
  .int({ error: 'expected an integer' })
  .min(1, { error: 'must be an integer >= 1' });
/** An integer in [1, max]: `max` is one of the documented {@link LIMITS}, named by `what` in the message. */
export const PositiveIntUpTo = (max: number, what: string) =>
  PositiveInt.max(max, { error: `must be at most ${max.toLocaleString('en-US')} (the limit for ${what})` });
export const NonNegativeInt = z.int({ error: 'expected an integer' }).min(0, { error: 'must be >= 0' });
export const Skill = z.string({ error: 'expected a skill name' }).min(1);

/** A point on the floor plan, in metres. */
export const Position = z
  .strictObject({ x: Coordinate, y: Coordinate })
  .meta({ description: 'floor position, e.g. { x: 12m, y: 3m }' });

/** Footprint of a station on the floor plan, in metres. */
export const Size = z.strictObject({ width: Length, depth: Length, height: Length.optional() });

/** A real calendar date `yyyy-mm-dd` (checked: 2026-02-30 is rejected). */
export const CalendarDate = z.iso.date({ error: 'expected a date yyyy-mm-dd, e.g. 2026-12-25' });

/** A local date and time `yyyy-mm-ddThh:mm[:ss]`, no time zone. */
export const LocalDateTime = z.iso.datetime({
  local: true,
  offset: false,
  error: 'expected a local date and time yyyy-mm-ddThh:mm, e.g. 2026-12-01T06:00 (no time zone)',
});
