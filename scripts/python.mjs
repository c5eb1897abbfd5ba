#!/usr/bin/env node
/**
 * Runs the project's Python with the given arguments: `SHOPFLOOR_PYTHON` when set, else `.venv/bin/python`
 * (made by `npm run venv`). `npm run test:python` is `node scripts/python.mjs -m pytest python/tests`.
 * Exits with Python's exit code; a missing interpreter is a one-line error and exit code 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = process.env.SHOPFLOOR_PYTHON || join(ROOT, '.venv', 'bin', 'python');
if (!existsSync(python)) {
  process.stderr.write(
    `python: ${python} does not exist; run \`npm run venv\` first (or set SHOPFLOOR_PYTHON)\n`,
  );
  process.exit(1);
}
const r = spawnSync(python, process.argv.slice(2), { cwd: ROOT, stdio: 'inherit' });
if (r.error !== undefined) {
  process.stderr.write(`python: cannot run ${python}: ${r.error.message}\n`);
  process.exit(1);
}
process.exit(r.status ?? 1);
