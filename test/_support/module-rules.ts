/**
 * The module rules of DESIGN.md ("Module rules") as a pure function over a map of source files, so the
 * architecture test can run it on the real `src/` and on small in-memory trees that prove it catches a
 * forbidden import.
 *
 * Imports are found with regular expressions, not a parser: static `import … from '…'` and
 * `import type … from '…'` (over several lines too), side-effect `import '…'`, `export … from '…'`, and
 * `import('…')` with a literal specifier (dynamic imports and `import('…').T` type queries). Comments
 * that start a line (JSDoc blocks, `//` lines) are blanked first, so an example in a doc comment is not
 * an import. Package specifiers (`yaml`, `node:fs`) are not the rules' business and are skipped; a
 * computed `import(x)` cannot be checked and is skipped too.
 */
import { posix } from 'node:path';

/** How a file refers to another. */
export type ImportKind = 'import' | 'import type' | 'export' | 'side-effect' | 'dynamic';

/** One relative import found in a source file. */
export interface ImportRef {
  readonly kind: ImportKind;
  /** As written, e.g. `../entities/index.js`. */
  readonly specifier: string;
  /** 1-based line of the `import`/`export` keyword. */
  readonly line: number;
}

/** A top-level module of `src/` as DESIGN.md names it. */
export type Layer =
  | 'engine'
  | 'entities'
  | 'policies'
  | 'scenario'
  | 'rl'
  | 'stream'
  | 'experiments'
  | 'report'
  | 'cli'
  | 'root';

/** One import that breaks a rule (or a file no rule covers). */
export interface Violation {
  /** Id of the broken rule: the importing layer, or `unknown-folder` / `outside-src`. */
  readonly rule: Layer | 'unknown-folder' | 'outside-src';
  readonly file: string;
  readonly line: number;
  readonly kind: ImportKind | 'file';
  readonly specifier: string;
  /** The imported file, resolved (`.js` written, `.ts` on disk). */
  readonly target: string;
  /** What the rule allows, in words. */
  readonly says: string;
}

const CONTRACT = 'src/policies/contract.ts';
const DECISION_KINDS = 'src/policies/decision-kinds.ts';

interface Rule {
  readonly says: string;
  readonly allows: (target: string, targetLayer: Layer) => boolean;
}

/** src/rl, src/stream, src/experiments and src/report: above the scenario, below the CLI. */
function aboveScenario(layer: Layer): Rule {
  return {
    says: `src/${layer} sits above src/scenario: it imports engine, entities, policies, scenario and src/rl, src/stream, src/experiments, src/report, never src/cli`,
    allows: (_t, target) => target !== 'cli' && target !== 'root',
  };
}

/** Each layer's rule, in DESIGN.md's words. Exported so the test can name one test per rule. */
export const RULES: Readonly<Record<Layer, Rule>> = {
  engine: {
    says: 'src/engine imports nothing from the rest of the project',
    allows: (_t, layer) => layer === 'engine',
  },
  entities: {
    says: 'src/entities imports the engine, src/entities and the decision contract (src/policies/contract.ts, src/policies/decision-kinds.ts) only',
    allows: (t, layer) =>
      layer === 'engine' || layer === 'entities' || t === CONTRACT || t === DECISION_KINDS,
  },
  policies: {
    says: "src/policies imports the contract (src/policies) only, never src/entities nor the engine's internals (src/engine/index.ts at most)",
    allows: (t, layer) => layer === 'policies' || t === 'src/engine/index.ts',
  },
  scenario: {
    says: 'src/scenario imports the engine, src/entities, src/policies and src/scenario only',
    allows: (_t, layer) =>
      layer === 'engine' || layer === 'entities' || layer === 'policies' || layer === 'scenario',
  },
  rl: aboveScenario('rl'),
  stream: aboveScenario('stream'),
  experiments: aboveScenario('experiments'),
  report: aboveScenario('report'),
  cli: {
    says: 'src/cli sits on top: it may import anything in src/',
    allows: () => true,
  },
  root: {
    says: 'src/index.ts (the public surface) re-exports the library: anything but src/cli, which nothing imports',
    allows: (_t, layer) => layer !== 'cli' && layer !== 'root',
  },
};

const LAYERS = new Set<string>(Object.keys(RULES));

/** The layer of a repository-relative path (`src/engine/x.ts` → `engine`), or undefined. */
export function layerOf(path: string): Layer | undefined {
  if (path === 'src/index.ts') return 'root';
  const [top, folder, ...rest] = path.split('/');
  if (top !== 'src' || folder === undefined || rest.length === 0) return undefined;
  return LAYERS.has(folder) && folder !== 'root' ? (folder as Layer) : undefined;
}

/** Blanks comments that start a line, keeping every newline so line numbers stay right. */
function blankLineComments(source: string): string {
  const blank = (text: string): string => text.replace(/[^\n]/g, ' ');
  return source.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, blank).replace(/^[ \t]*\/\/.*$/gm, blank);
}

const PATTERNS: readonly { readonly re: RegExp; readonly kind: (m: RegExpExecArray) => ImportKind }[] = [
  {
    // import x from '…', import { a, b } from '…', import type { T } from '…', export { a } from '…', export * from '…'
    re: /\b(import|export)(\s+type)?\s+(?:[^'"`;()=]*?\s)?from\s*(['"])([^'"\n]+)\3/g,
    kind: (m) => (m[1] === 'export' ? 'export' : m[2] !== undefined ? 'import type' : 'import'),
  },
  { re: /(?:^|[;\n])[ \t]*import\s*(['"])([^'"\n]+)\1/g, kind: () => 'side-effect' },
  { re: /\bimport\s*\(\s*(['"`])([^'"`$\n]+)\1\s*\)/g, kind: () => 'dynamic' },
];

/** Every import of `source` with a relative specifier (`./`, `../`), in the order they appear. */
export function importsOf(source: string): ImportRef[] {
  const text = blankLineComments(source);
  const found: (ImportRef & { at: number })[] = [];
  for (const { re, kind } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const specifier = m[m.length - 1]!;
      if (!specifier.startsWith('.')) continue;
      const at = m.index + (m[0].length - m[0].trimStart().length);
      found.push({ kind: kind(m), specifier, line: text.slice(0, at).split('\n').length, at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, specifier, line }) => ({ kind, specifier, line }));
}

/** The repository-relative file a relative specifier of `from` names (`.js` is written for `.ts`). */
export function resolveImport(from: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
}

/**
 * Checks every file of `files` (repository-relative path → source text; only `src/**` paths are judged)
 * against the module rules and returns every violation, sorted by file and line. Empty means clean.
 */
export function checkModuleRules(files: Readonly<Record<string, string>>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, source] of Object.entries(files)) {
    if (!file.startsWith('src/')) continue;
    const layer = layerOf(file);
    if (layer === undefined) {
      violations.push({
        rule: 'unknown-folder',
        file,
        line: 1,
        kind: 'file',
        specifier: '',
        target: '',
        says: `no module rule covers ${posix.dirname(file)}/: add the folder to DESIGN.md's module rules and to this test`,
      });
      continue;
    }
    for (const ref of importsOf(source)) {
      const target = resolveImport(file, ref.specifier);
      const targetLayer = layerOf(target);
      if (!target.startsWith('src/')) {
        violations.push({
          rule: 'outside-src',
          file,
          ...ref,
          target,
          says: 'a file of src/ imports nothing outside src/ but packages',
        });
      } else if (targetLayer === undefined || !RULES[layer].allows(target, targetLayer)) {
        violations.push({ rule: layer, file, ...ref, target, says: RULES[layer].says });
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line per violation: `file:line  kind 'specifier' → target`. */
export function formatViolation(v: Violation): string {
  if (v.kind === 'file') return `${v.file}  ${v.says}`;
  return `${v.file}:${v.line}  ${v.kind} '${v.specifier}' → ${v.target}`;
}
