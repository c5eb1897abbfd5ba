// Loads the ONNX fixtures of test/rl/fixtures (make-policy-fixtures.py) with onnxruntime-web in Node:
// about 2 s on 2 idle cores, most of it starting the WebAssembly runtime once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maskedArgmax, OnnxPolicy, PolicyError, ShopfloorEnv } from '../../../src/rl/index.js';
import { example } from '../_support/scenarios.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const load = (name: string) => OnnxPolicy.fromBytes(readFileSync(fixture(name)), name);

describe('maskedArgmax', () => {
  test('takes the highest logit among the allowed slots, the lowest such slot on a tie', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (slots) => {
          const logits = slots.map(([l]) => l);
          const mask = slots.map(([, m]) => (m ? 1 : 0));
          const a = maskedArgmax(logits, mask);
          const allowed = slots.flatMap(([l, m], i) => (m ? [[l, i] as const] : []));
          if (allowed.length === 0) return a === -1;
          const best = Math.max(...allowed.map(([l]) => l));
          return a === allowed.find(([l]) => l === best)![1];
        },
      ),
    );
  });

  test('never takes a masked slot, even when its logit is the highest', () => {
    expect(maskedArgmax([9, 1, 2], [0, 1, 1])).toBe(2);
    expect(maskedArgmax([9, Number.NaN, 2], [0, 1, 1])).toBe(2);
  });
});

describe('OnnxPolicy in Node (onnxruntime-web, WebAssembly from node_modules)', () => {
  let spt: OnnxPolicy;
  let slot0: OnnxPolicy;
  beforeAll(async () => {
    spt = await load('ft06-spt.onnx');
    slot0 = await load('ft06-slot0.onnx');
  });
  afterAll(async () => {
    await spt.release();
    await slot0.release();
  });

  test('reads its metadata: ft06 with one slot per job, masked argmax over logits', () => {
    const m = spt.metadata;
    expect(m.action).toBe('masked-argmax');
    expect(m.observation.slots).toBe('product');
    expect(m.observation.maxCandidates).toBe(6);
    expect(m.observation.featureNames).toHaveLength(m.observation.size);
  });

  test("ft06-spt's logits are minus each slot's process-time feature, exactly", async () => {
    const env = new ShopfloorEnv({ scenario: example('jobshop-ft06.yaml'), slots: 'product' });
    let { observation, info } = env.reset({ seed: 1 });
    const names = env.observationFeatureNames;
    let steps = 0;
    while (!info.done) {
      const logits = await spt.logits(observation);
      for (let i = 0; i < 6; i++)
        expect(logits[i]! + 0).toBe(-observation[names.indexOf(`slot${i}.dispatch.processTime`)]! + 0);
      ({ observation, info } = env.step((await spt.act(observation, info.actionMask)).action));
      steps++;
    }
    expect(steps).toBeGreaterThan(3);
    expect(info.finished).toBe(6);
  });

  test('the mask is applied: slot 0 has the highest logit but is never taken while job0 is not waiting', async () => {
    const env = new ShopfloorEnv({ scenario: example('jobshop-ft06.yaml'), slots: 'product' });
    let { observation, info } = env.reset({ seed: 1 });
    let maskedOut = 0;
    while (!info.done) {
      const mask = info.actionMask.slice();
      const { action, logits } = await slot0.act(observation, mask);
      expect(Math.max(...logits)).toBe(logits[0]);
      expect(mask[action]).toBe(1);
      if (mask[0] === 1) expect(action).toBe(0);
      else {
        expect(action).not.toBe(0);
        maskedOut++;
      }
      ({ observation, info } = env.step(action));
    }
    expect(maskedOut).toBeGreaterThan(0); // the case the test is about did occur
    expect(info.finished).toBe(6);
  });

  test('an observation or a mask of the wrong length is a RangeError naming the model', async () => {
    await expect(spt.logits(new Float32Array(3))).rejects.toThrow(
      /ft06-spt\.onnx takes \d+ features \(got 3\)/,
    );
    const obs = new Float32Array(spt.metadata.observation.size);
    await expect(spt.act(obs, [1, 1])).rejects.toThrow(/mask has 2 slots/);
    await expect(spt.act(obs, [0, 0, 0, 0, 0, 0])).rejects.toThrow(/allows no action/);
  });

  test('a model without shopfloor metadata, or a file that is no model, is refused with a clear PolicyError', async () => {
    await expect(load('ft06-no-metadata.onnx')).rejects.toMatchObject({
      code: 'POLICY_METADATA',
      message: expect.stringMatching(/no "shopfloor\.policy" entry.*export_onnx/),
    });
    const notOnnx = OnnxPolicy.fromBytes(readFileSync(fixture('make-policy-fixtures.py')), 'script.py');
    await expect(notOnnx).rejects.toBeInstanceOf(PolicyError);
    await expect(notOnnx).rejects.toMatchObject({
      code: 'POLICY_FILE',
      message: expect.stringMatching(/^script\.py: not an ONNX model/),
    });
  });
});
