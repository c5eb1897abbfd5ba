import type { App } from './app.js';

/**
 * Connects the app to a live `shopfloor serve` over WebSocket. Filled in once the server's protocol is
 * fixed; until then it reports that live viewing is not available.
 */
export function connectLive(
  _app: App,
  url: string,
  _token: string | null,
  say: (text: string, error?: boolean) => void,
): void {
  say(`live: cannot connect to ${url} yet`, true);
}
