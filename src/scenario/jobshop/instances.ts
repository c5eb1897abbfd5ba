import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JobShopInstance, parseJobShop } from './parse.js';

/**
 * The job-shop benchmark instances shipped in the package's `data/jobshop/` folder (Fisher & Thompson,
 * Lawrence, Adams–Balas–Zawack, Applegate–Cook, Taillard) and their best known makespans from
 * `data/jobshop/bounds.json`. The folder is found from this module's own location, walking up to the
 * package root, so the same code works from `src/` (tests), from `dist/src/` (the build) and from an
 * installed package.
 */

/** One row of `bounds.json`. Makespans are in the instance's time unit. */
interface BoundsRow {
  readonly name: string;
  readonly jobs: number;
  readonly machines: number;
  readonly file: string;
  /** Proven optimal makespan, or `null` when the instance is open. */
  readonly optimum: number | null;
  /** Best known lower and upper bounds, for open instances. */
  readonly bounds?: { readonly lower: number; readonly upper: number };
}

let dataDir: string | undefined;
let rows: ReadonlyMap<string, BoundsRow> | undefined;

/** `data/jobshop` of the package this module belongs to. */
function jobShopDataDir(): string {
  if (dataDir !== undefined) return dataDir;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'jobshop');
    if (existsSync(join(candidate, 'bounds.json'))) return (dataDir = candidate);
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `jobShopInstanceNames: data/jobshop/bounds.json not found in any folder above ${start} (is the package's data folder installed?)`,
  );
}

function boundsRows(): ReadonlyMap<string, BoundsRow> {
  if (rows !== undefined) return rows;
  const list = JSON.parse(readFileSync(join(jobShopDataDir(), 'bounds.json'), 'utf8')) as BoundsRow[];
  rows = new Map(list.map((r) => [r.name, r]));
  return rows;
}

/** Natural order: `la2` before `la10`, `ta09` before `ta10`. */
const natural = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Names of every shipped instance (`ft06`, `la01`, …, `ta80`), in natural order: abz5–9, ft06/10/20,
 * la01–40, orb01–10, ta01–80.
 */
export function jobShopInstanceNames(): string[] {
  return [...boundsRows().keys()].sort(natural);
}

function row(api: string, name: string): BoundsRow {
  const r = boundsRows().get(name);
  if (r !== undefined) return r;
  const names = jobShopInstanceNames();
  const prefix = /^[a-z]+/i.exec(name)?.[0]?.toLowerCase() ?? '';
  const alike = names.filter((n) => prefix !== '' && n.startsWith(prefix));
  const shown = (alike.length > 0 ? alike : names).slice(0, 6);
  throw new RangeError(
    `${api}: unknown instance "${name}"; valid names include ${shown.join(', ')} (${names.length} in all, see jobShopInstanceNames())`,
  );
}

/**
 * Reads and parses a shipped instance by name (`ft06`, `la21`, `ta41`, …).
 * @throws RangeError for an unknown name, listing valid ones; Error if the file does not parse.
 */
export function loadJobShopInstance(name: string): JobShopInstance {
  const r = row('loadJobShopInstance', name);
  const text = readFileSync(join(jobShopDataDir(), r.file), 'utf8');
  const parsed = parseJobShop(text, r.name);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new Error(`loadJobShopInstance: ${r.file} line ${first?.line}: ${first?.message}`);
  }
  // The Taillard files carry no `# instance` comment: the name always comes from bounds.json.
  return { ...parsed.instance, name: r.name };
}

/**
 * Best known makespan of a shipped instance, in the instance's time unit: the proven optimum, or the best
 * known upper bound where the instance is open. The optimum is at most that bound, so a gap measured
 * against it never overstates the gap to the optimum.
 * @throws RangeError for an unknown name, listing valid ones.
 */
export function bestKnownMakespan(name: string): number {
  const r = row('bestKnownMakespan', name);
  const best = r.optimum ?? r.bounds?.upper;
  if (best === undefined) throw new Error(`bestKnownMakespan: ${name} has neither an optimum nor bounds`);
  return best;
}
