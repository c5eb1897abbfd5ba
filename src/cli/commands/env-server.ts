import type { CommandModule } from 'yargs';
import { serveEnv } from '../../rl/server/env-server.js';

/** `shopfloor env-server`: RL environments over stdin/stdout (protocol: src/rl/server/PROTOCOL.md). */
export const envServerCommand: CommandModule<object, object> = {
  command: 'env-server',
  describe:
    'Serve RL environments over stdin/stdout with length-prefixed binary frames (for the Python client); see src/rl/server/PROTOCOL.md',
  builder: (y) => y,
  handler: async () => {
    const code = await serveEnv(process.stdin, process.stdout, (line) => process.stderr.write(`${line}\n`));
    // NOTE: exit at once: stdin may still be open after a malformed frame, and nothing else is pending.
    process.exit(code);
  },
};
