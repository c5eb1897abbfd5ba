import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultCsvFiles, type ScenarioResult } from '../../report/index.js';
import { makeFolders } from '../../report/make-folders.js';

/**
 * Writes the result of `shopfloor run` as CSV files in `dir` (created if needed): `kpis.csv`,
 * `products.csv`, `stations.csv`, `crews.csv`, `conveyors.csv`, `robots.csv`, `buffers.csv` and
 * `orders.csv` (see `resultCsvFiles`).
 * @throws Error when the folder cannot be made (see `makeFolders`) or a file cannot be written.
 * @returns the paths written.
 */
export function writeCsv(dir: string, result: ScenarioResult): string[] {
  makeFolders(dir);
  return resultCsvFiles(result).map(({ name, text }) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
