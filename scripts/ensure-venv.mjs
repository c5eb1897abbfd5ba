#!/usr/bin/env node
/**
 * Makes sure the Python environment of the tests exists: `.venv` at the repository root with torch (CPU
 * build, pinned) and `./python` installed in editable mode with its test extras. Run by `npm test` before
 * the test runners, and by `npm run venv`.
 *
 * - First use: `python3 -m venv .venv`, then `pip install torch==2.13.0` FIRST (a plain `torch`, asked for
 *   by stable-baselines3, would pull a multi-GB CUDA build), then `pip install -e ./python[EXTRAS]`.
 * - Later uses: nothing, unless python/pyproject.toml, the extras or the torch pin changed (a stamp file
 *   in .venv records what was installed): then the two installs run again.
 * - `SHOPFLOOR_PYTHON=/path/to/python` uses that interpreter instead and installs nothing.
 * - `--extras test,bench` chooses the extras (default `test`).
 *
 * Prints every command it runs. Exit code: 0 ready, 1 a step failed (its output is above).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VENV = join(ROOT, '.venv');
const PYTHON = join(VENV, 'bin', 'python');
const STAMP = join(VENV, '.shopfloor-stamp');
const TORCH = 'torch==2.13.0';

const args = process.argv.slice(2);
const at = args.indexOf('--extras');
const extras = at >= 0 ? (args[at + 1] ?? 'test') : 'test';

const say = (line) => process.stdout.write(`venv: ${line}\n`);

function run(cmd, cmdArgs) {
  say(`$ ${[cmd, ...cmdArgs].join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.error !== undefined || r.status !== 0) {
    say(`✖ failed (${r.error?.message ?? `exit code ${r.status}`}): ${[cmd, ...cmdArgs].join(' ')}`);
    process.exit(1);
  }
}

if (process.env.SHOPFLOOR_PYTHON) {
  say(`using SHOPFLOOR_PYTHON=${process.env.SHOPFLOOR_PYTHON} (nothing installed)`);
  process.exit(0);
}

const pyproject = readFileSync(join(ROOT, 'python', 'pyproject.toml'));
const projectHash = createHash('sha256').update(pyproject).update(`\n${TORCH}\n`).digest('hex');
const wantedExtras = extras.split(',').filter((e) => e !== '');
// One stamp line per install: `<hash of pyproject.toml and the torch pin> <extras>`. An install with
// more extras under the same pyproject.toml covers fewer (e.g. `test` after `test,bench`).
const lines = existsSync(STAMP)
  ? readFileSync(STAMP, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
  : [];
const covered = lines.some((line) => {
  const [hash, list = ''] = line.split(' ');
  const had = new Set(list.split(','));
  return hash === projectHash && wantedExtras.every((e) => had.has(e));
});
if (existsSync(PYTHON) && covered) {
  say(`.venv is up to date (python/pyproject.toml unchanged, extras ${extras})`);
  process.exit(0);
}

const started = Date.now();
if (!existsSync(PYTHON)) {
  const base = process.env.PYTHON ?? 'python3';
  say(`creating .venv with ${base} (first use; about 3–6 minutes, mostly torch and stable-baselines3)`);
  run(base, ['-m', 'venv', VENV]);
} else {
  say(`python/pyproject.toml or the extras changed: installing again (extras ${extras})`);
}
run(PYTHON, ['-m', 'pip', 'install', '--quiet', TORCH]);
run(PYTHON, ['-m', 'pip', 'install', '--quiet', '-e', `./python[${extras}]`]);
const kept = lines.filter((line) => line.startsWith(`${projectHash} `));
writeFileSync(STAMP, `${[...kept, `${projectHash} ${wantedExtras.join(',')}`].join('\n')}\n`);
say(`ready in ${Math.round((Date.now() - started) / 1000)} s: ${PYTHON}`);
