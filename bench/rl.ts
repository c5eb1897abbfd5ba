/**
 * The RL environment's speed: decisions per wall-clock second of the in-process env with a random masked
 * policy (ft10 as one env and as a vector of 16; the demo factory with dispatch decisions), and, as the
 * floor to compare with, ft10 episodes per second with the fifo rule through `buildPlant` + `plant.run`
 * (no agent), and the same random choices made by a policy object in `buildPlant` (the env's floor: the
 * broker builds the same decision points, but the run never stops); both without the statistics
 * collector, as in the env. Medians over rounds after a warm-up. `node dist/bench/rl.js [--quick]` runs
 * it alone.
 */
import { fileURLToPath } from 'node:url';
import { RandomStream } from '../src/engine/index.js';
import { ShopfloorEnv, VectorEnv } from '../src/rl/index.js';
import {
  buildPlant,
  jobShopToScenarioYaml,
  loadJobShopInstance,
  loadScenario,
  loadScenarioFile,
  type Scenario,
} from '../src/scenario/index.js';
import { compare, type Measurement } from './harness.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

function ft10(): Scenario {
  const loaded = loadScenario(jobShopToScenarioYaml(loadJobShopInstance('ft10')), { fileName: 'ft10.yaml' });
  if (!loaded.ok) throw new Error('ft10 does not load');
  return loaded.scenario;
}

function demoFactory(): Scenario {
  const loaded = loadScenarioFile(root('scenarios/demo-factory.yaml'));
  if (!loaded.ok) throw new Error('demo-factory does not load');
  return loaded.scenario;
}

/** Picks a uniform legal action of `mask[offset … offset + n)` from `rng`. */
function pick(rng: RandomStream, mask: Uint8Array, offset: number, n: number, legal: Int32Array): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (mask[offset + i] === 1) legal[k++] = i;
  return legal[k === 1 ? 0 : rng.int(0, k - 1)]!;
}

/** Steps `env` with a random masked policy for `steps` decisions (resetting at episode ends). */
function runSingle(env: ShopfloorEnv, steps: number, rng: RandomStream): { steps: number; episodes: number } {
  const legal = new Int32Array(env.maxCandidates);
  let mask = env.reset().info.actionMask;
  let episodes = 0;
  for (let i = 0; i < steps; i++) {
    const r = env.step(pick(rng, mask, 0, env.maxCandidates, legal));
    mask = r.info.actionMask;
    if (r.terminated || r.truncated) {
      episodes++;
      mask = env.reset().info.actionMask;
    }
  }
  return { steps, episodes };
}

function runVector(venv: VectorEnv, steps: number, rng: RandomStream): { steps: number; episodes: number } {
  const n = venv.numEnvs;
  const m = venv.maxCandidates;
  const legal = new Int32Array(m);
  const actions = new Int32Array(n);
  let masks = venv.reset().actionMasks;
  let episodes = 0;
  const rounds = Math.ceil(steps / n);
  for (let t = 0; t < rounds; t++) {
    for (let i = 0; i < n; i++) {
      // NOTE: an env being autoreset ignores its action and has an all-zero mask; any action will do.
      let any = 0;
      for (let j = 0; j < m; j++) any |= masks[i * m + j]!;
      actions[i] = any === 0 ? 0 : pick(rng, masks, i * m, m, legal);
    }
    const r = venv.step(actions);
    masks = r.actionMasks;
    for (let i = 0; i < n; i++) episodes += r.terminated[i]! | r.truncated[i]!;
  }
  return { steps: rounds * n, episodes };
}

/** The `rl` entry of the benchmark. */
export interface RlBench {
  /** ft10, one env, random masked policy: decisions per second. */
  ft10Single: number;
  /** ft10, a vector of 16 envs: decisions per second (all sub-environments together). */
  ft10Vector16: number;
  /** ft10, a random policy object through buildPlant (no env, no stops): decisions per second. */
  ft10RandomRule: number;
  /** ft10 with the fifo rule, buildPlant + plant.run: episodes per second. */
  ft10FifoEpisodesPerSecond: number;
  /** Single env / random rule: the share of the in-process rule speed the env keeps. */
  envOverRandomRule: number;
  /** Decisions per ft10 episode with the random masked policy (options ≥ 2 only). */
  ft10DecisionsPerEpisode: number;
  /** The demo factory, dispatch decisions, random masked policy: decisions per second. */
  demoFactoryDispatch: number;
}

/**
 * Measures the RL environment; prints one line per figure through `log`. The ft10 contenders run
 * interleaved, round by round (bench/harness.ts `compare`), so a busy machine slows them alike and the
 * ratio stays meaningful.
 */
export function benchRl(quick: boolean, log: (line: string) => void): RlBench {
  const rounds = quick ? 3 : 7;
  const steps = quick ? 20_000 : 100_000;
  const episodes = quick ? 600 : 3000;
  const jobShop = ft10();
  const single = new ShopfloorEnv({ scenario: jobShop, agent: ['dispatch'], slots: 'product', seed: 1 });
  const vector = new VectorEnv({
    scenario: jobShop,
    agent: ['dispatch'],
    slots: 'product',
    numEnvs: 16,
    seed: 1,
  });
  // The same random choices made in process by a policy object (buildPlant's `policies`): the broker builds
  // the same decision points, but nothing stops the run, so this is the floor of the env's cost.
  const ruleRng = new RandomStream('bench/rl', '4');
  let ruleDecisions = 0;
  const randomRule = {
    name: 'random',
    decide(point: { readonly options: readonly unknown[] }): number {
      ruleDecisions++;
      return ruleRng.int(0, point.options.length - 1);
    },
  };
  type Run = { steps: number; episodes: number };
  const [env, vec, rule, fifo] = compare<Run>(
    [
      {
        engine: 'env',
        run: () => runSingle(single, steps, new RandomStream('bench/rl', '1')),
        units: (r) => r.steps,
      },
      {
        engine: 'vector16',
        run: () => runVector(vector, steps, new RandomStream('bench/rl', '2')),
        units: (r) => r.steps,
      },
      {
        engine: 'random rule',
        run: () => {
          ruleDecisions = 0;
          for (let i = 0; i < episodes; i++) {
            buildPlant(jobShop, i + 1, { policies: { dispatch: randomRule }, statistics: false }).plant.run();
          }
          return { steps: ruleDecisions, episodes };
        },
        units: (r) => r.steps,
      },
      {
        engine: 'fifo',
        run: () => {
          for (let i = 0; i < episodes; i++) buildPlant(jobShop, i + 1, { statistics: false }).plant.run();
          return { steps: 0, episodes };
        },
        units: (r) => r.episodes,
      },
    ],
    rounds,
    1,
  ) as [Measurement<Run>, Measurement<Run>, Measurement<Run>, Measurement<Run>];
  const ft10DecisionsPerEpisode = Math.round(env.last.steps / Math.max(1, env.last.episodes));
  const result: RlBench = {
    ft10Single: Math.round(env.medianPerSecond),
    ft10Vector16: Math.round(vec.medianPerSecond),
    ft10RandomRule: Math.round(rule.medianPerSecond),
    ft10FifoEpisodesPerSecond: Math.round(fifo.medianPerSecond),
    envOverRandomRule: Math.round((100 * env.medianPerSecond) / rule.medianPerSecond) / 100,
    ft10DecisionsPerEpisode,
    demoFactoryDispatch: 0,
  };
  log(
    `rl        ft10 single env     ${fmt(result.ft10Single)} decisions/s   (random masked policy, slots: product, ~${ft10DecisionsPerEpisode} decisions per episode)`,
  );
  log(`rl        ft10 vector of 16   ${fmt(result.ft10Vector16)} decisions/s`);
  log(
    `rl        ft10 random rule    ${fmt(result.ft10RandomRule)} decisions/s   (the same choices by a policy object through buildPlant: no env; env reaches ${Math.round(100 * result.envOverRandomRule)}% of it)`,
  );
  log(
    `rl        ft10 fifo rule      ${fmt(result.ft10FifoEpisodesPerSecond)} episodes/s    (buildPlant + plant.run, no agent)`,
  );
  const demo = new ShopfloorEnv({ scenario: demoFactory(), agent: ['dispatch'], seed: 1 });
  const demoSteps = quick ? 5_000 : 20_000;
  const [demoRate] = compare<Run>(
    [
      {
        engine: 'demo',
        run: () => runSingle(demo, demoSteps, new RandomStream('bench/rl', '3')),
        units: (r) => r.steps,
      },
    ],
    rounds,
    1,
  );
  result.demoFactoryDispatch = Math.round(demoRate!.medianPerSecond);
  log(
    `rl        demo factory        ${fmt(result.demoFactoryDispatch)} decisions/s   (dispatch, random masked policy)`,
  );
  return result;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US').padStart(11);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = benchRl(process.argv.includes('--quick'), (line) => process.stdout.write(`${line}\n`));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}
