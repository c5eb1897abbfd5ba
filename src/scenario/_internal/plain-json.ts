import { visit } from 'jsonc-parser';

/**
 * The value of a JSON text that `JSON.parse` reads and in which no object repeats a key; `undefined`
 * otherwise, and the caller parses the text as YAML, which reports the syntax error or the repeated key
 * with its line.
 *
 * Why: the YAML parser reads a large generated JSON file (a 1,000-station line) about ten times slower
 * than `JSON.parse`, and a valid file needs no line numbers. `JSON.parse` alone would keep the last of
 * two equal keys without a word, so repeated keys are looked for first.
 */
export function plainJson(text: string): { readonly value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return repeatsAKey(text) ? undefined : { value };
}

/** `true` when some object of the JSON text has the same key twice (keys compared unescaped). */
function repeatsAKey(text: string): boolean {
  const open: Set<string>[] = [];
  let repeated = false;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key) => {
      const keys = open[open.length - 1];
      if (keys === undefined) return;
      if (keys.has(key)) repeated = true;
      keys.add(key);
    },
  });
  return repeated;
}
