/**
 * The system's refusal behind `error`, when it is one: a Node system error (it has an errno `code` such
 * as `ENOSPC` and the `syscall` that failed) rather than a bug of ours. Undefined otherwise.
 */
export function systemRefusal(
  error: unknown,
): { code: string; syscall: string; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  return { code, syscall, message: error.message };
}

/** What the CLI says for a refusal (see {@link systemRefusal}): two lines for stderr. */
export function refusalMessage(refusal: { syscall: string; message: string }): string {
  return `✖ the system refused a file operation (${refusal.syscall}): ${refusal.message}\nThis is not a bug in shopfloor nor in your input: check the disk and where the output goes.\n`;
}
