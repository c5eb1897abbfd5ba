import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { checkRunFlags } from './check-run-flags.js';
import { runFile } from './run.js';

interface DemoArgs {
  seed?: number;
  replications?: number;
  json: boolean;
  quiet: boolean;
  strict: boolean;
}

/** The built-in demo factory, shipped with the package. */
export const DEMO_SCENARIO = fileURLToPath(
  new URL('../../../../scenarios/demo-factory.yaml', import.meta.url),
);

/** `shopfloor demo`: runs the built-in demo factory (scenarios/demo-factory.yaml) and prints its report. */
export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'Run the built-in demo factory (scenarios/demo-factory.yaml) and print its report',
  builder: (y) =>
    y
      .option('seed', { type: 'number', describe: 'master seed (integer)' })
      .option('replications', { type: 'number', describe: 'independent replications (integer >= 1)' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print one JSON document instead of tables',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' })
      .option('strict', {
        type: 'boolean',
        default: false,
        describe: 'exit with code 2 when the model has warnings (the report is still printed)',
      })
      .check(checkRunFlags),
  handler: (argv) => runFile(DEMO_SCENARIO, argv),
};
