import type { DispatchPolicy } from './contract.js';
import { atc } from './dispatch/atc.js';
import { cr, edd } from './dispatch/due-date.js';
import { fddMwkr } from './dispatch/fdd-mwkr.js';
import { byPriority } from './dispatch/priority.js';
import { lpt, spt } from './dispatch/process-time.js';
import { fifo, lifo } from './dispatch/queue-order.js';
import { randomRule } from './dispatch/random.js';
import { campaign, sameProduct } from './dispatch/setup-minimising.js';
import { lwkr, mopnr, mwkr } from './dispatch/work-remaining.js';

/** The names a scenario file uses for the built-in dispatch rules, in the order documentation lists them. */
export const DISPATCH_RULE_NAMES = [
  'fifo',
  'lifo',
  'spt',
  'lpt',
  'mwkr',
  'lwkr',
  'mopnr',
  'edd',
  'cr',
  'atc',
  'fdd-mwkr',
  'priority',
  'random',
  'same-product',
  'campaign',
] as const;

/** Name of a built-in dispatch rule. */
export type DispatchRuleName = (typeof DISPATCH_RULE_NAMES)[number];

/**
 * A dispatch rule as a scenario gives it: a name, or a name with the rule's parameters: `atc`'s `k`, its
 * look-ahead (dimensionless, > 0, default 2); `campaign`'s `maxRun`, the longest run of one product on a
 * server (starts, an integer ≥ 1, default 10).
 */
export type DispatchSpec =
  | DispatchRuleName
  | { readonly rule: DispatchRuleName; readonly k?: number; readonly maxRun?: number };

/**
 * `random` in {@link DISPATCH_RULES}: the rule needs a uniform stream that only the builder can give, so
 * this stand-in refuses to decide. Build the real one with {@link dispatchPolicy} or {@link randomRule}.
 */
const randomNeedsStream: DispatchPolicy = {
  name: 'random',
  decide: () => {
    throw new Error(
      'random: the rule needs a uniform random stream; build it with dispatchPolicy({ rule: "random" }, uniform) or randomRule(uniform)',
    );
  },
};

/**
 * The built-in dispatch rules by scenario name, each a ready policy: `atc` with its default `k = 2`.
 * `random` is a stand-in that throws when asked, since it needs a random stream: build it with
 * {@link dispatchPolicy} (what the scenario builder should call) or {@link randomRule}.
 */
export const DISPATCH_RULES: Readonly<Record<DispatchRuleName, DispatchPolicy>> = {
  fifo,
  lifo,
  spt,
  lpt,
  mwkr,
  lwkr,
  mopnr,
  edd,
  cr,
  atc: atc(),
  'fdd-mwkr': fddMwkr,
  priority: byPriority,
  random: randomNeedsStream,
  'same-product': sameProduct,
  campaign: campaign(),
};

/**
 * The dispatch policy of a scenario's rule spec: the one lookup the scenario builder makes per station.
 * `uniform` (numbers in [0, 1), from a named stream of the station) is used only by `random`.
 * @throws RangeError (`dispatchPolicy: …`) for an unknown name, a parameter the rule does not take, or
 * `random` without `uniform`; (`atc: …`) for a bad `k`; (`campaign: …`) for a bad `maxRun`.
 */
export function dispatchPolicy(spec: DispatchSpec, uniform?: () => number): DispatchPolicy {
  const { rule, k, maxRun } =
    typeof spec === 'string' ? { rule: spec, k: undefined, maxRun: undefined } : spec;
  if (!Object.hasOwn(DISPATCH_RULES, rule)) {
    throw new RangeError(
      `dispatchPolicy: unknown rule "${String(rule)}" (expected one of ${DISPATCH_RULE_NAMES.join(', ')})`,
    );
  }
  if (k !== undefined && rule !== 'atc') throw new RangeError(`dispatchPolicy: rule ${rule} takes no k`);
  if (maxRun !== undefined && rule !== 'campaign')
    throw new RangeError(`dispatchPolicy: rule ${rule} takes no maxRun`);
  if (rule === 'atc') return k === undefined ? DISPATCH_RULES.atc : atc({ k });
  if (rule === 'campaign') return maxRun === undefined ? DISPATCH_RULES.campaign : campaign({ maxRun });
  if (rule === 'random') {
    if (uniform === undefined)
      throw new RangeError('dispatchPolicy: rule random needs a uniform random stream');
    return randomRule(uniform);
  }
  return DISPATCH_RULES[rule];
}
