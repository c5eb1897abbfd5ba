import { expect, test } from 'vitest';
import { ShopfloorEnv } from '../../src/rl/index.js';
import { scenarioFrom } from './_support/scenarios.js';

// Two machines feeding each other through one-place buffers: a cycle of full buffers and blocked servers.
const LOOP = `
run: { horizon: 1d }
products:
  - { id: a, routing: [{ station: m1, processTime: 1min }, { station: m2, processTime: 5min }] }
  - { id: b, routing: [{ station: m2, processTime: 1min }, { station: m1, processTime: 5min }] }
sources:
  - { id: sa, product: a, interarrival: 30s }
  - { id: sb, product: b, interarrival: 30s }
buffers: [{ id: in1, capacity: 2 }, { id: in2, capacity: 2 }]
stations: [{ id: m1, input: in1 }, { id: m2, input: in2 }]
sinks: [{ id: out }]
`;

test('a deadlock ends the episode as terminated, with info.deadlock naming where', () => {
  const env = new ShopfloorEnv({ scenario: scenarioFrom(LOOP), reward: 'throughput' });
  let r = env.reset();
  for (let k = 0; k < 10_000; k++) {
    if (r.info.done) break;
    const s = env.step(r.info.actionMask.indexOf(1));
    if (s.terminated || s.truncated) {
      expect(s.terminated).toBe(true);
      expect(s.info.deadlock).toMatch(/deadlock/);
      expect(s.info.actionMask.every((m) => m === 0)).toBe(true);
      return;
    }
    r = s;
  }
  throw new Error(`no deadlock (done at reset: ${r.info.done}, deadlock: ${r.info.deadlock})`);
});
