import { describe, expect, it } from 'vitest';
import type { Position, TransportPoint, TransportView } from '../../src/entities/index.js';
import { fifoTransport, nearestIdle, TRANSPORT_RULES } from '../../src/policies/index.js';

const dist = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

/** The pairs a fleet would build: jobs oldest first, then robots in fleet order. */
function point(
  robots: readonly [string, Position][],
  jobs: readonly [number, number, Position][],
): TransportPoint {
  const options: TransportView[] = [];
  for (const [partId, requestedS, from] of jobs) {
    for (const [robot, at] of robots) {
      options.push({
        robot,
        robotAt: at,
        job: 'transport',
        partId,
        product: 'p',
        requestedS,
        from,
        to: undefined,
        distanceM: dist(at, from),
      });
    }
  }
  return { kind: 'transport', at: 'agv', now: 10, options };
}

describe('transport rules', () => {
  it('one job, three idle robots: fifo sends the first robot, nearest the closest (hand-checked)', () => {
    // Pickup at (10, 0); r1 at (0, 0) is 10 m away, r2 at (12, 0) 2 m, r3 at (10, 3) 3 m.
    const p = point(
      [
        ['r1', { x: 0, y: 0 }],
        ['r2', { x: 12, y: 0 }],
        ['r3', { x: 10, y: 3 }],
      ],
      [[7, 4, { x: 10, y: 0 }]],
    );
    expect(p.options[fifoTransport.decide(p)]!.robot).toBe('r1');
    expect(p.options[nearestIdle.decide(p)]!.robot).toBe('r2');
  });

  it('one free robot, three jobs: fifo takes the oldest, nearest the closest pickup (hand-checked)', () => {
    // Robot at (0, 0); jobs requested at 1 (pickup 20 m away), 2 (5 m), 3 (5 m, a tie: the older wins).
    const p = point(
      [['r', { x: 0, y: 0 }]],
      [
        [1, 1, { x: 20, y: 0 }],
        [2, 2, { x: 3, y: 4 }],
        [3, 3, { x: 0, y: 5 }],
      ],
    );
    expect(p.options[fifoTransport.decide(p)]!.partId).toBe(1);
    expect(p.options[nearestIdle.decide(p)]!.partId).toBe(2);
  });

  it('nearest breaks a distance tie by the options order (older job, then fleet order)', () => {
    const p = point(
      [
        ['r1', { x: 0, y: 0 }],
        ['r2', { x: 10, y: 0 }],
      ],
      [[1, 0, { x: 5, y: 0 }]],
    );
    expect(nearestIdle.decide(p)).toBe(0);
  });

  it('fifo is marked alwaysFirst (the fleet may skip building the point); nearest is not', () => {
    expect(fifoTransport.alwaysFirst).toBe(true);
    expect(nearestIdle.alwaysFirst).toBeUndefined();
  });

  it('the scenario names map to the rules', () => {
    expect(Object.keys(TRANSPORT_RULES)).toEqual(['fifo', 'nearest']);
    for (const [name, rule] of Object.entries(TRANSPORT_RULES)) expect(rule.name).toBe(name);
  });
});
