/**
 * The RL environment's speed: decisions per wall-clock second of the in-process env with a random masked
 * policy (ft10 as one env and as a vector of 16; the demo factory with dispatch decisions), and, as the
 * floor to compare with, ft10 episodes per second with the fifo rule through `buildPlant` + `plant.run`
 * (no agent). Medians over rounds after a warm-up. `node dist/bench/rl.js [--quick]` runs it alone.
 */
import { performance } from 'node:perf_hooks';
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
import { median } from './harness.js';

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

interface Rate {
  /** Median decisions (or episodes) per wall-clock second. */
  perSecond: number;
  /** Episodes completed per measured round. */
  episodesPerRound: number;
}

function measure(rounds: number, run: () => { steps: number; episodes: number }): Rate {
  run(); // warm-up
  const rates: number[] = [];
  let episodes = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const out = run();
    rates.push(out.steps / ((performance.now() - t0) / 1000));
    episodes = out.episodes;
  }
  return { perSecond: Math.round(median(rates)), episodesPerRound: episodes };
}

/** The `rl` entry of the benchmark. */
export interface RlBench {
  ft10Single: Rate;
  ft10Vector16: Rate;
  demoFactoryDispatch: Rate;
  /** ft10 with the fifo rule, buildPlant + plant.run: episodes per second. */
  ft10FifoEpisodesPerSecond: number;
  /** Decisions per ft10 episode with the random masked policy (options ≥ 2 only). */
  ft10DecisionsPerEpisode: number;
}

/** Measures the RL environment; prints one line per figure through `log`. */
export function benchRl(quick: boolean, log: (line: string) => void): RlBench {
  const rounds = quick ? 3 : 7;
  const steps = quick ? 20_000 : 100_000;
  const jobShop = ft10();
  const single = new ShopfloorEnv({ scenario: jobShop, agent: ['dispatch'], slots: 'product', seed: 1 });
  const ft10Single = measure(rounds, () => runSingle(single, steps, new RandomStream('bench/rl', '1')));
  const ft10DecisionsPerEpisode = Math.round(steps / Math.max(1, ft10Single.episodesPerRound));
  log(
    `rl        ft10 single env     ${fmt(ft10Single.perSecond)} decisions/s   (random masked policy, slots: product, ~${ft10DecisionsPerEpisode} decisions per episode)`,
  );
  const vector = new VectorEnv({
    scenario: jobShop,
    agent: ['dispatch'],
    slots: 'product',
    numEnvs: 16,
    seed: 1,
  });
  const ft10Vector16 = measure(rounds, () => runVector(vector, steps, new RandomStream('bench/rl', '2')));
  log(`rl        ft10 vector of 16   ${fmt(ft10Vector16.perSecond)} decisions/s`);
  const demo = new ShopfloorEnv({ scenario: demoFactory(), agent: ['dispatch'], seed: 1 });
  const demoSteps = quick ? 5_000 : 20_000;
  const demoFactoryDispatch = measure(rounds, () =>
    runSingle(demo, demoSteps, new RandomStream('bench/rl', '3')),
  );
  log(
    `rl        demo factory        ${fmt(demoFactoryDispatch.perSecond)} decisions/s   (dispatch, random masked policy)`,
  );
  const fifoEpisodes = quick ? 500 : 3000;
  const fifo = measure(rounds, () => {
    for (let i = 0; i < fifoEpisodes; i++) buildPlant(jobShop, i + 1).plant.run();
    return { steps: fifoEpisodes, episodes: fifoEpisodes };
  });
  log(
    `rl        ft10 fifo rule      ${fmt(fifo.perSecond)} episodes/s    (buildPlant + plant.run, no agent)`,
  );
  return {
    ft10Single,
    ft10Vector16,
    demoFactoryDispatch,
    ft10FifoEpisodesPerSecond: fifo.perSecond,
    ft10DecisionsPerEpisode,
  };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US').padStart(11);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = benchRl(process.argv.includes('--quick'), (line) => process.stdout.write(`${line}\n`));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}
