// Rewrites the README's generated list of report figures from the declarations in src/report (built
// into dist/ first by `npm run readme:figures`). `--check` only says whether it is up to date (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { withFigureReference } from '../dist/src/report/index.js';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const updated = withFigureReference(readme);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the list of report figures is out of date: run npm run readme:figures');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(file, updated);
  console.log('README.md: list of report figures updated');
}
