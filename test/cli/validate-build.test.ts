import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Needs `npm run build` first (it runs dist/).
function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scenario = (crews: string) => `run:
  horizon: 8h
products:
  - id: p
    routing: [{ station: m, processTime: 1min }]
sources:
  - { id: s, product: p, interarrival: 2min }
stations:
  - id: m
    failures:
      - { name: f, basis: calendar, ttf: { exponential: { mean: 2h } }, ttr: 10min }
crews:
${crews}
sinks:
  - id: out
`;

describe('shopfloor validate and run agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopfloor-validate-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('a random crew travel time is valid and runs', () => {
    const file = write(
      'random-travel.yaml',
      scenario('  - { id: a, travel: { time: { uniform: { min: 1min, max: 3min } } } }'),
    );
    expect(shopfloor('validate', file).code).toBe(0);
    const run = shopfloor('run', file, '--json', '--quiet');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('validate makes the checks run makes when it builds the model (exit 2, naming the path)', () => {
    const file = write(
      'two-travels.yaml',
      scenario('  - { id: a, travel: { time: 1min } }\n  - { id: b, travel: { time: 2min } }'),
    );
    const v = shopfloor('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/crews\[1\]\.travel/);
    expect(shopfloor('run', file, '--quiet').code).toBe(2);
  });
});
