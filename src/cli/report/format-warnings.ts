import type { Problem } from '../../scenario/index.js';

/** ANSI yellow on, and back to the default foreground. */
const YELLOW = '\u001b[33m';
const RESET = '\u001b[39m';

/** The parts of a terminal stream {@link useColor} looks at. */
export interface ColorStream {
  readonly isTTY?: boolean;
  hasColors?: () => boolean;
}

/**
 * Whether to colour what goes to `stream`: never when `NO_COLOR` is set to anything but the empty string
 * (https://no-color.org), always when `FORCE_COLOR` is set to anything but `0` or the empty string, else
 * only on a terminal that has colours.
 */
export function useColor(stream: ColorStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && (stream.hasColors?.() ?? true);
}

/**
 * Formats scenario warnings for a terminal, one per line in file order, each starting with `warning:`
 * (so it reads the same without colour): `warning: … → at stations[1].id (line 14)`; yellow when
 * `color` is true. Empty for no warning; otherwise ends with a newline.
 */
export function formatWarnings(warnings: readonly Problem[], options: { readonly color: boolean }): string {
  return [...warnings]
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === undefined ? -1 : 1))
    .map((w) => {
      const where = w.path === '' ? 'the document' : w.path;
      const line = w.file === undefined ? `line ${w.line}` : `${w.file} line ${w.line}`;
      const text = `warning: ${w.message} → at ${where} (${line})`;
      return `${options.color ? `${YELLOW}${text}${RESET}` : text}\n`;
    })
    .join('');
}

/**
 * What `--strict` prints for warnings (to stderr, with exit code 2): each warning as a problem line
 * (`✖ …`) and a count line naming the file and the flag.
 */
export function formatStrictWarnings(warnings: readonly Problem[], fileName: string): string {
  const lines = formatWarnings(warnings, { color: false }).replace(/^warning: /gm, '✖ warning: ');
  const n = warnings.length;
  return `${lines}${n} warning${n === 1 ? '' : 's'} in ${fileName}, which --strict treats as errors\n`;
}
