import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { CommandModule } from 'yargs';
import { UsageError } from '../usage-error.js';

interface ViewArgs {
  file: string | undefined;
  compare: string | undefined;
  live: string | undefined;
  token: string | undefined;
  port: number;
}

/** The built viewer: viz/dist at the package root (`npm run build:viz`). */
export function viewerDir(): string {
  // dist/src/cli/commands/view.js (built) or src/cli/commands/view.ts (tests): four or three levels up.
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../../..', '../../..']) {
    const dir = resolve(here, up, 'viz/dist');
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new UsageError(
    'view: the viewer is not built (viz/dist/index.html is missing); run `npm run build:viz`',
  );
}

/**
 * `shopfloor view TRACE|FILE`: serves the built viewer and the given files on 127.0.0.1 and prints the URL
 * to open. A scenario (`.yaml`, `.yml`) is simulated in the page; a trace is replayed (with `--compare`, two
 * traces side by side). It needs no browser on this machine and runs until interrupted.
 */
export const viewCommand: CommandModule<object, ViewArgs> = {
  command: 'view [file]',
  describe:
    'Serve the 3D viewer on 127.0.0.1 for a trace (replay), a scenario (simulated in the page) or a live `shopfloor serve` (--live)',
  builder: (y) =>
    y
      .positional('file', {
        type: 'string',
        describe: 'trace (.sftrace) or scenario (.yaml)',
      })
      .option('live', {
        type: 'string',
        describe: 'watch a running `shopfloor serve` instead of a file, e.g. ws://127.0.0.1:8765/',
      })
      .option('token', { type: 'string', describe: 'with --live: the token the server was started with' })
      .option('compare', {
        type: 'string',
        describe: 'a second trace of the same scenario, shown side by side',
      })
      .option('port', { type: 'number', default: 0, describe: 'port (default: any free port)' }),
  handler: async (argv) => {
    if ((argv.file === undefined) === (argv.live === undefined))
      throw new UsageError('view: give a trace or scenario file, or --live ws://HOST:PORT/ (one of them)');
    if (argv.live !== undefined && !/^wss?:\/\//.test(argv.live))
      throw new UsageError(`view: --live must be a ws:// or wss:// URL (got ${argv.live})`);
    if (argv.live !== undefined && argv.compare !== undefined)
      throw new UsageError('view: --compare shows two traces; it does not go with --live');
    if (argv.token !== undefined && argv.live === undefined)
      throw new UsageError('view: --token goes with --live (a file needs none)');
    if (argv.compare !== undefined && argv.file !== undefined && /\.(ya?ml)$/i.test(argv.file))
      throw new UsageError(
        'view: --compare shows two traces side by side; the first file is a scenario (record traces with `shopfloor run FILE --trace T`)',
      );
    const files = [argv.file, argv.compare].filter((f): f is string => f !== undefined);
    for (const f of files)
      if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`view: no such file: ${f}`);
    if (!(Number.isInteger(argv.port) && argv.port >= 0 && argv.port <= 65_535))
      throw new UsageError(`view: --port must be an integer from 0 to 65535 (got ${argv.port})`);
    const url = await serveViewer(files, argv.port, argv.live, argv.token);
    process.stdout.write(`shopfloor viewer: ${url}\n(press Ctrl+C to stop)\n`);
  },
};

/**
 * Serves the viewer and `files` (as `/files/0/<name>`, `/files/1/<name>`) on 127.0.0.1; resolves to the
 * page's URL with the query that opens them (or, given `live`, a `shopfloor serve` WebSocket URL, the query
 * that connects to it). The server closes when the process ends.
 */
export function serveViewer(
  files: readonly string[],
  port = 0,
  live?: string,
  token?: string,
): Promise<string> {
  const app = sirv(viewerDir(), { dev: false, etag: true });
  const paths = files.map((f) => resolve(f));
  const served = paths.map((p) => sirv(dirname(p), { dev: true }));
  const server = createServer((req, res) => {
    const m = /^\/files\/(\d+)\/(.*)$/.exec(req.url ?? '');
    const i = m === null ? -1 : Number(m[1]);
    if (m !== null && i < paths.length && decodeURIComponent(m[2]!) === basename(paths[i]!)) {
      req.url = `/${m[2]}`;
      served[i]!(req, res, () => notFound(res));
      return;
    }
    app(req, res, () => notFound(res));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const p = typeof address === 'object' && address !== null ? address.port : port;
      const ref = (i: number) => `/files/${i}/${encodeURIComponent(basename(paths[i]!))}`;
      const yaml = paths.length > 0 && /\.(ya?ml)$/i.test(paths[0]!);
      const liveQuery = () =>
        `?live=${encodeURIComponent(live!)}${token === undefined ? '' : `&token=${encodeURIComponent(token)}`}`;
      const query =
        live !== undefined
          ? liveQuery()
          : yaml
            ? `?scenario=${ref(0)}`
            : `?trace=${ref(0)}${paths.length > 1 ? `&compare=${ref(1)}` : ''}`;
      done(`http://127.0.0.1:${p}/${query}`);
    });
  });
}

function notFound(res: import('node:http').ServerResponse): void {
  res.statusCode = 404;
  res.end('not found');
}
