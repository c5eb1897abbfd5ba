/**
 * Arguments that start like a negative number but are not one (`-5h`, `-2min`), in `args` (the command
 * line after `node main.js`, up to `--`).
 *
 * Why: the option parser reads `--horizon -5h` as `--horizon` without a value followed by the options
 * `-5` and `-h`, and `-h` is help: the run printed the help and exited 0. Plain numbers (`--seed -3`)
 * are read as values and are not listed.
 */
export function dashValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '--') break;
    if (/^-\d/.test(arg) && !Number.isFinite(Number(arg))) out.push(arg);
  }
  return out;
}
