import type { CommandModule } from 'yargs';
import { BuildError, buildPlant, formatProblems, loadScenarioFile } from '../../scenario/index.js';
import { EXIT_USAGE } from '../exit-codes.js';

interface ValidateArgs {
  file: string;
}

/** `shopfloor validate FILE`: checks a scenario file and reports every problem with its path and line. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (YAML or JSON) and report every problem with its path and line',
  builder: (y) => y.positional('file', { type: 'string', demandOption: true, describe: 'scenario file' }),
  handler: (argv) => {
    const result = loadScenarioFile(argv.file);
    if (!result.ok) {
      process.stderr.write(`${formatProblems(result.problems, argv.file)}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const s = result.scenario;
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
    process.stdout.write(
      `✔ ${argv.file} is valid: ${s.products.length} products, ${s.sources.length} sources, ${s.stations.length} stations, ` +
        `${s.buffers.length} buffers, ${s.crews.length} crews, ${s.sinks.length} sinks\n`,
    );
  },
};
