/**
 * The env server's bundled scenarios (`{ jobshop }`, `{ example }`) and recorded schedules (`recordSchedule`
 * and the `schedule` op), served in process by `EnvServer` (no child process; well under a second).
 */
import { describe, expect, test } from 'vitest';
import { recordSchedule } from '../../src/report/index.js';
import { ShopfloorEnv } from '../../src/rl/index.js';
import { EnvServer } from '../../src/rl/server/env-server.js';
import type { FrameArray } from '../../src/rl/server/framing.js';
import { jobShopToScenarioYaml, loadJobShopInstance, loadScenario } from '../../src/scenario/index.js';

/** The fields of a response header these tests read. */
interface Reply {
  readonly ok: boolean;
  readonly csv?: string;
  readonly observationSpace?: unknown;
  readonly error: { readonly code: string; readonly message: string };
}

function ask(server: EnvServer, header: Record<string, unknown>, arrays: Record<string, FrameArray> = {}) {
  const r = server.handle({ header, arrays: new Map(Object.entries(arrays)) });
  return {
    header: r.header as unknown as Reply,
    arrays: new Map((r.arrays ?? []).map((a) => [a.name, a.data])),
  };
}

function firstLegal(mask: FrameArray): number {
  return (mask as Uint8Array).indexOf(1);
}

describe('env server: bundled scenarios', () => {
  test('{ jobshop: NAME } is the bundled instance, as jobShopToScenarioYaml makes it', () => {
    const server = new EnvServer();
    const made = ask(server, {
      op: 'make',
      id: 'a',
      scenario: { jobshop: 'ft06' },
      options: { slots: 'product' },
    });
    expect(made.header.ok).toBe(true);
    const loaded = loadScenario(jobShopToScenarioYaml(loadJobShopInstance('ft06')), {
      fileName: 'ft06.yaml',
    });
    if (!loaded.ok) throw new Error('ft06 does not load');
    const local = new ShopfloorEnv({ scenario: loaded.scenario, slots: 'product' });
    expect(made.header.observationSpace).toEqual(local.observationSpace);
    const r = ask(server, { op: 'reset', id: 'a', seed: 3 });
    expect(Array.from(r.arrays.get('observation')!)).toEqual(
      Array.from(local.reset({ seed: 3 }).observation),
    );
  });

  test('an unknown instance is a SCENARIO error listing valid names; a stray key is BAD_REQUEST', () => {
    const server = new EnvServer();
    const unknown = ask(server, { op: 'make', id: 'a', scenario: { jobshop: 'ft07' } });
    expect(unknown.header.error.code).toBe('SCENARIO');
    expect(unknown.header.error.message).toMatch(/unknown instance "ft07".*ft06/);
    const stray = ask(server, { op: 'make', id: 'a', scenario: { jobshop: 'ft06', speed: 2 } });
    expect(stray.header.error.code).toBe('BAD_REQUEST');
    expect(stray.header.error.message).toContain('{ jobshop: NAME, timeUnit?, dueDateFactor? }');
  });

  test('{ example: NAME } loads scenarios/NAME.yaml; a path-like or missing name is refused', () => {
    const server = new EnvServer();
    expect(ask(server, { op: 'make', id: 'a', scenario: { example: 'demo-factory' } }).header.ok).toBe(true);
    const sneaky = ask(server, { op: 'make', id: 'b', scenario: { example: '../package' } });
    expect(sneaky.header.error.code).toBe('BAD_REQUEST');
    const missing = ask(server, { op: 'make', id: 'b', scenario: { example: 'no-such-factory' } });
    expect(missing.header.error.code).toBe('SCENARIO');
    expect(missing.header.error.message).toContain('no bundled scenario no-such-factory');
  });
});

describe('env server: schedules', () => {
  test('with recordSchedule the schedule op returns the episode so far, from time 0, as recordSchedule writes it', () => {
    const server = new EnvServer();
    ask(server, {
      op: 'make',
      id: 'a',
      scenario: { jobshop: 'ft06' },
      options: { slots: 'product', recordSchedule: true },
    });
    const loaded = loadScenario(jobShopToScenarioYaml(loadJobShopInstance('ft06')), {
      fileName: 'ft06.yaml',
    });
    if (!loaded.ok) throw new Error('ft06 does not load');
    let recorder: ReturnType<typeof recordSchedule> | undefined;
    const local = new ShopfloorEnv({
      scenario: loaded.scenario,
      slots: 'product',
      onEpisodeStart: (plant) => {
        recorder = recordSchedule(plant);
      },
    });
    let mask = ask(server, { op: 'reset', id: 'a', seed: 9 }).arrays.get('action_mask')!;
    local.reset({ seed: 9 });
    for (;;) {
      const action = firstLegal(mask);
      const s = ask(server, { op: 'step', id: 'a' }, { actions: Int32Array.of(action) });
      local.step(action);
      mask = s.arrays.get('action_mask')!;
      if (s.arrays.get('terminated')![0] === 1) break;
    }
    const csv = ask(server, { op: 'schedule', id: 'a' }).header.csv as string;
    expect(csv).toBe(recorder!.toCsv());
    expect(csv.split('\n').filter((l) => l.startsWith('operation')).length).toBe(36);
    expect(csv).toMatch(/\noperation,\d+,job\d,0,m\d,0,0,0,/); // operations started at time 0 are there
    // A new episode starts a new schedule.
    ask(server, { op: 'reset', id: 'a', seed: 9 });
    expect((ask(server, { op: 'schedule', id: 'a' }).header.csv as string).length).toBeLessThan(csv.length);
  });

  test('schedule without recordSchedule, or with an index out of range, is BAD_REQUEST', () => {
    const server = new EnvServer();
    ask(server, { op: 'make', id: 'a', scenario: { jobshop: 'ft06' } });
    ask(server, { op: 'reset', id: 'a' });
    expect(ask(server, { op: 'schedule', id: 'a' }).header.error.message).toContain('recordSchedule: true');
    ask(server, {
      op: 'make',
      id: 'v',
      scenario: { jobshop: 'ft06' },
      numEnvs: 2,
      options: { recordSchedule: true },
    });
    ask(server, { op: 'reset', id: 'v', seed: 1 });
    expect(ask(server, { op: 'schedule', id: 'v', index: 1 }).header.ok).toBe(true);
    expect(ask(server, { op: 'schedule', id: 'v', index: 2 }).header.error.code).toBe('BAD_REQUEST');
    expect(
      ask(server, { op: 'make', id: 'w', scenario: { jobshop: 'ft06' }, options: { recordSchedule: 1 } })
        .header.error.code,
    ).toBe('BAD_REQUEST');
  });
});
