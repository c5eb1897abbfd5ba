import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyInvalid, invalidEdit } from './_support/mutations.js';
import { scenarioDoc, toText } from './_support/scenario-arbitrary.js';

/** The built CLI as a real process (npm test builds dist first). A few runs only: ~0.3 s per process. */
const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shopfloor-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shopfloor CLI over generated scenarios', () => {
  it('same seed → byte-identical --json output', () => {
    fc.assert(
      fc.property(scenarioDoc(), fc.constantFrom<'yaml' | 'json'>('yaml', 'json'), (doc, f) => {
        const file = join(dir, `same-seed.${f}`);
        writeFileSync(file, toText(doc, f));
        const a = shopfloor('run', file, '--json', '--quiet');
        const b = shopfloor('run', file, '--json', '--quiet');
        expect(a.stderr).toBe('');
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        expect(b.stdout).toBe(a.stdout);
        expect(JSON.parse(a.stdout).manifest.seed).toBe((doc.run as { seed: number }).seed);
      }),
      { numRuns: 3 },
    );
  });

  it('invalid documents → validate and run exit 2 with ✖ messages, never a stack trace', () => {
    fc.assert(
      fc.property(
        scenarioDoc(),
        fc.array(invalidEdit, { minLength: 1, maxLength: 2 }),
        fc.constantFrom<'yaml' | 'json'>('yaml', 'json'),
        (doc, edits, f) => {
          const file = join(dir, `invalid.${f}`);
          writeFileSync(file, toText(edits.reduce(applyInvalid, doc), f));
          for (const cmd of ['validate', 'run']) {
            const r = shopfloor(cmd, file, '--quiet');
            expect(r.code).toBe(2);
            expect(r.stderr.startsWith('✖')).toBe(true);
            expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
