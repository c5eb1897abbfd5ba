/**
 * Who takes each kind of decision in a run, as written on the command line: `kind=rule` (a built-in rule
 * for every decision of that kind, e.g. `dispatch=fifo`, `routing=fastest`, `crew=priority`) or
 * `kind=file.onnx` (a trained policy, see `onnx-policy.ts`). Kinds not named keep the scenario's rules.
 */
import type { DecisionKind } from '../../policies/contract.js';
import { DECISION_KINDS } from '../../policies/decision-kinds.js';
import {
  CREW_RULES,
  DISPATCH_RULE_NAMES,
  MAINTENANCE_RULES,
  OPERATOR_RULES,
  ROUTING_RULES,
  TRANSPORT_RULES,
} from '../../policies/index.js';
import type { Scenario } from '../../scenario/index.js';
import { possibleDecisionKinds } from '../_internal/scenario-info.js';
import { PolicyError } from './policy-error.js';

/** One parsed `kind=…` choice. */
export type PolicyChoice =
  | { readonly kind: DecisionKind; readonly type: 'rule'; readonly rule: string; readonly text: string }
  | { readonly kind: DecisionKind; readonly type: 'onnx'; readonly path: string; readonly text: string };

/** The built-in rule names of each decision kind, in the order the README lists them. */
export const RULE_NAMES: Readonly<Record<DecisionKind, readonly string[]>> = {
  dispatch: DISPATCH_RULE_NAMES,
  routing: Object.keys(ROUTING_RULES),
  crew: Object.keys(CREW_RULES),
  transport: Object.keys(TRANSPORT_RULES),
  maintenance: Object.keys(MAINTENANCE_RULES),
  operator: Object.keys(OPERATOR_RULES),
};

/**
 * Parses one `kind=rule` or `kind=file.onnx` text (a file is anything ending in `.onnx`, any case).
 * @throws PolicyError `POLICY_SPEC` naming the text, and what was expected.
 */
export function parsePolicyChoice(text: string): PolicyChoice {
  const eq = text.indexOf('=');
  const usage = `expected KIND=RULE or KIND=FILE.onnx, KIND one of ${DECISION_KINDS.join(', ')} (e.g. dispatch=fifo, dispatch=policy.onnx)`;
  if (eq < 0) throw new PolicyError('POLICY_SPEC', `--policy ${JSON.stringify(text)}: ${usage}`);
  const kind = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  if (!(DECISION_KINDS as readonly string[]).includes(kind))
    throw new PolicyError(
      'POLICY_SPEC',
      `--policy ${JSON.stringify(text)}: unknown decision kind "${kind}"; ${usage}`,
    );
  const k = kind as DecisionKind;
  if (value === '')
    throw new PolicyError('POLICY_SPEC', `--policy ${JSON.stringify(text)}: nothing after "="; ${usage}`);
  if (/\.onnx$/i.test(value)) return { kind: k, type: 'onnx', path: value, text };
  if (!RULE_NAMES[k].includes(value)) {
    throw new PolicyError(
      'POLICY_SPEC',
      `--policy ${JSON.stringify(text)}: "${value}" is no ${k} rule (rules: ${RULE_NAMES[k].join(', ')}) and no .onnx file`,
    );
  }
  return { kind: k, type: 'rule', rule: value, text };
}

/**
 * Checks a list of choices as a whole: each kind at most once, and every kind named can occur in the
 * scenario (a rule for decisions that never happen would silently change nothing).
 * @throws PolicyError `POLICY_SPEC` naming the choice.
 */
export function checkPolicyChoices(choices: readonly PolicyChoice[], scenario: Scenario): void {
  const seen = new Map<DecisionKind, PolicyChoice>();
  const possible = possibleDecisionKinds(scenario, true);
  for (const c of choices) {
    const before = seen.get(c.kind);
    if (before !== undefined)
      throw new PolicyError('POLICY_SPEC', `--policy ${c.text}: ${c.kind} is already given (${before.text})`);
    seen.set(c.kind, c);
    if (!possible.has(c.kind)) {
      throw new PolicyError(
        'POLICY_SPEC',
        `--policy ${c.text}: the scenario has no ${c.kind} decisions, so this would change nothing`,
      );
    }
  }
}

/**
 * The scenario with the rule choices written into it: every station's dispatch rule or maintenance rule,
 * every alternative step's routing rule, every crew's or robot fleet's dispatch rule. The scenario given
 * is not changed.
 */
export function withRules(scenario: Scenario, choices: readonly PolicyChoice[]): Scenario {
  let s = scenario;
  for (const c of choices) {
    if (c.type !== 'rule') continue;
    switch (c.kind) {
      case 'dispatch': {
        const rule = c.rule as Scenario['stations'][number]['dispatch'];
        s = { ...s, stations: s.stations.map((st) => ({ ...st, dispatch: rule, dispatchSpec: { rule } })) };
        break;
      }
      case 'maintenance': {
        const rule = c.rule as Scenario['stations'][number]['maintenanceRule'];
        s = { ...s, stations: s.stations.map((st) => ({ ...st, maintenanceRule: rule })) };
        break;
      }
      case 'routing': {
        const rule = c.rule as NonNullable<Scenario['products'][number]['routing'][number]['choose']>;
        s = {
          ...s,
          products: s.products.map((p) => ({
            ...p,
            routing: p.routing.map((step) =>
              Array.isArray(step.station) ? { ...step, choose: rule } : step,
            ),
          })),
        };
        break;
      }
      case 'crew': {
        const rule = c.rule as Scenario['crews'][number]['dispatch'];
        s = { ...s, crews: s.crews.map((cr) => ({ ...cr, dispatch: rule })) };
        break;
      }
      case 'transport': {
        const rule = c.rule as Scenario['robots'][number]['dispatch'];
        s = { ...s, robots: s.robots.map((r) => ({ ...r, dispatch: rule })) };
        break;
      }
      case 'operator': {
        const rule = c.rule as Scenario['operators'][number]['dispatch'];
        s = { ...s, operators: s.operators.map((o) => ({ ...o, dispatch: rule })) };
        break;
      }
    }
  }
  return s;
}
