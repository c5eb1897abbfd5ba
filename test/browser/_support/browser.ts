import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** Screenshots and traces the browser tests leave behind (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * Debian's Chromium, never downloaded; software WebGL (SwiftShader) and no background traffic.
 * @param extraArgs more command-line switches (e.g. `--js-flags=--expose-gc` for the viewer bench)
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** Builds the viewer (viz/dist) unless it is there already; `npm run build:viz` does the same (about 30 s). */
export function ensureViewerBuilt(): void {
  if (existsSync(join(ROOT, 'viz/dist/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: join(ROOT, 'viz'), stdio: 'inherit' });
}

/** Console errors and uncaught page errors of a page, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
