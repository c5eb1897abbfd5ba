import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The chart library's browser builds, inlined in every report so that it opens offline. */
const BUILDS = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;

let cached: string | undefined;

/**
 * The `<script>` elements that define `vega`, `vegaLite` and `vegaEmbed` in the page: the minified
 * builds of the installed packages (about 0.8 MB), read once from node_modules.
 */
export function chartLibraryScripts(): string {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  cached = BUILDS.map(([pkg, file]) => {
    // Each package's main entry lives in its build folder, beside the minified browser build.
    const text = readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
    return `<script>${text.replaceAll('</script', '<\\/script')}</script>`;
  }).join('\n');
  return cached;
}
