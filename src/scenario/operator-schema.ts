import { z } from 'zod';
import { DurationDistribution } from './distribution-schema.js';
import { LIMITS } from './limits.js';
import { Speed } from './quantity-schema.js';
import { Id, Position, PositiveIntUpTo, Skill } from './schema-common.js';

/**
 * The parts of the scenario schema for people who walk to machines: the `travel` of crews and operator
 * pools, the `operators` section (operator pools) and a station's `operator` need.
 */

/** How a crew or an operator gets to a machine: a speed over the layout distance, or a time. */
export const Travel = z
  .strictObject({ speed: Speed.optional(), time: DurationDistribution.optional() })
  .check((ctx) => {
    if ((ctx.value.speed === undefined) === (ctx.value.time === undefined))
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: ctx.value,
        message: 'travel needs exactly one of speed, time',
      });
  });

/** The tasks an operator can do at a machine, in the order a part meets them. */
export const OPERATOR_TASK_NAMES = ['load', 'setup', 'process', 'unload'] as const;

const OperatorTask = z.enum(OPERATOR_TASK_NAMES, { error: 'expected load, setup, process or unload' });

/** One named operator of a pool, with her own skills, home and shift (each defaults to the pool's). */
const OperatorMember = z.strictObject({
  id: Id,
  skills: z.array(Skill).optional().meta({ description: "skills held (default: the pool's skills)" }),
  home: Position.optional().meta({ description: "where she starts (default: the pool's home)" }),
  shift: Id.optional().meta({ description: "id of a shift calendar (default: the pool's shift)" }),
});

/** `operators[i]`: a pool of machine operators that stations name in their `operator` need. */
export const OperatorPoolSchema = z
  .strictObject({
    id: Id,
    size: PositiveIntUpTo(LIMITS.crewSize, 'the size of an operator pool')
      .optional()
      .meta({ description: 'number of identical operators (default 1; or list them under members)' }),
    members: z
      .array(OperatorMember)
      .min(1, { error: 'at least one member' })
      .max(LIMITS.crewSize, { error: `at most ${LIMITS.crewSize.toLocaleString('en-US')} members` })
      .optional()
      .meta({ description: 'the operators by name, each with her own skills, home or shift' }),
    skills: z
      .array(Skill)
      .default([])
      .meta({ description: 'skills held; a station task with no skill fits anyone of the pool' }),
    travel: Travel.optional().meta({
      description:
        'walking: speed over the straight-line distance between layout positions, or a time (fixed or a distribution); default none',
    }),
    dispatch: z
      .enum(['fifo', 'nearest', 'priority'], { error: 'expected fifo, nearest or priority' })
      .default('fifo')
      .meta({
        description:
          'which waiting machine a free operator goes to: fifo (the part that came first), nearest, priority (station priority)',
      }),
    home: Position.optional(),
    shift: Id.optional().meta({ description: 'id of a shift calendar (default: always working)' }),
  })
  .check((ctx) => {
    if (ctx.value.size !== undefined && ctx.value.members !== undefined)
      ctx.issues.push({
        code: 'custom',
        continue: true,
        input: ctx.value,
        path: ['size'],
        message: 'give size or members, not both (the pool has one member per entry of members)',
      });
  });

const TaskSkills = z.strictObject({
  load: Skill.optional(),
  setup: Skill.optional(),
  process: Skill.optional(),
  unload: Skill.optional(),
});

/** `stations[i].operator`: the tasks at this station that need an operator of a pool. */
export const StationOperatorSchema = z
  .strictObject({
    pool: Id.meta({ description: 'id of an operator pool (operators section)' }),
    for: z
      .array(OperatorTask)
      .min(1, { error: 'name at least one task: load, setup, process or unload' })
      .meta({
        description:
          'tasks that need an operator: load, setup (at a product change), process (the whole processing time), unload',
      }),
    skill: z
      .union([Skill, TaskSkills], { error: 'expected a skill name, or one per task: { setup: setter }' })
      .optional()
      .meta({
        description: 'skill the operator needs, for every task or per task (default: anyone of the pool)',
      }),
    loadTime: DurationDistribution.optional().meta({ description: 'time to load a part; needed with load' }),
    unloadTime: DurationDistribution.optional().meta({
      description: 'time to unload a part; needed with unload',
    }),
  })
  .check((ctx) => {
    const v = ctx.value;
    const seen = new Set<string>();
    v.for.forEach((t, i) => {
      if (seen.has(t))
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: v,
          path: ['for', i],
          message: `${t} is listed twice`,
        });
      seen.add(t);
    });
    for (const [task, key] of [
      ['load', 'loadTime'],
      ['unload', 'unloadTime'],
    ] as const) {
      const has = v[key] !== undefined;
      if (seen.has(task) && !has)
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: v,
          path: ['for'],
          message: `an operator does the ${task}, so give ${key}`,
        });
      if (!seen.has(task) && has)
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: v,
          path: [key],
          message: `${key} is only used when for lists ${task}`,
        });
    }
    if (typeof v.skill === 'object')
      for (const t of Object.keys(v.skill))
        if (!seen.has(t))
          ctx.issues.push({
            code: 'custom',
            continue: true,
            input: v,
            path: ['skill', t],
            message: `a skill for ${t}, which for does not list`,
          });
  });
