/** A problem found in a scenario file, and how problems are printed. */

/** One problem in a scenario file: what is wrong, where in the document, and on which line. */
export interface Problem {
  /** What is wrong, e.g. `must be > 0`. */
  readonly message: string;
  /** Path in the document, e.g. `stations[3].failures[0].ttr` (`''` for the whole document). */
  readonly path: string;
  /**
   * 1-based line in the source where the problem is (the key or value at `path`, else its nearest
   * enclosing node that exists in the file).
   */
  readonly line: number;
  /** The file the line belongs to when it is not the scenario file itself (e.g. an orders CSV). */
  readonly file?: string;
}

/** Joins path segments the way problems show them: `stations[3].failures[0].ttr`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += /^[A-Za-z_$][\w$-]*$/.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * Formats problems for a terminal, one per line, in file order:
 * `✖ must be > 0 → at stations[3].failures[0].ttr (line 41)`, followed by a count line naming the file.
 */
export function formatProblems(problems: readonly Problem[], fileName: string): string {
  const lines = [...problems]
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === undefined ? -1 : 1))
    .map((p) => {
      const where = p.path === '' ? 'the document' : p.path;
      const line = p.file === undefined ? `line ${p.line}` : `${p.file} line ${p.line}`;
      return `✖ ${p.message} → at ${where} (${line})`;
    });
  const n = problems.length;
  lines.push(`${n} problem${n === 1 ? '' : 's'} in ${fileName}`);
  return lines.join('\n');
}
