import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { formatProblems, loadScenarioFile, parseDuration } from '../../scenario/index.js';
import { FRAME_FORMAT_VERSION } from '../../stream/frames.js';
import { MAX_SPEED, MIN_SPEED } from '../../stream/live-run.js';
import type { LiveServer } from '../../stream/live-server.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { checkRunFlags } from './check-run-flags.js';

interface ServeArgs {
  file: string;
  port: number;
  host: string;
  speed?: string;
  realtime: boolean;
  token?: string;
  seed?: number;
  horizon?: string;
  paused: boolean;
}

/** `--speed`: a number of simulated seconds per second within the paced range, or `max`. */
function speedFlag(text: string | undefined, realtime: boolean): number | 'max' {
  if (realtime) {
    if (text !== undefined) throw new UsageError('give either --speed or --realtime, not both');
    return 1;
  }
  if (text === undefined) return 60;
  if (text === 'max') return 'max';
  const v = Number(text);
  if (!(v >= MIN_SPEED && v <= MAX_SPEED)) {
    throw new UsageError(`--speed must be a number from ${MIN_SPEED} to ${MAX_SPEED} or max (got ${text})`);
  }
  return v;
}

/** `shopfloor serve FILE`: runs a scenario live and streams it to viewers over WebSocket. */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve <file>',
  describe:
    'Run a scenario live and stream it over WebSocket to viewers, who can pause, step and change its speed',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('port', { type: 'number', default: 8765, describe: 'TCP port (0 picks a free one)' })
      .option('host', {
        type: 'string',
        default: '127.0.0.1',
        describe: 'address to listen on; anything but 127.0.0.1 (this machine only) needs --token',
      })
      .option('speed', {
        type: 'string',
        describe: `simulated seconds per second, ${MIN_SPEED} to ${MAX_SPEED}, or max (default 60)`,
      })
      .option('realtime', {
        type: 'boolean',
        default: false,
        describe: 'run at wall-clock speed (--speed 1)',
      })
      .option('token', {
        type: 'string',
        describe: 'a secret every viewer must give (ws://host:port/?token=…); required off 127.0.0.1',
      })
      .option('seed', { type: 'number', describe: 'master seed (overrides run.seed)' })
      .option('horizon', { type: 'string', describe: 'simulated time, e.g. 8h (overrides run.horizon)' })
      .option('paused', { type: 'boolean', default: false, describe: 'start paused (a viewer resumes it)' })
      .check(checkRunFlags),
  handler: async (argv) => {
    const speed = speedFlag(argv.speed, argv.realtime);
    let horizonS: number | undefined;
    if (argv.horizon !== undefined) {
      try {
        horizonS = parseDuration(argv.horizon);
      } catch {
        throw new UsageError(`--horizon must be a duration such as "8h" (got "${argv.horizon}")`);
      }
      if (!(horizonS > 0)) throw new UsageError(`--horizon must be longer than 0 (got "${argv.horizon}")`);
    }
    if (argv.token !== undefined && argv.token.trim() === '')
      throw new UsageError('--token must not be empty: it is the secret every viewer gives');
    if (!(Number.isInteger(argv.port) && argv.port >= 0 && argv.port <= 65_535)) {
      throw new UsageError(`--port must be an integer from 0 to 65535 (got ${argv.port})`);
    }
    const loaded = loadScenarioFile(argv.file, { horizonS });
    if (!loaded.ok) {
      process.stderr.write(`${formatProblems(loaded.problems, argv.file)}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const scenario = loaded.scenario;
    const text = readFileSync(argv.file, 'utf8');
    // Loaded here, so other commands do not pay for the WebSocket server at start-up.
    const { LiveServer } = await import('../../stream/live-server.js');
    const { buildLayout } = await import('../../stream/layout.js');
    let server: LiveServer;
    try {
      server = new LiveServer({
        scenario,
        header: {
          formatVersion: FRAME_FORMAT_VERSION,
          shopfloorVersion: VERSION,
          name: scenario.name ?? '',
          scenarioText: text,
          scenarioSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
          startDate: scenario.run.start ?? null,
        },
        layout: (run) => buildLayout(scenario, run.model),
        seed: argv.seed,
        horizonS,
        host: argv.host,
        port: argv.port,
        token: argv.token,
        speed,
        paused: argv.paused,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(`${error.message} (give --token)`);
      throw error;
    }
    let url: string;
    try {
      url = await server.listen();
    } catch (error) {
      throw new UsageError(`cannot listen on ${argv.host}:${argv.port}: ${(error as Error).message}`);
    }
    const auth = argv.token === undefined ? '' : '?token=…';
    process.stdout.write(`streaming ${scenario.name ?? argv.file} at ${url}${auth} (Ctrl-C stops)\n`);
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
};
