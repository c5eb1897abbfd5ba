import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type LoadOptions, type LoadResult, loadScenario } from './load.js';

/**
 * Reads a scenario file (YAML, or JSON when the name ends in `.json`) and loads it with
 * {@link loadScenario}; files it names (`ordersCsv`) are resolved relative to it. Never throws: an
 * unreadable file is reported as a problem. `options.horizonS` is the horizon the warnings assume (s).
 */
export function loadScenarioFile(path: string, options: Pick<LoadOptions, 'horizonS'> = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ message: `cannot read the file: ${message}`, path: '', line: 1 }] };
  }
  const base = dirname(resolve(path));
  return loadScenario(text, {
    fileName: path,
    horizonS: options.horizonS,
    readTextFile: (p) => readFileSync(resolve(base, p), 'utf8'),
  });
}
