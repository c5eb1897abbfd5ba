import type { CommandModule } from 'yargs';
import { BuildError, buildPlant, formatProblems, loadScenarioFile } from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { formatStrictWarnings, formatWarnings, useColor } from '../report/format-warnings.js';

interface ValidateArgs {
  file: string;
  strict: boolean;
  json: boolean;
}

/** `shopfloor validate FILE`: checks a scenario file and reports every problem with its path and line. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (YAML or JSON) and report every problem with its path and line',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('strict', {
        type: 'boolean',
        default: false,
        describe: 'treat warnings (a valid but probably wrong model) as errors: exit 2',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe:
          'print { file, valid, problems[], warnings[] } (each with message, path, line) instead of text',
      }),
  handler: (argv) => {
    const result = loadScenarioFile(argv.file);
    if (argv.json) {
      const problems = result.ok ? [] : result.problems;
      const warnings = result.ok ? result.warnings : [];
      const valid = result.ok && !(argv.strict && warnings.length > 0);
      process.stdout.write(`${JSON.stringify({ file: argv.file, valid, problems, warnings }, null, 2)}\n`);
      if (!valid) process.exitCode = EXIT_USAGE;
      return;
    }
    if (!result.ok) {
      process.stderr.write(`${formatProblems(result.problems, argv.file)}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const { scenario: s, warnings } = result;
    // Build the model as `run` would (without simulating), so every check `run` makes before it starts is
    // made here too.
    try {
      buildPlant(s, s.run.seed);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      process.stderr.write(`✖ ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (argv.strict && warnings.length > 0) {
      process.stderr.write(formatStrictWarnings(warnings, argv.file));
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stdout.write(formatWarnings(warnings, { color: useColor(process.stdout, process.env) }));
    const note =
      warnings.length === 0 ? '' : ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})`;
    process.stdout.write(
      `✔ ${argv.file} is valid: ${s.products.length} products, ${s.sources.length} sources, ${s.stations.length} stations, ` +
        `${s.buffers.length} buffers, ${s.crews.length} crews, ` +
        (s.operators.length > 0 ? `${s.operators.length} operator pools, ` : '') +
        `${s.sinks.length} sinks${note}\n`,
    );
  },
};
