import type { ServerState } from './types.js';

/**
 * Colour of each server state (0xRRGGBB), shared by the scene and the legend so they never disagree.
 * Chosen far apart in hue so that a state can be read back from a pixel.
 */
export const STATE_COLOURS: Readonly<Record<ServerState, number>> = {
  busy: 0x2ecc40,
  idle: 0x9aa0a6,
  blocked: 0xff851b,
  'down-waiting': 0xff1f1f,
  repair: 0xc01fd0,
  maintenance: 0x1f6fff,
  setup: 0xffdc00,
  handling: 0x20d0d0,
  'off-shift': 0x30343c,
  'waiting-operator': 0x8b4513,
};

/** Words the legend and panels use for each server state. */
export const STATE_LABELS: Readonly<Record<ServerState, string>> = {
  busy: 'busy',
  idle: 'idle (starved)',
  blocked: 'blocked',
  'down-waiting': 'down (waiting for a crew)',
  repair: 'repair',
  maintenance: 'maintenance',
  setup: 'setup',
  handling: 'robot loading/unloading',
  'off-shift': 'off shift',
  'waiting-operator': 'waiting for an operator',
};

/** `#rrggbb` of a colour number. */
export function cssColour(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}
