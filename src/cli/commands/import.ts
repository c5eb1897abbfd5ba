import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandModule } from 'yargs';
import { DISPATCH_RULE_NAMES, type DispatchRuleName } from '../../policies/index.js';
import { jobShopToScenarioYaml, parseJobShop } from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';

interface ImportArgs {
  kind: 'jobshop';
  instance: string;
  'time-unit': 's' | 'min' | 'h';
  dispatch: DispatchRuleName;
}

/** `shopfloor import jobshop INSTANCE.txt`: writes a runnable scenario for a job-shop benchmark instance. */
export const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import <kind> <instance>',
  describe:
    'Turn a file of another format into a scenario on stdout (kinds: jobshop, a job-shop instance in the standard format: jobs machines / machine duration pairs)',
  builder: (y) =>
    y
      .positional('kind', {
        choices: ['jobshop'] as const,
        demandOption: true,
        describe: 'format of the file',
      })
      .positional('instance', {
        type: 'string',
        demandOption: true,
        describe: 'instance file, e.g. data/jobshop/ft06.txt',
      })
      .option('time-unit', {
        choices: ['s', 'min', 'h'] as const,
        default: 'min' as const,
        describe: 'unit of the durations',
      })
      .option('dispatch', {
        choices: DISPATCH_RULE_NAMES,
        default: 'fifo' as const,
        describe: 'dispatch rule at every machine',
      }) as never,
  handler: (argv) => {
    let text: string;
    try {
      text = readFileSync(argv.instance, 'utf8');
    } catch (error) {
      process.stderr.write(`✖ cannot read ${argv.instance}: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const parsed = parseJobShop(text, basename(argv.instance).replace(/\.[^.]*$/, ''));
    if (!parsed.ok) {
      for (const p of parsed.problems)
        process.stderr.write(`✖ ${p.message} → at ${argv.instance} (line ${p.line})\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stdout.write(
      jobShopToScenarioYaml(parsed.instance, { timeUnit: argv['time-unit'], dispatch: argv.dispatch }),
    );
  },
};
