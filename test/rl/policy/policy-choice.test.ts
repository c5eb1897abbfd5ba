import { describe, expect, test } from 'vitest';
import { checkPolicyChoices, parsePolicyChoice, RULE_NAMES, withRules } from '../../../src/rl/index.js';
import { example } from '../_support/scenarios.js';

describe('policy choices (--policy KIND=RULE|FILE.onnx)', () => {
  test('a rule name or an .onnx file, for any decision kind', () => {
    expect(parsePolicyChoice('dispatch=fifo')).toMatchObject({
      kind: 'dispatch',
      type: 'rule',
      rule: 'fifo',
    });
    expect(parsePolicyChoice('routing=fastest')).toMatchObject({
      kind: 'routing',
      type: 'rule',
      rule: 'fastest',
    });
    expect(parsePolicyChoice('dispatch=out/Policy.ONNX')).toMatchObject({
      type: 'onnx',
      path: 'out/Policy.ONNX',
    });
    for (const [kind, names] of Object.entries(RULE_NAMES))
      for (const rule of names) expect(parsePolicyChoice(`${kind}=${rule}`).type).toBe('rule');
  });

  test('bad texts are POLICY_SPEC errors that say what was expected', () => {
    expect(() => parsePolicyChoice('fifo')).toThrow(/expected KIND=RULE or KIND=FILE\.onnx/);
    expect(() => parsePolicyChoice('dispatching=fifo')).toThrow(/unknown decision kind "dispatching"/);
    expect(() => parsePolicyChoice('dispatch=')).toThrow(/nothing after "="/);
    expect(() => parsePolicyChoice('dispatch=fastest')).toThrow(
      /"fastest" is no dispatch rule \(rules: fifo, /,
    );
  });

  test('a kind given twice, or one the scenario never asks, is refused (it would change nothing)', () => {
    const ft06 = example('jobshop-ft06.yaml');
    const twice = ['dispatch=fifo', 'dispatch=spt'].map(parsePolicyChoice);
    expect(() => checkPolicyChoices(twice, ft06)).toThrow(/dispatch is already given \(dispatch=fifo\)/);
    expect(() => checkPolicyChoices([parsePolicyChoice('crew=priority')], ft06)).toThrow(
      /the scenario has no crew decisions/,
    );
  });

  test('rules are written into every station, step, crew or fleet of their kind; the scenario given is unchanged', () => {
    const shop = example('flexible-jobshop.yaml');
    const before = JSON.stringify(shop);
    const ruled = withRules(shop, ['dispatch=lpt', 'routing=fastest'].map(parsePolicyChoice));
    expect(ruled.stations.every((s) => s.dispatch === 'lpt' && s.dispatchSpec.rule === 'lpt')).toBe(true);
    const steps = ruled.products.flatMap((p) => p.routing).filter((s) => Array.isArray(s.station));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.choose === 'fastest')).toBe(true);
    expect(JSON.stringify(shop)).toBe(before);
  });
});
