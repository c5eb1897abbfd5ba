import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built CLI (npm test builds it first) as a real process, about 1–2 s per call on 2 cores.

const root = fileURLToPath(new URL('../..', import.meta.url));
function shopfloor(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'shopfloor-html-'));

describe('shopfloor run --html', () => {
  it('writes one self-contained HTML file (chart library inlined, no external resource) beside the usual JSON', () => {
    const out = join(tmp(), 'deep', 'report.html');
    const r = shopfloor(
      'run',
      'scenarios/serial-line.yaml',
      '--horizon',
      '1d',
      '--replications',
      '2',
      '--json',
      '--html',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(doc.manifest.scenarioSha256);
    expect(html).toContain('vegaEmbed');
    expect(html).not.toMatch(
      /<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!vega\.github\.io\/schema)[^"'\s]*\.(js|css)/,
    );
    for (const chart of [
      'wip',
      'throughput',
      'station-states',
      'cycle-time',
      'queues',
      'gantt',
      'bottlenecks',
    ])
      expect(html).toContain(`data-chart="${chart}"`);
  });

  it('a path that cannot be written exits with 2 naming --html, before the run', () => {
    const dir = tmp();
    const r = shopfloor('run', 'scenarios/serial-line.yaml', '--html', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--html: cannot write .*: it is a folder/);
    expect(shopfloor('run', 'scenarios/serial-line.yaml', '--html', '').stderr).toMatch(
      /--html needs a file path/,
    );
  });
});
