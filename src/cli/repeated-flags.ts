/** What {@link repeatedFlags} needs to know of a command's options (yargs' `getOptions()` has these). */
export interface FlagKinds {
  /** Options that take several values (`--set a --set b`). */
  readonly array: readonly string[];
  /** On/off options: repeating them changes nothing. */
  readonly boolean: readonly string[];
  /** Counting options (`-vvv`). */
  readonly count: readonly string[];
  /** Each option's other names. */
  readonly alias: Readonly<Record<string, readonly string[]>>;
}

/** The options of `list` under every name they answer to (their own and their aliases). */
export function optionNames(list: readonly string[], kinds: FlagKinds): Set<string> {
  const names = new Set<string>();
  for (const name of list) for (const n of [name, ...(kinds.alias[name] ?? [])]) names.add(n);
  return names;
}

/** `maxEvents` and `max-events` are one option for yargs. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The single-value options given more than once in `args` (the command line after `node main.js`),
 * each once, as the user wrote the first of them (`--replications`), in order.
 *
 * Why: yargs turns `--replications 2 --replications 1` into an array, and a number option into a number
 * made of it (3), so the run silently used neither. Repeating a multi-value option (`--set`) or a switch
 * (`--quiet --quiet`) is fine; everything after `--` is not an option.
 */
export function repeatedFlags(args: readonly string[], kinds: FlagKinds): string[] {
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(kinds.alias))
    for (const alias of aliases) canonical.set(kebab(alias), kebab(name));
  const multiple = new Set([...kinds.array, ...kinds.boolean, ...kinds.count].map(kebab));
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  for (const arg of args) {
    if (arg === '--') break;
    const m = /^(--?)([A-Za-z][\w-]*)(?:=.*)?$/s.exec(arg);
    if (m === null) continue;
    // A cluster of short switches (-xy) is yargs' business; only one-letter short options are named here.
    if (m[1] === '-' && m[2]!.length > 1) continue;
    const written = kebab(m[2]!);
    const key = canonical.get(written) ?? written;
    if (multiple.has(key) || (key.startsWith('no-') && multiple.has(key.slice(3)))) continue;
    if (seen.has(key)) {
      if (!repeated.includes(seen.get(key)!)) repeated.push(seen.get(key)!);
    } else seen.set(key, `${m[1]}${m[2]}`);
  }
  return repeated;
}
