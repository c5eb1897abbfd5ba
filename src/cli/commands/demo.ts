import type { CommandModule } from 'yargs';
import { runMm1Demo } from '../demo/mm1-demo.js';
import { UsageError } from '../usage-error.js';

interface DemoArgs {
  seed: number;
  replications: number;
}

/** `shopfloor demo`: runs the built-in demo and prints its report. */
export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'Run the built-in demo (an M/M/1 line on the kernel) and print its statistics',
  builder: (y) =>
    y
      .option('seed', { type: 'number', default: 1, describe: 'master seed (integer)' })
      .option('replications', {
        type: 'number',
        default: 10,
        describe: 'independent replications (integer >= 2)',
      })
      .check((argv) => {
        if (!Number.isInteger(argv.seed))
          throw new UsageError(`--seed must be an integer (got ${argv.seed})`);
        if (!Number.isInteger(argv.replications) || argv.replications < 2) {
          throw new UsageError(`--replications must be an integer >= 2 (got ${argv.replications})`);
        }
        return true;
      }),
  handler: (argv) => {
    process.stdout.write(runMm1Demo({ seed: argv.seed, replications: argv.replications }));
  },
};
