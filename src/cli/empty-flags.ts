import { type FlagKinds, optionNames } from './repeated-flags.js';

/**
 * The multi-value options written on the command line without a value (`--kpi` at the end, or right
 * before another option), each once, as written.
 *
 * Why: yargs reads such an option as adding nothing, which a command cannot tell from the option not
 * given, so it was silently ignored (`--kpi` alone even left the sweep table without its figures).
 * Everything after `--` is not an option.
 */
export function emptyFlags(args: readonly string[], kinds: FlagKinds): string[] {
  const names = optionNames(kinds.array, kinds);
  const empty: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg === '--') break;
    const m = /^--?([A-Za-z][\w-]*)$/.exec(arg);
    if (m === null || !names.has(m[1]!)) continue;
    const next = args[i + 1];
    if ((next === undefined || next === '--' || next.startsWith('-')) && !empty.includes(arg))
      empty.push(arg);
  }
  return empty;
}
