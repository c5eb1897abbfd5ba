import { describe, expect, test } from 'vitest';
import {
  OBSERVATION_LAYOUT_VERSION,
  observationSpecProblems,
  POLICY_METADATA_KEY,
  type PolicyObservationSpec,
  parsePolicyMetadata,
} from '../../../src/rl/index.js';

const observation: PolicyObservationSpec = {
  size: 3,
  layoutVersion: OBSERVATION_LAYOUT_VERSION,
  featureNames: ['time', 'wip', 'slot0.present'],
  agent: ['dispatch'],
  slots: 'queue',
  maxCandidates: 1,
  scales: { timeS: 60, horizonS: 3600, wip: 4, distanceM: 1, priority: 1, operations: 2 },
};
const good = { format: 1, input: 'observation', output: 'logits', action: 'masked-argmax', observation };
const props = (value: unknown) => new Map([[POLICY_METADATA_KEY, JSON.stringify(value)]]);

describe('policy metadata', () => {
  test('a complete description parses as written', () => {
    expect(parsePolicyMetadata(props(good), 'p.onnx')).toMatchObject(good);
  });

  test('every problem of a bad description is listed with its path', () => {
    const bad = {
      ...good,
      format: 2,
      action: 'sample',
      observation: { ...observation, slots: 'jobs', maxCandidates: 0 },
    };
    const error = (() => {
      try {
        parsePolicyMetadata(props(bad), 'p.onnx');
      } catch (e) {
        return e as Error & { code: string };
      }
    })();
    expect(error?.code).toBe('POLICY_METADATA');
    for (const path of [
      '→ at format',
      '→ at action',
      '→ at observation.slots',
      '→ at observation.maxCandidates',
    ])
      expect(error?.message).toContain(path);
  });

  test('feature names that do not match the size, text that is not JSON, and a missing key are refused', () => {
    expect(() =>
      parsePolicyMetadata(props({ ...good, observation: { ...observation, size: 4 } }), 'p.onnx'),
    ).toThrow(/3 names for size 4/);
    expect(() => parsePolicyMetadata(new Map([[POLICY_METADATA_KEY, '{']]), 'p.onnx')).toThrow(/is not JSON/);
    expect(() => parsePolicyMetadata(new Map([['author', 'me']]), 'p.onnx')).toThrow(/\(has: author\)/);
  });

  test('a spec that differs from the environment names each difference', () => {
    const env = {
      layoutVersion: OBSERVATION_LAYOUT_VERSION + 1,
      featureNames: ['time', 'queue', 'slot0.present', 'slot1.present'],
      agent: ['dispatch'] as const,
      slots: 'queue' as const,
      maxCandidates: 2,
    };
    const problems = observationSpecProblems(observation, env);
    expect(problems).toEqual([
      `observation layout version: the model has ${OBSERVATION_LAYOUT_VERSION}, this shopfloor writes ${OBSERVATION_LAYOUT_VERSION + 1}`,
      'maxCandidates (action slots): the model has 1, the scenario 2',
      'observation size: the model takes 3 features, the scenario gives 4',
      'features only in the model: wip',
      'features only in the scenario: queue, slot1.present',
    ]);
    expect(
      observationSpecProblems(observation, {
        ...env,
        layoutVersion: OBSERVATION_LAYOUT_VERSION,
        maxCandidates: 1,
        featureNames: ['wip', 'time', 'slot0.present'],
      }),
    ).toEqual(['features in another order: #0 time vs wip, #1 wip vs time']);
    expect(
      observationSpecProblems(observation, {
        ...env,
        layoutVersion: OBSERVATION_LAYOUT_VERSION,
        maxCandidates: 1,
        featureNames: observation.featureNames,
      }),
    ).toEqual([]);
  });
});
