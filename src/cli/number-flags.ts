import { type FlagKinds, optionNames } from './repeated-flags.js';

/** What {@link notNumbers} needs beyond {@link FlagKinds}: the options yargs reads as numbers. */
export interface NumberFlagKinds extends FlagKinds {
  readonly number: readonly string[];
}

/**
 * The number options whose value is not a number, each as `--flag "text"` with the text the user wrote
 * (yargs turns `--replications abc` into NaN, and a message saying "got NaN" hides what was typed).
 * Everything after `--` is not an option.
 */
export function notNumbers(args: readonly string[], kinds: NumberFlagKinds): string[] {
  const names = optionNames(kinds.number, kinds);
  const found: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg === '--') break;
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(arg);
    if (m === null || !names.has(m[1]!)) continue;
    const text = m[2] ?? args[i + 1];
    if (text === undefined || (m[2] === undefined && text.startsWith('--'))) continue;
    if (text.trim() === '' || Number.isNaN(Number(text))) found.push(`--${m[1]} ${JSON.stringify(text)}`);
  }
  return found;
}
