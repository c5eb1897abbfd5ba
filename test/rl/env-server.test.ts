/**
 * `shopfloor env-server` as the Python client will see it: a real process, real pipes, frames written
 * by an independent client (test/_support/env-server-client.ts). Needs `npm run build` first. About 6 s
 * (ten server processes, ~0.5 s start-up each).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type EnvInfo, ShopfloorEnv, VectorEnv } from '../../src/rl/index.js';
import { jobShopToScenarioYaml, loadJobShopInstance, loadScenario } from '../../src/scenario/index.js';
import { EnvServerClient, frame } from '../_support/env-server-client.js';

const FT06 = jobShopToScenarioYaml(loadJobShopInstance('ft06'));

function ft06Scenario() {
  const loaded = loadScenario(FT06, { fileName: 'ft06.yaml' });
  if (!loaded.ok) throw new Error('ft06 does not load');
  return loaded.scenario;
}

/** The legal action a fixed policy picks: the k-th legal slot, k cycling with the step. */
function pick(mask: Uint8Array, step: number): number {
  const legal = [...mask.keys()].filter((i) => mask[i] === 1);
  return legal[step % legal.length]!;
}

/** The info row PROTOCOL.md describes, from an in-process env's info (written apart from the server's). */
const COLUMNS = ['nowS', 'step', 'episode', 'seed', 'done', 'finished', 'makespanS', 'decisionKind'];
const KINDS = ['dispatch', 'routing', 'crew', 'transport', 'maintenance', 'operator'];
function infoRow(info: EnvInfo): number[] {
  return [
    info.nowS,
    info.step,
    info.episode,
    info.seed,
    info.done ? 1 : 0,
    info.finished,
    info.makespanS ?? Number.NaN,
    info.decision === null ? -1 : KINDS.indexOf(info.decision.kind),
  ];
}

const bits = (a: Float32Array | Float64Array) =>
  Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const clients: EnvServerClient[] = [];
function start(): EnvServerClient {
  const c = new EnvServerClient();
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

describe('shopfloor env-server', () => {
  test('ping answers; EOF on stdin exits 0 with nothing on stdout but frames', async () => {
    const c = start();
    expect((await c.request({ op: 'ping' })).header).toEqual({ ok: true, op: 'ping', protocol: 2 });
    expect(await c.end()).toEqual({ code: 0, signal: null });
    expect(c.leftover).toBe(0);
  });

  test('ft06 over the pipe is bit-identical to an in-process ShopfloorEnv with the same seed and actions', async () => {
    const c = start();
    const made = await c.request({
      op: 'make',
      id: 'a',
      scenario: { text: FT06, fileName: 'ft06.yaml' },
      options: { slots: 'product' },
    });
    expect(made.header.ok).toBe(true);
    const local = new ShopfloorEnv({ scenario: ft06Scenario(), slots: 'product' });
    expect(made.header.observationSpace).toEqual(local.observationSpace);
    expect(made.header.actionSpace).toEqual({ type: 'discrete', n: 6 });
    expect(made.header.maxCandidates).toBe(6);
    expect(made.header.protocol).toBe(2);
    expect(made.header.infoColumns).toEqual(COLUMNS);
    expect(made.header.decisionKinds).toEqual(KINDS);

    const r = await c.request({ op: 'reset', id: 'a', seed: 42 });
    const lr = local.reset({ seed: 42 });
    expect(bits(r.arrays.observation as Float32Array)).toEqual(bits(lr.observation));
    expect(Array.from(r.arrays.action_mask!)).toEqual(Array.from(lr.info.actionMask));
    expect(r.arrays.info![3]).toBe(42);
    expect(Array.from(r.arrays.info!)).toEqual(infoRow(lr.info));
    expect(r.header).toEqual({ ok: true, id: 'a', arrays: expect.any(Array) }); // no texts: none set

    let mask = r.arrays.action_mask as Uint8Array;
    let total = 0;
    for (let step = 0; ; step++) {
      const action = pick(mask, step);
      const s = await c.request({ op: 'step', id: 'a' }, { actions: Int32Array.of(action) });
      const ls = local.step(action);
      expect(s.header.ok).toBe(true);
      expect(bits(s.arrays.observation as Float32Array)).toEqual(bits(ls.observation));
      expect(bits(s.arrays.reward as Float64Array)).toEqual(bits(Float64Array.of(ls.reward)));
      expect(s.arrays.terminated![0]).toBe(ls.terminated ? 1 : 0);
      expect(s.arrays.truncated![0]).toBe(ls.truncated ? 1 : 0);
      expect(Array.from(s.arrays.action_mask!)).toEqual(Array.from(ls.info.actionMask));
      expect(Array.from(s.arrays.info!)).toEqual(infoRow(ls.info));
      total += s.arrays.reward![0]!;
      mask = s.arrays.action_mask as Uint8Array;
      if (ls.terminated || ls.truncated) {
        expect(ls.terminated).toBe(true);
        expect(s.arrays.info![6]).toBe(ls.info.makespanS);
        expect(total).toBeCloseTo(-(ls.info.makespanS ?? Number.NaN), 6); // the makespan reward sums to −makespan
        break;
      }
    }
    expect(await c.end()).toEqual({ code: 0, signal: null });
  });

  test('a vector of 4 from a scenario file: batched arrays of 4 rows equal an in-process VectorEnv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-server-'));
    const file = join(dir, 'ft06.yaml');
    writeFileSync(file, FT06);
    const c = start();
    const made = await c.request({ op: 'make', id: 'v', scenario: file, numEnvs: 4, options: { seed: 5 } });
    expect(made.header.ok).toBe(true);
    expect(made.header.numEnvs).toBe(4);
    const local = new VectorEnv({ scenario: ft06Scenario(), numEnvs: 4, seed: 5 });
    const m = local.maxCandidates;
    const r = await c.request({ op: 'reset', id: 'v' });
    const lr = local.reset();
    expect(r.shapes.observations).toEqual([4, local.observationSize]);
    expect(r.shapes.action_masks).toEqual([4, m]);
    expect(bits(r.arrays.observations as Float32Array)).toEqual(bits(lr.observations));
    expect(r.shapes.infos).toEqual([4, COLUMNS.length]);
    expect(Array.from(r.arrays.infos!)).toEqual(lr.infos.flatMap(infoRow));
    expect([0, 1, 2, 3].map((i) => r.arrays.infos![i * COLUMNS.length + 3])).toEqual([5, 6, 7, 8]);
    let masks = r.arrays.action_masks as Uint8Array;
    let ends = 0;
    for (let step = 0; step < 200; step++) {
      const actions = Int32Array.from({ length: 4 }, (_, i) =>
        pick(masks.subarray(i * m, (i + 1) * m), step + i),
      );
      const s = await c.request({ op: 'step', id: 'v' }, { actions });
      const ls = local.step(actions);
      expect(bits(s.arrays.observations as Float32Array)).toEqual(bits(ls.observations));
      expect(bits(s.arrays.rewards as Float64Array)).toEqual(bits(ls.rewards));
      expect(Array.from(s.arrays.terminated!)).toEqual(Array.from(ls.terminated));
      expect(Array.from(s.arrays.truncated!)).toEqual(Array.from(ls.truncated));
      expect(Array.from(s.arrays.action_masks!)).toEqual(Array.from(ls.actionMasks));
      expect(Array.from(s.arrays.infos!)).toEqual(ls.infos.flatMap(infoRow));
      ends += ls.terminated.reduce((a, b) => a + b, 0);
      masks = s.arrays.action_masks as Uint8Array;
    }
    expect(ends).toBeGreaterThanOrEqual(4); // every env finished at least one episode (autoreset crossed)
    expect(await c.end()).toEqual({ code: 0, signal: null });
  });

  test('an illegal action is an INVALID_ACTION error with the env message, and the env goes on', async () => {
    const c = start();
    await c.request({ op: 'make', id: 'a', scenario: { text: FT06 }, options: { slots: 'product' } });
    const r = await c.request({ op: 'reset', id: 'a', seed: 1 });
    const mask = r.arrays.action_mask as Uint8Array;
    const illegal = mask.indexOf(0) >= 0 ? mask.indexOf(0) : 99;
    const bad = await c.request({ op: 'step', id: 'a' }, { actions: Int32Array.of(illegal) });
    expect(bad.header.ok).toBe(false);
    expect(bad.header.id).toBe('a');
    expect(bad.header.error?.code).toBe('INVALID_ACTION');
    expect(bad.header.error?.message).toMatch(/legal actions now: \[/);
    const good = await c.request({ op: 'step', id: 'a' }, { actions: Int32Array.of(pick(mask, 0)) });
    expect(good.header.ok).toBe(true);
    expect(good.arrays.info![1]).toBe(1);
  });

  test('with illegalAction penalty the message travels in texts, and the next reply has none again', async () => {
    const c = start();
    await c.request({
      op: 'make',
      id: 'p',
      scenario: { text: FT06 },
      options: { slots: 'product', illegalAction: 'penalty' },
    });
    const r = await c.request({ op: 'reset', id: 'p', seed: 1 });
    const mask = r.arrays.action_mask as Uint8Array;
    const bad = await c.request({ op: 'step', id: 'p' }, { actions: Int32Array.of(99) });
    expect(bad.header.ok).toBe(true);
    expect(bad.header.texts).toEqual({ illegalAction: expect.stringMatching(/out of range/) });
    expect(bad.arrays.reward![0]).toBe(-1);
    const good = await c.request({ op: 'step', id: 'p' }, { actions: Int32Array.of(pick(mask, 0)) });
    expect(good.header.texts).toBeUndefined();
    expect(good.arrays.info![1]).toBe(2); // the illegal step counted
  });

  test('request errors are answered and the stream goes on: unknown op, unknown id, bad scenario with path and line', async () => {
    const c = start();
    expect((await c.request({ op: 'fly' })).header.error?.code).toBe('UNKNOWN_OP');
    expect((await c.request({ op: 'reset', id: 'nope' })).header.error?.code).toBe('UNKNOWN_ID');
    const bad = await c.request({
      op: 'make',
      id: 'b',
      scenario: { text: FT06.replace(/processTime: .*/, 'processTime: -3min'), fileName: 'bad.yaml' },
    });
    expect(bad.header.error?.code).toBe('SCENARIO');
    expect(bad.header.error?.message).toMatch(/bad\.yaml line \d+/);
    const cfg = await c.request({
      op: 'make',
      id: 'c',
      scenario: { text: FT06 },
      options: { agent: ['crew'] },
    });
    expect(cfg.header.error?.code).toBe('ENV_CONFIG');
    expect(
      (await c.request({ op: 'make', id: 'd', scenario: { text: FT06 }, options: { sloots: 1 } })).header
        .error?.code,
    ).toBe('BAD_REQUEST');
    expect((await c.request({ op: 'ping' })).header.ok).toBe(true);
    expect(await c.end()).toEqual({ code: 0, signal: null });
  });

  test('a request larger than the read buffer (64 KiB) and two requests in one write are answered in order', async () => {
    const c = start();
    const padded = `${FT06}\n# ${'x'.repeat(200_000)}\n`;
    c.writeRaw(
      Buffer.concat([
        frame({ op: 'make', id: 'big', scenario: { text: padded }, options: { slots: 'product' } }),
        frame({ op: 'reset', id: 'big', seed: 3 }),
      ]),
    );
    const made = await c.next();
    const reset = await c.next();
    expect(made.header.ok).toBe(true);
    expect(reset.arrays.info![3]).toBe(3);
    expect((await c.request({ op: 'ping' })).header.ok).toBe(true);
  });

  test('close twice is fine; the id is free again', async () => {
    const c = start();
    await c.request({ op: 'make', id: 'a', scenario: { text: FT06 } });
    expect((await c.request({ op: 'close', id: 'a' })).header).toEqual({ ok: true, id: 'a', closed: true });
    expect((await c.request({ op: 'close', id: 'a' })).header).toEqual({ ok: true, id: 'a', closed: false });
    expect((await c.request({ op: 'step', id: 'a' }, { actions: Int32Array.of(0) })).header.error?.code).toBe(
      'UNKNOWN_ID',
    );
    expect((await c.request({ op: 'make', id: 'a', scenario: { text: FT06 } })).header.ok).toBe(true);
  });

  test.each([
    ['garbage bytes', Buffer.from('hello, is this JSON?\n')],
    ['bad JSON', frame({ op: 'ping' }).fill(0x7b, 8, 12)],
    [
      'an array byte length that does not match its shape',
      (() => {
        const f = frame({ op: 'step', id: 'a' }, { actions: Int32Array.of(1, 2) });
        const h = f.readUInt32LE(4);
        const json = f
          .subarray(8, 8 + h)
          .toString()
          .replace('"shape":[2]', '"shape":[3]');
        f.write(json, 8);
        return f;
      })(),
    ],
  ])('%s: a BAD_FRAME error, then exit code != 0 within a second', async (_name, bytes) => {
    const c = start();
    // Started first: the second measures the server's answer, not Node's start-up on a busy machine.
    expect((await c.request({ op: 'ping' })).header.ok).toBe(true);
    const t0 = performance.now();
    c.writeRaw(bytes);
    const reply = await c.next(1000);
    expect(reply.header.ok).toBe(false);
    expect(reply.header.error?.code).toBe('BAD_FRAME');
    const exit = await c.exited;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(c.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('EOF inside a frame is a BAD_FRAME error and a non-zero exit', async () => {
    const c = start();
    expect((await c.request({ op: 'ping' })).header.ok).toBe(true);
    c.writeRaw(frame({ op: 'ping' }).subarray(0, 10));
    const exitP = c.end();
    expect((await c.next(1000)).header.error?.code).toBe('BAD_FRAME');
    expect((await exitP).code).toBe(3);
  });
});
