/**
 * A vector env split over two threads (src/rl/server/vector-shards.ts) answers exactly as one thread:
 * two real `shopfloor env-server` processes, one with `SHOPFLOOR_ENV_THREADS=1` and one with `2`, get the
 * same requests and must give the same bytes (observations, masks, rewards, flags, info rows, texts,
 * errors), and both must equal an in-process `VectorEnv`. Needs `npm run build` first. About 4 s.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { VectorEnv } from '../../src/rl/index.js';
import { jobShopToScenarioYaml, loadJobShopInstance, loadScenario } from '../../src/scenario/index.js';
import { EnvServerClient, type Reply } from '../_support/env-server-client.js';

const FT06 = jobShopToScenarioYaml(loadJobShopInstance('ft06'));
const N = 9; // split 4 here + 5 in the worker thread: uneven on purpose

const clients: EnvServerClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

/** A server with one thread and one with two. */
function servers(): [EnvServerClient, EnvServerClient] {
  const one = new EnvServerClient({ SHOPFLOOR_ENV_THREADS: '1' });
  const two = new EnvServerClient({ SHOPFLOOR_ENV_THREADS: '2' });
  clients.push(one, two);
  return [one, two];
}

const bytes = (a: ArrayBufferView | undefined) =>
  a === undefined ? undefined : Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

/** The whole reply as comparable values (floats by their bits, so NaN equals NaN). */
function canonical(r: Reply): unknown {
  return {
    header: r.header,
    arrays: Object.fromEntries(Object.entries(r.arrays).map(([k, a]) => [k, bytes(a)])),
    shapes: r.shapes,
  };
}

/** Sends the same request to both servers; expects the same reply; returns it. */
async function both(
  pair: [EnvServerClient, EnvServerClient],
  header: Record<string, unknown>,
  arrays: Record<string, Int32Array> = {},
): Promise<Reply> {
  const [a, b] = await Promise.all(pair.map((c) => c.request(header, arrays)));
  expect(canonical(b!)).toEqual(canonical(a!));
  return a!;
}

/** The k-th legal slot of a mask row (k cycling), 0 when none is legal (an env being autoreset). */
function pick(mask: Uint8Array, k: number): number {
  const legal = [...mask.keys()].filter((i) => mask[i] === 1);
  return legal.length === 0 ? 0 : legal[k % legal.length]!;
}

function ft06() {
  const loaded = loadScenario(FT06, { fileName: 'ft06.yaml' });
  if (!loaded.ok) throw new Error('ft06 does not load');
  return loaded.scenario;
}

describe('env-server: a vector split over two threads', () => {
  test('every reset and step reply (autoresets, a seeded reset, errors) is byte-identical to one thread and to VectorEnv', async () => {
    const pair = servers();
    const options = { slots: 'product', seed: 3 };
    const made = await Promise.all(
      pair.map((c) => c.request({ op: 'make', id: 'v', scenario: { text: FT06 }, numEnvs: N, options })),
    );
    // The test is only worth something if the second server did split the vector.
    expect(made.map((m) => m.header.threads)).toEqual([1, 2]);
    const { threads: _a, ...first } = made[0]!.header;
    const { threads: _b, ...second } = made[1]!.header;
    expect(second).toEqual(first);

    const early = await both(pair, { op: 'step', id: 'v' }, { actions: new Int32Array(N) });
    expect(early.header.error?.code).toBe('ENV_CONFIG');

    const local = new VectorEnv({ scenario: ft06(), slots: 'product', numEnvs: N, seed: 3 });
    const m = local.maxCandidates;
    let r = await both(pair, { op: 'reset', id: 'v' });
    let lr: { observations: Float32Array; rewards?: Float64Array } = local.reset();
    expect(bytes(r.arrays.observations)).toBe(bytes(lr.observations));
    let masks = r.arrays.action_masks as Uint8Array;
    let ends = 0;
    let errors = 0;
    for (let step = 0; step < 240; step++) {
      if (step === 150) {
        r = await both(pair, { op: 'reset', id: 'v', seed: 11 });
        lr = local.reset({ seed: 11 });
        expect(bytes(r.arrays.observations)).toBe(bytes(lr.observations));
        masks = r.arrays.action_masks as Uint8Array;
      }
      const actions = Int32Array.from({ length: N }, (_, i) =>
        pick(masks.subarray(i * m, (i + 1) * m), step + i),
      );
      if (step % 40 === 7) {
        // An illegal action, of an env of this thread or of the worker's: the same error, nothing steps.
        const bad = Int32Array.from(actions);
        const row = step % 80 === 7 ? 2 : 7;
        const mask = masks.subarray(row * m, (row + 1) * m);
        if (mask.includes(1)) {
          bad[row] = mask.indexOf(0) >= 0 ? mask.indexOf(0) : m;
          const e = await both(pair, { op: 'step', id: 'v' }, { actions: bad });
          expect(e.header.error?.code).toBe('INVALID_ACTION');
          expect(e.header.error?.message).toContain(`env ${row}:`);
          errors++;
        }
        const count = await both(pair, { op: 'step', id: 'v' }, { actions: actions.subarray(1) });
        expect(count.header.error?.message).toContain(`expected ${N} actions`);
      }
      const s = await both(pair, { op: 'step', id: 'v' }, { actions });
      const ls = local.step(actions);
      expect(bytes(s.arrays.observations)).toBe(bytes(ls.observations));
      expect(bytes(s.arrays.rewards)).toBe(bytes(ls.rewards));
      expect(bytes(s.arrays.action_masks)).toBe(bytes(ls.actionMasks));
      ends += ls.terminated.reduce((a, b) => a + b, 0);
      masks = s.arrays.action_masks as Uint8Array;
    }
    expect(errors).toBeGreaterThanOrEqual(4);
    expect(ends).toBeGreaterThanOrEqual(2 * N); // every env crossed autoresets
    expect((await both(pair, { op: 'close', id: 'v' })).header.closed).toBe(true);
    expect(await Promise.all(pair.map((c) => c.end()))).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  });

  test('with illegalAction penalty the texts of both threads’ envs come in env order, as with one thread', async () => {
    const pair = servers();
    const options = { slots: 'product', illegalAction: 'penalty', penalty: 2 };
    const made = await Promise.all(
      pair.map((c) => c.request({ op: 'make', id: 'p', scenario: { jobshop: 'ft06' }, numEnvs: 8, options })),
    );
    expect(made.map((x) => x.header.threads)).toEqual([1, 2]);
    const r = await both(pair, { op: 'reset', id: 'p', seed: 1 });
    const masks = r.arrays.action_masks as Uint8Array;
    const m = masks.length / 8;
    const actions = Int32Array.from({ length: 8 }, (_, i) => pick(masks.subarray(i * m, (i + 1) * m), i));
    actions[6] = m + 3; // out of range: in the worker thread
    actions[1] = -1; // in this one
    const s = await both(pair, { op: 'step', id: 'p' }, { actions });
    const texts = s.header.texts as { env: number; illegalAction?: string }[];
    expect(texts.map((t) => t.env)).toEqual([1, 6]);
    expect(texts[1]!.illegalAction).toMatch(/out of range/);
    expect(Array.from(s.arrays.rewards!).filter((x) => x === -2)).toHaveLength(2);
    const next = await both(pair, { op: 'step', id: 'p' }, { actions: new Int32Array(8).fill(0) });
    expect(next.header.ok).toBe(true);
  });

  test('recordSchedule keeps the vector in one thread (the schedule op reads any sub-environment)', async () => {
    const [, two] = servers();
    const made = await two.request({
      op: 'make',
      id: 's',
      scenario: { jobshop: 'ft06' },
      numEnvs: 8,
      options: { recordSchedule: true },
    });
    expect(made.header.threads).toBe(1);
    await two.request({ op: 'reset', id: 's' });
    const csv = await two.request({ op: 'schedule', id: 's', index: 7 });
    expect(csv.header.ok).toBe(true);
  });
});
