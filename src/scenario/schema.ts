import { z } from 'zod';
import { DISPATCH_RULE_NAMES, type DispatchRuleName } from '../policies/index.js';
import { DurationDistribution } from './distribution-schema.js';
import { EnvSchema } from './env-schema.js';
import { LIMITS } from './limits.js';
import { OperatorPoolSchema, StationOperatorSchema, Travel } from './operator-schema.js';
import { ProductSchema } from './product-schema.js';
import { Duration, Length, PositiveDuration, Power, Speed } from './quantity-schema.js';
import {
  CalendarDate,
  Id,
  LocalDateTime,
  NonNegativeInt,
  Position,
  PositiveInt,
  PositiveIntUpTo,
  Size,
  Skill,
} from './schema-common.js';

export { BRANCH_TO_SINK, branchStep, ProductSchema, ROUTING_RULE_NAMES } from './product-schema.js';
export { Id } from './schema-common.js';

/**
 * The scenario schema: one zod source for validation, the parsed {@link Scenario} type and the JSON
 * Schema for editors. Every object is strict (an unknown key is an error: it is usually a typo).
 * After parsing, durations are seconds, lengths metres, speeds m/s, powers kW, and distributions
 * are kernel `Distribution` objects sampling seconds.
 *
 * Material handling (conveyors, robots), setups, batches, assembly, shifts, inspection and energy are all
 * optional additions: a file without them means what it always meant.
 */

/** `run`: horizon, warm-up, replications, master seed and the calendar start. */
export const RunSchema = z.strictObject({
  horizon: PositiveDuration.refine((h) => h <= LIMITS.horizonS, {
    error: 'must be at most 100 years (the limit for a horizon)',
  }).meta({ description: 'simulated time per replication, e.g. 30d (at most 100 years)' }),
  warmup: Duration.default(0).meta({ description: 'statistics discarded before this time (< horizon)' }),
  replications: PositiveIntUpTo(LIMITS.replications, 'replications').default(1),
  seed: NonNegativeInt.default(1).meta({ description: 'master seed; replication i uses seed + i' }),
  start: LocalDateTime.optional().meta({
    description:
      'calendar date and time of simulated time 0, e.g. 2026-12-01T06:00 (no time zone; default: time 0 is a Monday 00:00 of no date); needed for holidays and exceptions',
  }),
});

const MixEntry = z.strictObject({ product: Id, weight: z.number().positive({ error: 'must be > 0' }) });

const Order = z.strictObject({
  release: Duration.meta({ description: 'release time from the start of the run' }),
  product: Id,
  quantity: PositiveIntUpTo(LIMITS.orderQuantity, 'the quantity of an order').default(1),
  due: Duration.optional().meta({ description: 'due time from the start of the run' }),
});

/** Raw order row, also used for the rows of an orders CSV file. */
export const OrderSchema = Order;

const SOURCE_KINDS = ['interarrival', 'orders', 'ordersCsv', 'conwip'] as const;

/**
 * `sources[i]`: exactly one of `interarrival` (+ `quantity` limit), `orders` (inline),
 * `ordersCsv` (a CSV file with header `release,product,quantity,due`, path relative to the scenario)
 * or `conwip` (constant WIP: a new part is released when one leaves). `interarrival` and `conwip`
 * release `product`, or draw from `mix`.
 */
export const SourceSchema = z
  .strictObject({
    id: Id,
    product: Id.optional(),
    mix: z.array(MixEntry).min(1).optional().meta({ description: 'product mix, drawn by weight' }),
    interarrival: DurationDistribution.optional(),
    quantity: PositiveIntUpTo(LIMITS.sourceQuantity, 'the quantity of a source')
      .optional()
      .meta({ description: 'stop after releasing this many parts' }),
    orders: z.array(Order).optional(),
    ordersCsv: z.string().min(1).optional(),
    conwip: z.strictObject({ wip: PositiveIntUpTo(LIMITS.conwipWip, 'a CONWIP wip') }).optional(),
    shift: Id.optional().meta({
      description:
        'interarrival sources: id of a shift calendar; off shift the interarrival clock pauses, so no part arrives (default: always)',
    }),
  })
  .check((ctx) => {
    const s = ctx.value;
    if (s.shift !== undefined && s.interarrival === undefined)
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s.shift,
        path: ['shift'],
        message: 'shift applies to interarrival sources only',
      });
    const kinds = SOURCE_KINDS.filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s,
        message:
          kinds.length === 0
            ? 'a source needs one of interarrival, orders, ordersCsv, conwip'
            : `a source has exactly one of interarrival, orders, ordersCsv, conwip (got ${kinds.join(', ')})`,
      });
      return;
    }
    const byProduct = kinds[0] === 'interarrival' || kinds[0] === 'conwip';
    if (byProduct && (s.product === undefined) === (s.mix === undefined)) {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s,
        message: `a ${kinds[0]} source needs exactly one of product, mix`,
      });
    }
    if (!byProduct && (s.product !== undefined || s.mix !== undefined)) {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s,
        path: [s.product !== undefined ? 'product' : 'mix'],
        message: 'orders name their own product: remove this key',
      });
    }
    // Draws that are always 0 (a constant 0s, empirical values all 0s) would release unboundedly many
    // parts at one instant: the clock would never move.
    if (s.interarrival !== undefined && !(s.interarrival.mean > 0)) {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s,
        path: ['interarrival'],
        message:
          'an interarrival time that is always 0 would release unboundedly many parts at one instant; ' +
          'to release parts together, give orders (e.g. { release: 0s, product: A, quantity: 20 })',
      });
    }
    if (s.quantity !== undefined && kinds[0] !== 'interarrival') {
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: s,
        path: ['quantity'],
        message: 'quantity applies to interarrival sources only',
      });
    }
  });

/** `buffers[i]`: a queue in front of a station; a finite one blocks the upstream machine when full. */
export const BufferSchema = z.strictObject({
  id: Id,
  capacity: z
    .union([PositiveIntUpTo(LIMITS.bufferCapacity, 'a buffer capacity'), z.literal('infinite')], {
      error: (issue) =>
        typeof issue.input === 'number' &&
        Number.isInteger(issue.input) &&
        issue.input > LIMITS.bufferCapacity
          ? `must be at most ${LIMITS.bufferCapacity.toLocaleString('en-US')} (the limit for a buffer capacity), or "infinite"`
          : 'expected an integer >= 1 or "infinite"',
    })
    .default('infinite')
    .transform((c) => (c === 'infinite' ? Number.POSITIVE_INFINITY : c)),
  discipline: z.enum(['fifo', 'lifo'], { error: 'expected fifo or lifo' }).default('fifo').meta({
    description: 'which part the station serves first among equals: the oldest (fifo) or the newest (lifo)',
  }),
});

const Basis = z.enum(['calendar', 'operating'], { error: 'expected calendar or operating' });

/**
 * A failure mode. `basis`: `calendar` (time to failure runs always), `operating` (only time spent
 * processing counts) or `cycles` (fails every `cycles` parts). The part in process waits and resumes
 * with its remaining time after repair (`onFailure: resume`, the only choice today).
 */
export const FailureSchema = z
  .strictObject({
    name: Id,
    basis: z.enum(['calendar', 'operating', 'cycles'], { error: 'expected calendar, operating or cycles' }),
    ttf: DurationDistribution.optional().meta({ description: 'time to failure (basis calendar/operating)' }),
    cycles: PositiveInt.optional().meta({ description: 'parts between failures (basis cycles)' }),
    ttr: DurationDistribution.meta({ description: 'time to repair, once a crew is there' }),
    skill: Skill.optional(),
    onFailure: z.enum(['resume']).default('resume'),
  })
  .check((ctx) => {
    const f = ctx.value;
    if (f.basis === 'cycles') {
      if (f.cycles === undefined)
        ctx.issues.push({ code: 'custom', continue: true, input: f, message: 'basis cycles needs cycles' });
      if (f.ttf !== undefined)
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: f,
          path: ['ttf'],
          message: 'basis cycles takes cycles, not ttf',
        });
    } else {
      if (f.ttf === undefined)
        ctx.issues.push({ code: 'custom', continue: true, input: f, message: `basis ${f.basis} needs ttf` });
      if (f.cycles !== undefined)
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: f,
          path: ['cycles'],
          message: `basis ${f.basis} takes ttf, not cycles`,
        });
    }
  });

/** A preventive-maintenance plan: every `interval` of calendar or operating time, for `duration`. */
export const PreventiveSchema = z.strictObject({
  name: Id.optional(),
  interval: PositiveDuration,
  basis: Basis.default('calendar'),
  duration: DurationDistribution,
  skill: Skill.optional(),
  postpone: PositiveDuration.optional().meta({
    description:
      'when the maintenance rule postpones a due maintenance, how long until it asks again (default interval / 10)',
  }),
});

/** Power drawn per state class (see `PowerSpec`): kW or W. */
const Energy = z
  .strictObject({
    busy: Power.optional(),
    idle: Power.optional(),
    setup: Power.optional(),
    down: Power.optional(),
    off: Power.optional(),
  })
  .meta({ description: 'power per state, e.g. { busy: 15kW, idle: 2kW }; unlisted states draw 0' });

const Probability = z
  .number({ error: 'expected a probability (a number in [0, 1])' })
  .min(0, { error: 'must be in [0, 1]' })
  .max(1, { error: 'must be in [0, 1]' });

/** An inline inspection after processing at a station. */
export const InspectionSchema = z.strictObject({
  defect: z
    .union([Probability, z.record(Id, Probability)], {
      error: 'expected a probability, or one per product: { A: 0.02, B: 0.05 }',
    })
    .meta({ description: 'probability a part is defective: one number, or one per product' }),
  risePerHour: z
    .number()
    .min(0, { error: 'must be >= 0' })
    .default(0)
    .meta({ description: 'added to the probability per hour since the last preventive maintenance' }),
  onDefect: z
    .union([z.literal('scrap'), z.strictObject({ rework: Id, maxReworks: NonNegativeInt.default(1) })], {
      error: 'expected scrap or { rework: <station>, maxReworks: 1 }',
    })
    .default('scrap')
    .meta({ description: 'scrap, or rework at an earlier station of the routing (then scrap)' }),
});

const Batch = z.strictObject({
  size: PositiveIntUpTo(LIMITS.batchSize, 'a batch size').meta({ description: 'parts processed at once' }),
  maxWait: Duration.optional().meta({
    description: 'start a partial batch once its oldest part has waited this long (default: wait for full)',
  }),
});

const Assembly = z.strictObject({
  output: Id.meta({ description: 'product made; its routing visits this station first' }),
  inputs: z
    .record(Id, PositiveIntUpTo(LIMITS.assemblyInput, 'an assembly input'))
    .meta({ description: 'bill of materials: parts of each product per output, e.g. { body: 1, wheel: 4 }' }),
});

/** Largest `maxRun` of a campaign rule, starts: far above any real campaign. */
const MAX_CAMPAIGN_RUN = 1_000_000;

const DispatchRule = z.enum(DISPATCH_RULE_NAMES, {
  error: `expected a dispatch rule: ${DISPATCH_RULE_NAMES.join(', ')}`,
});

/**
 * A station's dispatch rule: its name (`spt`), or an object with the name and the rule's parameters
 * (`{ rule: atc, k: 3 }`; only `atc` has one).
 */
const Dispatch = z
  .union(
    [
      DispatchRule,
      z
        .strictObject({
          rule: DispatchRule,
          k: z
            .number({ error: 'expected a number' })
            .positive({ error: 'must be > 0' })
            .optional()
            .meta({ description: 'atc only: look-ahead in mean process times (default 2)' }),
          // A number refined to an integer (not z.int()), so a fraction is reported at maxRun, not at the union.
          maxRun: z
            .number({ error: 'expected an integer' })
            .refine(Number.isInteger, { error: 'must be an integer >= 1' })
            .refine((n) => n >= 1, { error: 'must be an integer >= 1' })
            .refine((n) => n <= MAX_CAMPAIGN_RUN, { error: `must be at most ${MAX_CAMPAIGN_RUN}` })
            .optional()
            .meta({
              description: 'campaign only: longest run of one product on a server, in starts (default 10)',
            }),
        })
        .check((ctx) => {
          if (ctx.value.k !== undefined && ctx.value.rule !== 'atc')
            ctx.issues.push({
              code: 'custom',
              continue: true,
              input: ctx.value.k,
              path: ['k'],
              message: `k is a parameter of atc only (not ${ctx.value.rule})`,
            });
          if (ctx.value.maxRun !== undefined && ctx.value.rule !== 'campaign')
            ctx.issues.push({
              code: 'custom',
              continue: true,
              input: ctx.value.maxRun,
              path: ['maxRun'],
              message: `maxRun is a parameter of campaign only (not ${ctx.value.rule})`,
            });
        }),
    ],
    {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `expected a dispatch rule: ${DISPATCH_RULE_NAMES.join(', ')} (got ${JSON.stringify(issue.input)})`
          : 'expected a dispatch rule name, or { rule: atc, k: 3 }, or { rule: campaign, maxRun: 20 }',
    },
  )
  .default('fifo')
  .meta({
    description:
      'rule choosing the waiting part a free server takes: a name, or { rule: atc, k: 3 }, or { rule: campaign, maxRun: 20 }',
  });

/** A dispatch rule of a parsed {@link Station}: its name and, for `atc`, its `k`. */
export interface DispatchRuleSpec {
  readonly rule: DispatchRuleName;
  /** `atc` only: look-ahead (dimensionless, > 0); absent for the rule's default. */
  readonly k?: number;
  /** `campaign` only: longest run of one product on a server, starts (integer ≥ 1); absent for 10. */
  readonly maxRun?: number;
}

/** A key of a setup table: a product id, or `'*'` for any product. */
const SetupKey = z.union([z.literal('*'), Id], {
  error: (iss) => `expected a product id or '*' (got ${JSON.stringify(iss.input)})`,
});

/** `stations[i]`: a machine group with parallel servers and a queue in front. */
const StationObject = z.strictObject({
  id: Id,
  servers: PositiveIntUpTo(LIMITS.servers, 'servers of a station').default(1),
  input: Id.optional().meta({ description: 'id of the input buffer (default: an infinite FIFO queue)' }),
  dispatch: Dispatch,
  priority: z.int().default(0).meta({ description: 'for crew dispatch by priority: higher first' }),
  maintenanceRule: z.enum(['now', 'when-idle'], { error: 'expected now or when-idle' }).default('now').meta({
    description:
      'when a preventive maintenance falls due: do it now, or postpone it while parts wait (when-idle, at most 3 times)',
  }),
  position: Position.optional(),
  size: Size.optional(),
  failures: z.array(FailureSchema).default([]),
  preventive: z.array(PreventiveSchema).default([]),
  setups: z.record(SetupKey, z.record(SetupKey, DurationDistribution)).optional().meta({
    description:
      "sequence-dependent setup times, from product → to product: { A: { B: 5min } }; '*' is any product ('*': { A: 5min }, A: { '*': 3min }, '*': { '*': 2min }); the most specific entry wins: exact pair, then '*' → to, then from → '*', then '*' → '*'; a product after itself never needs one",
  }),
  batch: Batch.optional(),
  assembly: Assembly.optional(),
  inspection: InspectionSchema.optional(),
  shift: Id.optional().meta({ description: 'id of a shift calendar (default: always working)' }),
  atShiftEnd: z
    .enum(['finish', 'stop'], { error: 'expected finish or stop' })
    .default('finish')
    .meta({ description: 'finish the part in process, or stop and resume it next shift' }),
  tendedBy: Id.optional().meta({ description: 'robot fleet that loads and unloads it (a robot cell)' }),
  operator: StationOperatorSchema.optional(),
  energy: Energy.optional(),
});

/**
 * `stations[i]`, parsed. `dispatch` is the rule's name; `dispatchSpec` the whole spec (name and
 * parameters), which `dispatchPolicy(spec, uniform)` of src/policies turns into the policy.
 */
export const StationSchema = StationObject.transform(({ dispatch, ...station }) => {
  const dispatchSpec: DispatchRuleSpec =
    typeof dispatch === 'string'
      ? { rule: dispatch }
      : {
          rule: dispatch.rule,
          ...(dispatch.k === undefined ? {} : { k: dispatch.k }),
          ...(dispatch.maxRun === undefined ? {} : { maxRun: dispatch.maxRun }),
        };
  return { ...station, dispatch: dispatchSpec.rule, dispatchSpec };
});

const TimeOfDay = z
  .string({ error: 'expected a time of day such as "06:00"' })
  .regex(/^([01]?\d|2[0-4]):[0-5]\d$/, { error: 'expected a time of day hh:mm, 00:00 to 24:00' })
  .transform((t) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    return h * 3600 + m * 60;
  })
  .refine((s) => s <= 86_400, { error: 'a time of day is at most 24:00' });

const Day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], {
  error: 'expected a day: mon tue wed thu fri sat sun',
});

/**
 * `shifts[i]`: a named weekly working-time calendar, with holidays and exceptions. Simulated time 0 is `run.start`, or a
 * Monday 00:00 without it.
 */
export const ShiftCalendarSchema = z.strictObject({
  id: Id,
  shifts: z
    .array(
      z.strictObject({
        days: z.array(Day).min(1, { error: 'name at least one day' }),
        start: TimeOfDay.refine((t) => t < 86_400, { error: 'a shift starts before 24:00' }),
        end: TimeOfDay.transform((t) => (t === 0 ? 86_400 : t)).meta({
          description: 'an end at or before the start runs past midnight; 00:00 and 24:00 both mean midnight',
        }),
      }),
    )
    .min(1, { error: 'a calendar needs at least one shift' }),
  exceptions: z
    .array(
      z.strictObject({
        date: CalendarDate,
        start: TimeOfDay.refine((t) => t < 86_400, { error: 'an exception starts before 24:00' }),
        end: TimeOfDay.transform((t) => (t === 0 ? 86_400 : t)).meta({
          description: 'an end at or before the start runs past midnight into the next day',
        }),
      }),
    )
    .default([])
    .meta({
      description:
        "extra working time on a date, whatever the shifts and holidays say (overtime): [{ date: 2026-12-19, start: '06:00', end: '14:00' }]; needs run.start",
    }),
  holidays: z.array(CalendarDate).default([]).meta({
    description:
      'dates with no working time at all, 00:00 to 24:00 (a night shift running into one stops at midnight); needs run.start',
  }),
});

/** `conveyors[i]`: a belt between two stations (or a source and a station); routing steps use it with `via`. */
export const ConveyorSchema = z
  .strictObject({
    id: Id,
    from: Id.optional().meta({ description: 'station (or source) at its head, for the layout' }),
    to: Id.meta({ description: 'station it feeds' }),
    length: Length.refine((v) => v > 0, { error: 'must be > 0' }),
    speed: Speed,
    spacing: Length.refine((v) => v > 0, { error: 'must be > 0' }).meta({
      description: 'distance between items; capacity = floor(length / spacing)',
    }),
    accumulating: z.boolean({ error: 'expected true or false' }).default(true).meta({
      description: 'true: items queue behind a stopped head; false: the whole belt stops',
    }),
    energy: Energy.optional(),
  })
  .check((ctx) => {
    const c = ctx.value;
    if (c.spacing > c.length)
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: c,
        path: ['spacing'],
        message: `spacing (${c.spacing} m) must not exceed the length (${c.length} m): the belt could hold no item`,
      });
  });

/** `robots[i]`: a fleet of identical robots moving parts between stations and/or tending machines. */
export const RobotFleetSchema = z.strictObject({
  id: Id,
  count: PositiveIntUpTo(LIMITS.robotCount, 'robots in a fleet').default(1),
  speedEmpty: Speed,
  speedLoaded: Speed,
  pick: DurationDistribution.meta({ description: 'time to pick a part up' }),
  place: DurationDistribution.meta({ description: 'time to put a part down' }),
  park: Position.optional().meta({ description: 'home position of the robots' }),
  returnHome: z
    .boolean()
    .default(false)
    .meta({ description: 'an idle robot goes back to its park position' }),
  dispatch: z
    .enum(['fifo', 'nearest'], { error: 'expected fifo or nearest' })
    .default('fifo')
    .meta({ description: 'fifo: oldest request, first idle robot; nearest: the idle robot closest to it' }),
  energy: Energy.optional(),
});

/** `crews[i]`: maintenance technicians who repair failures and do preventive maintenance. */
export const CrewSchema = z.strictObject({
  id: Id,
  size: PositiveIntUpTo(LIMITS.crewSize, 'the size of a crew').default(1),
  skills: z.array(Skill).default([]).meta({ description: 'skills held; a job with no skill fits any crew' }),
  travel: Travel.optional().meta({
    description:
      'speed over the straight-line distance between layout positions, or a fixed travel time; default none',
  }),
  dispatch: z.enum(['fifo', 'priority'], { error: 'expected fifo or priority' }).default('fifo'),
  home: Position.optional(),
  shift: Id.optional().meta({ description: 'id of a shift calendar (default: always working)' }),
});

/** `sinks[i]`: where finished parts leave the system. */
export const SinkSchema = z.strictObject({ id: Id });

/** The whole scenario document. */
export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema of this file, for editors' }),
    name: z.string().optional(),
    description: z.string().optional(),
    run: RunSchema,
    products: z.array(ProductSchema).min(1, { error: 'at least one product is needed' }),
    sources: z.array(SourceSchema).min(1, { error: 'at least one source is needed' }),
    buffers: z.array(BufferSchema).default([]),
    stations: z.array(StationSchema).min(1, { error: 'at least one station is needed' }),
    crews: z.array(CrewSchema).default([]),
    operators: z.array(OperatorPoolSchema).default([]),
    sinks: z.array(SinkSchema).min(1, { error: 'at least one sink is needed' }),
    conveyors: z.array(ConveyorSchema).default([]),
    robots: z.array(RobotFleetSchema).default([]),
    shifts: z.array(ShiftCalendarSchema).default([]),
    env: EnvSchema.optional(),
  })
  .meta({ title: 'shopfloor scenario' });

/**
 * A validated scenario. Durations are seconds, lengths metres, speeds m/s; distributions are kernel
 * `Distribution` objects sampling seconds; defaults are filled in; a buffer's `capacity` is a number
 * (`Infinity` for "infinite"). Every reference (station, product, buffer, sink, skill) resolves.
 */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A product of a {@link Scenario}. */
export type Product = Scenario['products'][number];
/** A source of a {@link Scenario}. */
export type Source = Scenario['sources'][number];
/** A buffer of a {@link Scenario}. */
export type BufferSpec = Scenario['buffers'][number];
/** A station of a {@link Scenario}. */
export type Station = Scenario['stations'][number];
/** A failure mode of a {@link Station}. */
export type FailureMode = Station['failures'][number];
/** A preventive plan of a {@link Station}. */
export type PreventivePlan = Station['preventive'][number];
/** A conveyor of a {@link Scenario}. */
export type ConveyorSpec = Scenario['conveyors'][number];
/** A robot fleet of a {@link Scenario}. */
export type RobotFleetSpec = Scenario['robots'][number];
/** A shift calendar of a {@link Scenario}. */
export type ShiftCalendarSpec = Scenario['shifts'][number];
/** An operator pool of a {@link Scenario}. */
export type OperatorPoolSpec = Scenario['operators'][number];
/** A crew of a {@link Scenario}. */
export type Crew = Scenario['crews'][number];
/** An order (inline or from CSV) of a {@link Source}. */
export type Order = z.output<typeof Order>;
