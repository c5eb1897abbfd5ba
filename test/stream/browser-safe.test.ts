/**
 * The part of src/stream the browser viewer bundles (frames, codec, trace reader, state builder, frame
 * source, layout) must not reach a Node module, at any depth of its imports, nor use Node's globals.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_support.js';

const ENTRY = [
  'frames.ts',
  'codec.ts',
  'trace-reader.ts',
  'state-builder.ts',
  'frame-source.ts',
  'layout.ts',
].map((f) => join(ROOT, 'src', 'stream', f));

/** Every file reached from `entries` by relative imports (type-only imports included), with its bare imports. */
function reach(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const bare: string[] = [];
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.push(spec);
    }
    seen.set(file, bare);
  }
  return seen;
}

describe('browser-safe part of src/stream', () => {
  const files = reach(ENTRY);

  it('reaches no Node built-in module (node:…, fs, zlib, …)', () => {
    const builtin =
      /^(node:|fs|path|crypto|zlib|http|https|net|os|child_process|url|util|stream|worker_threads)(\/|$)/;
    const bad = [...files].flatMap(([f, bare]) =>
      bare.filter((b) => builtin.test(b)).map((b) => `${relative(ROOT, f)} → ${b}`),
    );
    expect(bad).toEqual([]);
    expect(files.size).toBeGreaterThan(10);
  });

  it('uses no Node global (Buffer, process, require, __dirname)', () => {
    const bad = [...files.keys()].flatMap((f) => {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
      return /(?<![.\w])(Buffer\.|process\.(env|exit|argv|stdout|stderr|cwd|pid|platform|versions|nextTick|hrtime)|require\(|__dirname)/.test(
        code,
      )
        ? [relative(ROOT, f)]
        : [];
    });
    expect(bad).toEqual([]);
  });
});
