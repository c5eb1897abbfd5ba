import { z } from 'zod';
import { BRANCH_TO_SINK, branchStep, stepsByStation } from './_internal/branch-step.js';
import { lowestSampleS } from './_internal/lowest-sample.js';
import { DurationDistribution } from './distribution-schema.js';
import { Duration } from './quantity-schema.js';
import { Id } from './schema-common.js';

export { BRANCH_TO_SINK, branchStep };

/**
 * `products[i]` of the scenario schema: due-date rules, routing steps (one station or alternatives, process
 * times, OEE standard time, carrier, probabilistic branches) and the product itself.
 */

const DueDate = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({
      rule: z.literal('releasePlus'),
      allowance: Duration.meta({ description: 'due = release + allowance' }),
    }),
    z.strictObject({
      rule: z.literal('totalWork'),
      factor: z
        .number()
        .positive({ error: 'must be > 0' })
        .meta({ description: 'due = release + factor × sum of the mean process times of the routing' }),
    }),
  ],
  {
    error: 'expected a due-date rule: { rule: releasePlus, allowance: 8h } or { rule: totalWork, factor: 3 }',
  },
);

/** The names of the routing rules a step with alternative stations may use (`choose`). */
export const ROUTING_RULE_NAMES = ['first', 'shortest-queue', 'least-work', 'fastest'] as const;

/** `products[i].routing[j].branch[k]`: one probabilistic branch after the step. */
const BranchSchema = z.strictObject({
  to: Id.meta({
    description: `station of the step to go on at (a step of the same routing, earlier, this one or later), or ${BRANCH_TO_SINK}`,
  }),
  p: z
    .number({ error: 'expected a probability' })
    .gt(0, { error: 'a branch probability must be > 0' })
    .lte(1, { error: 'a branch probability must be <= 1' })
    .meta({ description: 'probability of the branch (0 < p <= 1; the branches of a step sum to at most 1)' }),
});

const RoutingStep = z
  .strictObject({
    station: z
      .union([Id, z.array(Id).min(2, { error: 'list at least two alternative stations, or name one' })], {
        error: 'expected a station id, or a list of alternative station ids',
      })
      .meta({ description: 'station of this step, or a list of alternatives the part chooses from' }),
    processTime: DurationDistribution.optional().meta({
      description: 'process time here (required, except for a component at its assembly station)',
    }),
    processTimes: z.record(Id, DurationDistribution).optional().meta({
      description: 'with alternatives: the process time at each station, e.g. { mill1: 5min, mill2: 7min }',
    }),
    choose: z
      .enum(ROUTING_RULE_NAMES, { error: `expected one of ${ROUTING_RULE_NAMES.join(', ')}` })
      .optional()
      .meta({
        description:
          'with alternatives: how the part chooses (default least-work: least work queued there plus its own time)',
      }),
    via: Id.optional().meta({
      description: 'conveyor or robot fleet that brings the part to this station (default: directly)',
    }),
    standardTime: Duration.optional().meta({
      description:
        "OEE's standard (ideal) time of one job of this step, at most the lowest possible process time (default: the process time drawn for the job)",
    }),
    branch: z
      .array(BranchSchema, { error: 'expected a list of branches, e.g. [{ to: wash, p: 0.2 }]' })
      .min(1, { error: 'list at least one branch, or leave branch out' })
      .optional()
      .meta({
        description:
          'after this step, with probability p the part goes on at the step of station `to` of this routing (or `sink`) instead of the next step: [{ to: wash, p: 0.2 }]',
      }),
  })
  .check((ctx) => {
    const st = ctx.value;
    const alts = Array.isArray(st.station) ? st.station : undefined;
    const issue = (message: string, path: (string | number)[]) =>
      ctx.issues.push({ code: 'custom', continue: true, input: st, path, message });
    if (st.standardTime !== undefined) {
      // Performance ≤ 1 by construction: no job may take less than its standard time.
      const times = [st.processTime, ...Object.values(st.processTimes ?? {})].filter((d) => d !== undefined);
      const lowest = Math.min(...times.map(lowestSampleS));
      if (times.length > 0 && st.standardTime > lowest)
        issue(
          `standardTime ${st.standardTime} s exceeds the lowest possible process time of this step (${lowest} s): a job could beat its standard and OEE performance exceed 100 %`,
          ['standardTime'],
        );
    }
    if (st.branch !== undefined) {
      const sum = st.branch.reduce((a, b) => a + b.p, 0);
      if (sum > 1 + 1e-9) issue(`branch probabilities sum to ${sum} (at most 1)`, ['branch']);
      st.branch.forEach((b, k) => {
        if (st.branch!.findIndex((o) => o.to === b.to) !== k)
          issue(`"${b.to}" is a branch target twice`, ['branch', k, 'to']);
      });
    }
    if (alts === undefined) {
      if (st.processTimes !== undefined)
        issue('processTimes needs a list of alternative stations', ['processTimes']);
      if (st.choose !== undefined) issue('choose needs a list of alternative stations', ['choose']);
      return;
    }
    if (new Set(alts).size !== alts.length) issue('an alternative station is listed twice', ['station']);
    for (const k of Object.keys(st.processTimes ?? {}))
      if (!alts.includes(k))
        issue(`"${k}" is not one of this step's stations (${alts.join(', ')})`, ['processTimes', k]);
    if (st.processTime === undefined)
      for (const a of alts)
        if (st.processTimes?.[a] === undefined)
          issue(`no process time for "${a}": give processTime or processTimes.${a}`, ['processTimes']);
  });

/** `products[i]`: an ordered routing through stations, each step with its process time. */
export const ProductSchema = z
  .strictObject({
    id: Id,
    routing: z.array(RoutingStep).min(1, { error: 'a routing needs at least one step' }),
    dueDate: DueDate.optional(),
    priority: z.int().default(0).meta({ description: 'higher is more urgent (dispatch: priority)' }),
    sink: Id.optional().meta({ description: 'where finished parts go (default: the only sink)' }),
    exitVia: Id.optional().meta({
      description: 'conveyor or robot fleet that takes finished parts to the sink',
    }),
  })
  .check((ctx) => {
    const routing = ctx.value.routing;
    const at = stepsByStation(routing);
    const n = routing.length;
    // Steps each step leads to: the next one while its branches leave some probability, and each target.
    const next: number[][] = routing.map(() => []);
    routing.forEach((s, j) => {
      const rest = 1 - (s.branch ?? []).reduce((a, b) => a + b.p, 0);
      if (rest > 1e-9) next[j]!.push(j + 1);
      (s.branch ?? []).forEach((b, k) => {
        const path = ['routing', j, 'branch', k, 'to'];
        const steps = at.get(b.to);
        const problem = (message: string) =>
          ctx.issues.push({ code: 'custom', continue: true, input: b.to, path, message });
        if (b.to === BRANCH_TO_SINK && steps !== undefined)
          problem(`"${BRANCH_TO_SINK}" is ambiguous: this routing visits a station called ${BRANCH_TO_SINK}`);
        else if (steps === undefined && b.to !== BRANCH_TO_SINK)
          problem(
            `"${b.to}" is not a station of this routing (${[...at.keys()].join(', ')}) nor ${BRANCH_TO_SINK}`,
          );
        else if (steps !== undefined && steps.length > 1)
          problem(`"${b.to}" is visited at steps ${steps.join(' and ')} of this routing: a branch needs one`);
        else next[j]!.push(steps === undefined ? n : steps[0]!);
      });
    });
    // Every step must lead to the sink with some probability, or a part could loop forever.
    const reaches = new Array<boolean>(n + 1).fill(false);
    reaches[n] = true;
    for (let changed = true; changed; ) {
      changed = false;
      for (let j = n - 1; j >= 0; j--)
        if (!reaches[j] && next[j]!.some((t) => reaches[t])) reaches[j] = changed = true;
    }
    routing.forEach((s, j) => {
      if (!reaches[j] && s.branch !== undefined)
        ctx.issues.push({
          code: 'custom',
          continue: true,
          input: s.branch,
          path: ['routing', j, 'branch'],
          message:
            'with these branches a part never leaves the routing: some probability must go on to the sink',
        });
    });
  });
