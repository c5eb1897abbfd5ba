/**
 * The viewer's code runs in a browser: nothing the page or its engine worker imports (followed through
 * relative imports into src/) may reach a Node-only module. Reads the sources; a few ms.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every `node:` (or bare Node built-in) import reachable from `entry` through relative imports. */
function nodeImportsFrom(entry: string): { files: number; found: string[] } {
  const seen = new Set<string>();
  const found: string[] = [];
  const builtins = /^(node:|fs$|path$|url$|os$|child_process$|http$|worker_threads$)/;
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(import|export)\s+(type\s)?[^'"]*?['"]([^'"]+)['"]/gm)) {
      // `import type` is erased by the compiler: it bundles nothing.
      if (m[2] !== undefined) continue;
      const spec = m[3]!;
      if (builtins.test(spec)) found.push(`${relative(ROOT, file)} imports '${spec}'`);
      else if (spec.startsWith('.')) walk(sourceOf(resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
  };
  walk(resolve(ROOT, entry));
  return { files: seen.size, found };
}

/** The source file an import names: the file itself, with `.ts` added, or a folder's `index.ts`. */
function sourceOf(path: string): string {
  for (const p of [path, `${path}.ts`, `${path}/index.ts`])
    if (existsSync(p) && statSync(p).isFile()) return p;
  return path;
}

describe('the browser viewer reaches no Node-only module', () => {
  test('the engine worker (loadScenario, runScenario and the whole engine) imports no node: module', () => {
    const { files, found } = nodeImportsFrom('viz/src/engine/worker.ts');
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  test('the page (feed, scene, panels) imports no node: module', () => {
    const { found } = nodeImportsFrom('viz/src/main.ts');
    expect(found).toEqual([]);
  });

  test('the checker sees a node: import (src/index.ts exports the file loader)', () => {
    expect(nodeImportsFrom('src/index.ts').found.join('\n')).toMatch(/load-file\.ts imports 'node:fs'/);
  });
});
