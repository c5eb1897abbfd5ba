/**
 * The replication pool: its worker threads give exactly the outcomes of runReplication, and
 * a task that carries its validated scenario gives the outcome of one that loads its file. The pool test
 * uses the built worker (dist/, as `npm test` builds it first); about 3 s.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFactor } from '../../src/experiments/design.js';
import type { ReplicationPool } from '../../src/experiments/pool.js';
import { type ReplicationTask, runReplication } from '../../src/experiments/replication.js';
import { planSweep } from '../../src/experiments/sweep.js';

const FILE = 'scenarios/serial-line.yaml';
const BUILT_POOL = fileURLToPath(new URL('../../dist/src/experiments/pool.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/src/experiments/worker.bundle.js', import.meta.url));

const plan = planSweep({
  file: FILE,
  factors: [parseFactor('buffers.before-bend.capacity=2..4')],
  design: 'grid',
  replications: 3,
  horizonS: 4 * 3600,
  warmupS: 600,
  shopfloorVersion: 'test',
});

/** Every point × replication, with and without the scenario the plan validated. */
const tasks = (withScenario: boolean): ReplicationTask[] =>
  plan.points.flatMap((p, i) =>
    [0, 1, 2].map((r) => ({
      file: FILE,
      overrides: p.settings,
      seed: plan.manifest.seed + r,
      horizonS: 4 * 3600,
      warmupS: 600,
      ...(withScenario ? { scenario: plan.scenarioAt!(i) } : {}),
    })),
  );

describe('replication tasks', () => {
  it('a task carrying its validated scenario gives the outcome of the same task loading its file', async () => {
    expect(() => plan.scenarioAt!(plan.points.length)).toThrow(/scenarioAt: no point/);
    const loaded = await Promise.all(tasks(false).map(runReplication));
    const carried = await Promise.all(tasks(true).map(runReplication));
    expect(carried).toEqual(loaded);
    expect(new Set(loaded.map((o) => o.values['kpis.throughputPerHour'])).size).toBeGreaterThan(1);
  });
});

describe('createReplicationPool (built worker)', () => {
  it('2 workers (two worker threads) give runReplication’s outcomes, task by task', async () => {
    expect(existsSync(BUILT_POOL), 'run `npm run build` first').toBe(true);
    const { createReplicationPool } = (await import(BUILT_POOL)) as {
      createReplicationPool: (n: number) => ReplicationPool;
    };
    const pool = createReplicationPool(2);
    try {
      expect(pool.workers).toBe(2);
      const expected = await Promise.all(tasks(false).map(runReplication));
      // Tasks with and without their scenario, mixed: the worker loads the file itself for the latter.
      const mixed = tasks(true).map((t, i) => (i % 2 === 0 ? t : tasks(false)[i]!));
      const got = await Promise.all(mixed.map((t) => pool.run(t)));
      expect(got).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  it('the bundled worker (what the pool starts) gives runReplication’s outcomes, on both of its paths', async () => {
    expect(existsSync(BUNDLE), 'run `npm run build` first').toBe(true);
    const { default: runTask } = (await import(BUNDLE)) as {
      default: (task: ReplicationTask) => Promise<unknown>;
    };
    const some = [...tasks(true).slice(0, 2), ...tasks(false).slice(2, 4)];
    const got = await Promise.all(some.map(runTask));
    expect(got).toEqual(await Promise.all(some.map(runReplication)));
  });

  it('a failing task rejects its own promise only; the other tasks finish', async () => {
    const { createReplicationPool } = (await import(BUILT_POOL)) as {
      createReplicationPool: (n: number) => ReplicationPool;
    };
    const pool = createReplicationPool(2);
    try {
      const bad: ReplicationTask = {
        file: FILE,
        overrides: [{ path: 'buffers.nope.capacity', value: 1 }],
        seed: 1,
      };
      const runs = [...tasks(true).slice(0, 4), bad, bad, ...tasks(true).slice(4, 6)].map((t) =>
        pool.run(t).then(
          (o) => ({ ok: true as const, seed: o.seed }),
          (e: Error) => ({ ok: false as const, message: e.message }),
        ),
      );
      const settled = await Promise.all(runs);
      expect(settled.filter((s) => s.ok)).toHaveLength(6);
      for (const s of settled.filter((x) => !x.ok)) expect(s).toMatchObject({ message: /no element "nope"/ });
    } finally {
      await pool.close();
    }
  });

  it('rejects a worker count that is not an integer ≥ 1', async () => {
    const { createReplicationPool } = (await import(BUILT_POOL)) as {
      createReplicationPool: (n: number) => ReplicationPool;
    };
    expect(() => createReplicationPool(0)).toThrow(RangeError);
    expect(() => createReplicationPool(1.5)).toThrow(RangeError);
  });
});
