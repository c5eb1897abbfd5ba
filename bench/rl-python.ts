/**
 * The Python client's speed: runs `bench/rl_python.py` with the project's Python (`SHOPFLOOR_PYTHON`, or
 * `.venv` made by `scripts/ensure-venv.mjs` with the `bench` extra, which adds job-shop-lib) and reads the
 * JSON object it prints last: ft10 with a random masked policy through `ShopfloorEnv`, `VectorEnv(16)` and
 * job_shop_lib's Gymnasium env, in one run. When Python cannot be made ready, the entry says why
 * (`skipped`) instead of failing the whole benchmark. `npm run bench -- rl-python [--json] [--quick]`
 * runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** What `bench/rl_python.py` reports (per second figures are medians over rounds), or why it did not run. */
export type RlPythonResult = Record<string, number | string | null | number[]> | { readonly skipped: string };

const fmt = (x: unknown): string =>
  typeof x === 'number' ? Math.round(x).toLocaleString('en-US').padStart(8) : '       –';

/** Runs the Python bench; `log` takes the human-readable lines. */
export function benchRlPython(quick: boolean, log: (line: string) => void): RlPythonResult {
  let python = process.env.SHOPFLOOR_PYTHON ?? '';
  if (python === '') {
    const made = spawnSync(process.execPath, [root('scripts/ensure-venv.mjs'), '--extras', 'test,bench'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    python = root('.venv/bin/python');
    if (made.status !== 0 || !existsSync(python)) {
      const skipped = `the Python environment could not be made (node scripts/ensure-venv.mjs --extras test,bench exited ${made.status})`;
      log(`rlPython  skipped: ${skipped}`);
      return { skipped };
    }
  }
  const run = spawnSync(python, [root('bench/rl_python.py'), ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = run.stdout?.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    const skipped = `bench/rl_python.py exited ${run.status ?? run.error?.message}`;
    log(`rlPython  skipped: ${skipped}`);
    return { skipped };
  }
  const r = JSON.parse(last) as Record<string, number | string | null | number[]>;
  const ratio = (x: unknown) => (typeof x === 'number' ? `${x.toFixed(1)}×` : '–');
  log(
    `rlPython  ft10 single env        ${fmt(r.singleStepsPerS)} steps/s       ${fmt(r.singleEpisodesPerS)} episodes/s   (Python → env-server, random masked policy)`,
  );
  log(
    `rlPython  ft10 VectorEnv(16)     ${fmt(r.vector16EnvStepsPerS)} env-steps/s   ${fmt(r.vector16EpisodesPerS)} episodes/s   (16 envs in one worker)`,
  );
  log(
    `rlPython  ft10 job_shop_lib env  ${fmt(r.jobShopLibStepsPerS)} steps/s       ${fmt(r.jobShopLibEpisodesPerS)} episodes/s   (SingleJobShopGraphEnv; 100 steps per episode, shopfloor ~33)${r.jobShopLibError ? ` unavailable: ${r.jobShopLibError}` : ''}`,
  );
  log(
    `rlPython  per CPU-second         single ${fmt(r.singleStepsPerCpuS)}   VectorEnv(16) ${fmt(r.vector16EnvStepsPerCpuS)}   job_shop_lib ${fmt(r.jobShopLibStepsPerCpuS)} steps (Python + Node worker CPU time, polling for answers included)`,
  );
  const us = (x: unknown) => (typeof x === 'number' ? x.toFixed(1) : '–');
  log(
    `rlPython  CPU µs per step        single Python ${us(r.singlePythonCpuUsPerStep)} + Node ${us(r.singleNodeCpuUsPerStep)}   VectorEnv(16) Python ${us(r.vector16PythonCpuUsPerEnvStep)} + Node ${us(r.vector16NodeCpuUsPerEnvStep)} per env-step (polling for answers included)`,
  );
  const load = Array.isArray(r.loadAverage) ? (r.loadAverage as number[]).join(' → ') : '?';
  log(`rlPython  load average         ${load} (1-minute, at the start and the end of the run)`);
  log(
    `rlPython  ratio to job_shop_lib  single ${ratio(r.singleVsJobShopLibSteps)} in steps/s, ${ratio(r.singleVsJobShopLibEpisodes)} in episodes/s; VectorEnv(16) ${ratio(r.vector16VsJobShopLibSteps)} in steps/s`,
  );
  return r;
}
