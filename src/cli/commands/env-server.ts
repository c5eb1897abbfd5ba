import type { CommandModule } from 'yargs';
import { serveEnv } from '../../rl/server/env-server.js';
import { DEFAULT_POLL_US, MAX_POLL_US } from '../../rl/server/polling-reader.js';
import { serveEnvFds } from '../../rl/server/serve-fd.js';
import { UsageError } from '../usage-error.js';

/** `--poll-us`, checked: an integer from 0 to {@link MAX_POLL_US}. */
function pollUs(value: number): number {
  if (!(Number.isInteger(value) && value >= 0 && value <= MAX_POLL_US))
    throw new UsageError(`--poll-us must be an integer from 0 to ${MAX_POLL_US} µs (got ${value})`);
  return value;
}

/** `shopfloor env-server`: RL environments over stdin/stdout (protocol: src/rl/server/PROTOCOL.md). */
export const envServerCommand: CommandModule<object, { 'poll-us': number }> = {
  command: 'env-server',
  describe:
    'Serve RL environments over stdin/stdout with length-prefixed binary frames (for the Python client); see src/rl/server/PROTOCOL.md',
  builder: (y) =>
    y.option('poll-us', {
      type: 'number',
      default: DEFAULT_POLL_US,
      describe:
        'how long to poll stdin for the next request before sleeping, µs (0: sleep at once; saves a wake-up per request)',
    }),
  handler: async (argv) => {
    const poll = pollUs(argv['poll-us']);
    const log = (line: string) => process.stderr.write(`${line}\n`);
    // Blocking reads and writes on fds 0 and 1 (fast); streams only when stdin is non-blocking.
    // NOTE: Node made stdout's pipe non-blocking when process.stdout was created (main.ts listens to it):
    // blocking again, a large reply is written in one call instead of waits for room (serve-fd.ts).
    (
      process.stdout as unknown as { _handle?: { setBlocking?: (on: boolean) => void } }
    )._handle?.setBlocking?.(true);
    const served = serveEnvFds(0, 1, log, poll);
    const code =
      'code' in served ? served.code : await serveEnv(process.stdin, process.stdout, log, served.fallback);
    // NOTE: exit at once: stdin may still be open after a malformed frame, and nothing else is pending.
    process.exit(code);
  },
};
