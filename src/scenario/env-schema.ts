import { z } from 'zod';
import type { DecisionKind } from '../policies/contract.js';
import { DECISION_KINDS } from '../policies/decision-kinds.js';

/** The built-in rewards of the RL environment (see `src/rl/reward.ts`). */
export const REWARD_NAMES = ['makespan', 'tardiness', 'throughput', 'cost'] as const;

const PositiveInt = z.int({ error: 'expected an integer' }).min(1, { error: 'must be an integer >= 1' });

/**
 * `env`: defaults of the reinforcement-learning environment built on this scenario (`ShopfloorEnv`);
 * options given to the environment's constructor take precedence. Strict, like every scenario object.
 */
export const EnvSchema = z
  .strictObject({
    agent: z
      .array(
        z.enum(DECISION_KINDS as readonly [DecisionKind, ...DecisionKind[]], {
          error: `expected one of ${DECISION_KINDS.join(', ')}`,
        }),
      )
      .min(1, { error: 'name at least one decision kind' })
      .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'a decision kind is listed twice' })
      .meta({
        description: 'decision kinds the agent answers, e.g. [dispatch]; the others stay with the rules',
      }),
    reward: z
      .enum(REWARD_NAMES, { error: `expected one of ${REWARD_NAMES.join(', ')}` })
      .optional()
      .meta({ description: 'reward signal (default makespan for job shops, else throughput)' }),
    maxSteps: PositiveInt.optional().meta({ description: 'episode truncated after this many decisions' }),
    maxCandidates: PositiveInt.optional().meta({ description: 'candidate slots in the observation' }),
    slots: z
      .enum(['queue', 'product'], { error: 'expected queue or product' })
      .optional()
      .meta({ description: 'queue: slot i is option i; product: slot i is the i-th product (job shops)' }),
    illegalAction: z
      .enum(['raise', 'penalty'], { error: 'expected raise or penalty' })
      .optional()
      .meta({ description: 'an illegal action throws, or costs `penalty` and changes nothing' }),
    penalty: z
      .number({ error: 'expected a number' })
      .min(0, { error: 'must be >= 0' })
      .optional()
      .meta({ description: 'reward subtracted for an illegal action with illegalAction: penalty' }),
  })
  .meta({ description: 'reinforcement-learning environment defaults (ShopfloorEnv)' });

/** The `env` section of a validated scenario. */
export type EnvSpec = z.output<typeof EnvSchema>;
