#!/usr/bin/env node
/**
 * The `shopfloor` command line. This is the only place (with src/scenario) that wires engine,
 * entities and policies together.
 */
import yargs, { type MiddlewareFunction } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { compareCommand } from './commands/compare.js';
import { demoCommand } from './commands/demo.js';
import { envServerCommand } from './commands/env-server.js';
import { importCommand } from './commands/import.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { mergeCommand, sweepCommand } from './commands/sweep.js';
import { traceCommand } from './commands/trace.js';
import { validateCommand } from './commands/validate.js';
import { viewCommand } from './commands/view.js';
import { dashValues } from './dash-values.js';
import { emptyFlags } from './empty-flags.js';
import { EXIT_INTERNAL, EXIT_IO, EXIT_USAGE } from './exit-codes.js';
import { type NumberFlagKinds, notNumbers } from './number-flags.js';
import { repeatedFlags } from './repeated-flags.js';
import { refusalMessage, systemRefusal } from './system-error.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

// A reader that stops early (`shopfloor run … | head`) closes the pipe: that is not an error of the run,
// so end quietly with success instead of an unhandled 'error' event and its stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  // Standard output on a full disk (`> /dev/full`) or a closed terminal: say so, exit EX_IOERR.
  const refusal = systemRefusal(error);
  if (refusal === undefined) throw error;
  process.stderr.write(refusalMessage(refusal));
  process.exit(EXIT_IO);
});

/**
 * Before validation: a single-value option given twice is an error (see `repeatedFlags`), and so is a
 * value like `-5h` that the parser would take for options (see `dashValues`). yargs calls
 * middleware with the parsed arguments and itself; its `getOptions()` (not in its type declarations)
 * lists the running command's options by kind.
 */
function refuseMisreadArguments(_argv: unknown, y: { getOptions(): NumberFlagKinds }): void {
  const dashed = dashValues(hideBin(process.argv));
  if (dashed.length > 0)
    throw new UsageError(
      `"${dashed[0]}" is read as options, not as a value: a duration or a count cannot be negative (to pass it as it is, write --flag=${dashed[0]})`,
    );
  const repeated = repeatedFlags(hideBin(process.argv), y.getOptions());
  if (repeated.length === 1) throw new UsageError(`${repeated[0]} is given more than once; give it once`);
  if (repeated.length > 1)
    throw new UsageError(`${repeated.join(', ')} are given more than once; give each once`);
  const words = notNumbers(hideBin(process.argv), y.getOptions());
  if (words.length > 0) throw new UsageError(`${words[0]}: a number is expected`);
  const empty = emptyFlags(hideBin(process.argv), y.getOptions());
  if (empty.length > 0)
    throw new UsageError(
      `${empty.join(', ')} ${empty.length === 1 ? 'needs' : 'need'} a value (e.g. ${empty[0]} VALUE)`,
    );
}

try {
  await yargs(hideBin(process.argv))
    .scriptName('shopfloor')
    .usage('$0 <command> [options]')
    .command(demoCommand)
    .command(runCommand)
    .command(validateCommand)
    .command(schemaCommand)
    .command(importCommand)
    .command(envServerCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(traceCommand)
    .command(serveCommand)
    .command(viewCommand)
    .parserConfiguration({ 'short-option-groups': false })
    .middleware(refuseMisreadArguments as unknown as MiddlewareFunction, true)
    .demandCommand(1, 'Give a command, e.g. `shopfloor demo`.')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error !== undefined && error !== null && !(error instanceof UsageError)) throw error;
      process.stderr.write(`✖ ${error?.message ?? message}\nRun \`shopfloor --help\` for usage.\n`);
      process.exit(EXIT_USAGE);
    })
    .parseAsync();
} catch (error) {
  const refusal = systemRefusal(error);
  if (error instanceof UsageError) {
    // Usage errors raised by command handlers (a bad --horizon, …): a message and exit code 2, no stack.
    process.stderr.write(`✖ ${error.message}\nRun \`shopfloor --help\` for usage.\n`);
    process.exitCode = EXIT_USAGE;
  } else if (refusal !== undefined) {
    // The system refused a file operation during the run (a full disk…): not a bug, and not the input.
    process.stderr.write(refusalMessage(refusal));
    process.exitCode = EXIT_IO;
  } else {
    // Anything else is a bug of ours: say so in one line; the stack only on request.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `✖ internal error: ${message}\nThis is a bug in shopfloor, not in your input; run with SHOPFLOOR_DEBUG=1 for details.\n`,
    );
    if (process.env.SHOPFLOOR_DEBUG === '1' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
