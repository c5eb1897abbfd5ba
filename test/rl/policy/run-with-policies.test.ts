// Runs ONNX fixtures inside the simulation: about 3 s on 2 idle cores, 8 s on a loaded machine (the
// machine shop's 2 replications take several hundred decisions).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DeadlockError } from '../../../src/entities/index.js';
import { recordSchedule, runScenario } from '../../../src/report/index.js';
import {
  checkPoliciesFit,
  loadPolicies,
  type PolicyDecision,
  PolicyError,
  parsePolicyChoice,
  runReplicationsWithPolicies,
  runScenarioWithPolicies,
  sharedPolicies,
  withRules,
} from '../../../src/rl/index.js';
import { loadScenarioFile, runReplications } from '../../../src/scenario/index.js';
import { example } from '../_support/scenarios.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

describe('runScenarioWithPolicies', () => {
  test('an ONNX policy that takes the first slot in queue order reports exactly what the fifo rule reports, replication by replication (same seeds)', async () => {
    const shop = example('machine-shop.yaml');
    const onnx = await loadPolicies([`dispatch=${fixture('machine-shop-first.onnx')}`]);
    const options = { replications: 2, horizon: 3 * 86_400, warmup: 86_400, seed: 7 };
    const decisions: PolicyDecision[] = [];
    const replications: number[] = [];
    const viaOnnx = await runScenarioWithPolicies(shop, onnx, {
      ...options,
      onDecision: (d) => decisions.push(d),
      onReplication: (done) => replications.push(done),
    });
    const viaRule = runScenario(withRules(shop, [parsePolicyChoice('dispatch=fifo')]), options);
    expect(viaOnnx).toEqual(viaRule);
    expect(replications).toEqual([1, 2]);
    expect(new Set(decisions.map((d) => d.replication))).toEqual(new Set([0, 1]));
    expect(decisions.every((d) => d.mask[d.action] === 1)).toBe(true);
    expect(decisions.some((d) => d.mask.reduce((a, b) => a + b, 0) > 1)).toBe(true);
    await onnx.onnx!.policy.release();
  });

  test('concurrent runs may share one loaded ONNX policy (as compared alternatives do), each getting what it gets alone', async () => {
    const texts = [`dispatch=${fixture('machine-shop-first.onnx')}`];
    const policies = await sharedPolicies(texts);
    expect(await sharedPolicies([...texts])).toBe(policies);
    const shop = example('machine-shop.yaml');
    const run = (seed: number) =>
      runScenarioWithPolicies(shop, policies, { seed, replications: 1, horizon: 2 * 86_400, warmup: 43_200 });
    const together = await Promise.all([run(1), run(2)]);
    expect(together[0]).toEqual(await run(1));
    expect(together[1]).toEqual(await run(2));
    expect(together[0]).not.toEqual(together[1]);
  });

  test('rules only: the result of runScenario on the scenario with the rules written in', async () => {
    const ft06 = example('jobshop-ft06.yaml');
    const lpt = await loadPolicies(['dispatch=lpt']);
    expect(lpt.onnx).toBeNull();
    expect(await runScenarioWithPolicies(ft06, lpt)).toEqual(runScenario(withRules(ft06, lpt.choices)));
    // ft06's own rule is fifo: naming it changes nothing (makespan 65 min).
    const fifo = await runScenarioWithPolicies(ft06, await loadPolicies(['dispatch=fifo']));
    expect(fifo).toEqual(runScenario(ft06));
    expect(fifo.kpis.cycleTimeMaxS.mean).toBe(65 * 60);
  });

  test('onModel sees every replication before it runs: the schedule of an ONNX run is recorded', async () => {
    const ft06 = example('jobshop-ft06.yaml');
    const spt = await loadPolicies([`dispatch=${fixture('ft06-spt.onnx')}`]);
    let rows = 0;
    const result = await runScenarioWithPolicies(ft06, spt, {
      onModel: (model, r) => {
        expect(r).toBe(0);
        const schedule = recordSchedule(model.plant);
        model.plant.events.on('partFinished', () => {
          rows = schedule
            .toCsv()
            .split('\n')
            .filter((l) => l.startsWith('operation')).length;
        });
      },
    });
    expect(rows).toBe(36); // 6 jobs × 6 operations
    expect(result.kpis.finished.mean).toBe(6);
    await spt.onnx!.policy.release();
  });

  test('a model that does not fit the scenario is a POLICY_MISMATCH listing every difference, before anything runs', async () => {
    const spt = await loadPolicies([`dispatch=${fixture('ft06-spt.onnx')}`]);
    const flex = example('flexible-jobshop.yaml');
    const error = await runScenarioWithPolicies(flex, spt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe('POLICY_MISMATCH');
    const message = (error as Error).message;
    expect(message).toMatch(/ft06-spt\.onnx does not fit this scenario:/);
    expect(message).toMatch(/maxCandidates \(action slots\): the model has 6, the scenario 2/);
    expect(message).toMatch(/features only in the model: at=m0/);
    expect(message).toMatch(/features only in the scenario: at=mill1/);
    const renamed = await loadPolicies([`dispatch=${fixture('ft06-queue-slots.onnx')}`]);
    expect(() => checkPoliciesFit(example('jobshop-ft06.yaml'), renamed)).toThrow(
      /features only in the model: clock\n {2}features only in the scenario: time/,
    );
    await spt.onnx!.policy.release();
    await renamed.onnx!.policy.release();
  });

  test('loading: a missing file, two models, a model named for the wrong kinds are clear errors', async () => {
    await expect(loadPolicies(['dispatch=no/such.onnx'])).rejects.toThrow(
      /cannot read no\/such\.onnx: no such file/,
    );
    await expect(loadPolicies(['dispatch=a.onnx', 'routing=b.onnx'])).rejects.toThrow(
      /one ONNX model per run/,
    );
    await expect(loadPolicies([`routing=${fixture('ft06-spt.onnx')}`])).rejects.toThrow(
      /the model answers dispatch decisions; give it for exactly those/,
    );
  });

  test('maxEvents stops each replication at exactly that many events, in the state where the rule run stops', async () => {
    const shop = example('machine-shop.yaml');
    const onnx = await loadPolicies([`dispatch=${fixture('machine-shop-first.onnx')}`]);
    const options = { replications: 2, horizon: 3 * 86_400, warmup: 3600, seed: 7 };
    const stopped = await runReplicationsWithPolicies(shop, onnx, { ...options, maxEvents: 1000 });
    expect(stopped.partial).toBe(true);
    expect(stopped.replications).toBe(2); // maxEvents stops each replication, not the run
    expect(stopped.partialReason).toMatch(
      /^replication 1 stopped at [\d.]+ h of 72\.00 h after [\d,]+ events \(maxEvents\); replication 2 stopped/,
    );
    const events = Number(/after ([\d,]+) events/.exec(stopped.partialReason!)![1]!.replace(/,/g, ''));
    expect(events).toBe(1000);
    // The same shop under the fifo rule (what the model does), stopped after as many events, is in the
    // same state: the figures of the first replication are equal.
    const rule = runReplications(withRules(shop, [parsePolicyChoice('dispatch=fifo')]), {
      ...options,
      replications: 1,
      maxEvents: events,
    });
    expect(rule.partialReason).toMatch(new RegExp(`after ${events.toLocaleString('en-US')} events`));
    expect(stopped.runs[0]!.plant).toEqual(rule.runs[0]!.plant);
    await expect(runReplicationsWithPolicies(shop, onnx, { ...options, maxEvents: 0 })).rejects.toThrow(
      /maxEvents must be an integer >= 1/,
    );
    await onnx.onnx!.policy.release();
  });

  test('maxWallS stops the replication running when the time is spent and runs no more', async () => {
    const shop = example('machine-shop.yaml');
    const onnx = await loadPolicies([`dispatch=${fixture('machine-shop-first.onnx')}`]);
    const result = await runReplicationsWithPolicies(shop, onnx, {
      replications: 3,
      horizon: 20 * 86_400,
      warmup: 3600,
      maxWallS: 1e-6,
    });
    expect(result.partial).toBe(true);
    expect(result.replications).toBe(1);
    expect(result.partialReason).toMatch(
      /^replication 1 stopped at [\d.]+ h of 480\.00 h after [\d.]+ s of wall-clock time \(maxWall\)(, before its warm-up of 1\.00 h ended \(its figures include the warm-up\))?; replications 2–3 not run$/,
    );
    await onnx.onnx!.policy.release();
  });

  test('a run that deadlocks under the ONNX policy throws the DeadlockError the same rule run throws', async () => {
    const loaded = loadScenarioFile(fixture('deadlock-loop.yaml'));
    if (!loaded.ok) throw new Error('deadlock-loop.yaml does not load');
    const first = await loadPolicies([`dispatch=${fixture('deadlock-loop-first.onnx')}`]);
    const viaOnnx = await runScenarioWithPolicies(loaded.scenario, first).catch((e: unknown) => e);
    const viaRule = (() => {
      try {
        runScenario(withRules(loaded.scenario, [parsePolicyChoice('dispatch=fifo')]));
      } catch (e) {
        return e;
      }
    })();
    expect(viaOnnx).toBeInstanceOf(DeadlockError);
    expect(viaRule).toBeInstanceOf(DeadlockError);
    expect((viaOnnx as Error).message).toBe((viaRule as Error).message);
    expect((viaOnnx as Error).message).toMatch(/deadlock at 150 s/);
    await first.onnx!.policy.release();
  });

  test('a note, not an error, when the model was trained on another scenario whose observation fits', async () => {
    const spt = await loadPolicies([`dispatch=${fixture('ft06-spt.onnx')}`]);
    const ft06 = example('jobshop-ft06.yaml');
    expect(checkPoliciesFit(ft06, spt).notes).toEqual([]);
    const reprioritised = { ...ft06, products: ft06.products.map((p) => ({ ...p, priority: 2 })) };
    expect(checkPoliciesFit(reprioritised, spt).notes).toEqual([
      expect.stringMatching(
        /ft06-spt\.onnx was trained on a plant that differs from this one \("job shop ft06" with other settings, or another plant\); its observation fits/,
      ),
    ]);
    await spt.onnx!.policy.release();
  });
});
