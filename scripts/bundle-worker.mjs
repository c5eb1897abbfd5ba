#!/usr/bin/env node
/**
 * Bundles the replication pool's worker thread (`dist/src/experiments/worker.js` and the simulator it
 * imports) into one file, `dist/src/experiments/worker.bundle.js`, which `createReplicationPool` starts
 * when it is there. Run by `npm run build` after `tsc`.
 *
 * Why: each worker thread loads the simulator on its own, and loading ~600 small module files (most of
 * them the numerical library's) took 290–370 ms per thread; the bundle loads in about 45 ms. A sweep's
 * threads start replications that much sooner.
 *
 * The worker's rarer path (`import('./replication.js')`: tasks that read a scenario file or run a trained
 * policy) stays outside the bundle and loads the compiled modules beside it, as before.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'experiments');

await build({
  entryPoints: [join(HERE, 'worker.js')],
  outfile: join(HERE, 'worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['./replication.js'],
  // CommonJS dependencies call require() (e.g. of node:tty); an ES module has none of its own.
  banner: {
    js: "import { createRequire as shopfloorRequire } from 'node:module'; const require = shopfloorRequire(import.meta.url);",
  },
});
