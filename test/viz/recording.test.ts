/**
 * The viewer's feed (viz/src/feed) in Node, on frames of the real demo factory: the state it rebuilds is the
 * plant's own state, seeking lands on the same state whichever way it gets there, and time in states adds up.
 * About 3 s (one 2-day demo run).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { MotionFrame } from '../../src/stream/frames.js';
import { beltPos, moverAt, wip } from '../../viz/src/feed/plant-state.js';
import { KEYFRAME_EVERY, Recording } from '../../viz/src/feed/recording.js';
import { SERVER_STATES } from '../../viz/src/feed/types.js';
import { demoWithFrames } from './_support/demo-frames.js';

const CHECKS_AT_S = [3_600, 30_000, 86_400, 150_000];
let rec: Recording;
const plantAt = new Map<number, ReturnType<typeof snapshotOfDemo>>();

function snapshotOfDemo(model: ReturnType<typeof demoWithFrames>['model']) {
  return model.plant.snapshot();
}

beforeAll(() => {
  const { model, frames, info } = demoWithFrames(1);
  rec = new Recording({ ...info, horizonS: 2 * 86_400 });
  for (const t of CHECKS_AT_S) {
    model.plant.run({ until: t });
    rec.append(frames.splice(0));
    plantAt.set(t, snapshotOfDemo(model));
  }
  model.plant.run({ until: 2 * 86_400 });
  rec.append(frames.splice(0));
  rec.finish(2 * 86_400);
});

describe('the feed rebuilds the plant state from frames', () => {
  test('at any checked time, every server state, buffer level, belt and counter equals plant.snapshot()', () => {
    for (const t of CHECKS_AT_S) {
      const snap = plantAt.get(t)!;
      const s = rec.stateAt(t);
      for (const [id, st] of Object.entries(snap.stations)) {
        const first = rec.index.firstServer.get(id)!;
        st.servers.forEach((sv, i) => {
          expect(SERVER_STATES[s.servers[first + i]!.state], `${id}/${i} at ${t}`).toBe(sv.state);
          expect([...s.servers[first + i]!.parts].sort(), `${id}/${i} parts at ${t}`).toEqual(
            [...sv.parts].sort(),
          );
        });
      }
      for (const [id, b] of Object.entries(snap.buffers))
        expect(s.levels[id] ?? 0, `${id} at ${t}`).toBe(b.parts.length);
      for (const [id, c] of Object.entries(snap.conveyors)) {
        const items = s.belts[rec.index.belt.get(id)!]!;
        const len = rec.info.layout.conveyors.find((x) => x.id === id)!.lengthM;
        expect(items.map((i) => i.part).sort()).toEqual(c.items.map((i) => i.part).sort());
        for (const item of c.items) {
          const mine = items.find((i) => i.part === item.part)!;
          expect(beltPos(mine, t, len)).toBeCloseTo(item.positionM, 6);
        }
      }
      expect(wip(s), `WIP at ${t}`).toBe(snap.counters.wip);
      expect(s.finished).toBe(snap.counters.finished);
    }
  });

  test('robots and crews half-way through a trip are where the plant says they are', () => {
    // Times in the middle of trips of the first run; a second run of the same seed stops there.
    const trips = rec.frames.filter(
      (f): f is MotionFrame =>
        (f.k === 'robot-move' || f.k === 'crew-move') && f.arriveT - f.t > 10 && f.t > 4 * 3600,
    );
    const picks = [trips[0]!, trips.find((f) => f.k === 'crew-move')!, trips[Math.floor(trips.length / 2)]!];
    const times = picks.map((f) => (f.t + f.arriveT) / 2).sort((a, b) => a - b);
    const { model } = demoWithFrames(1);
    const at = { x: 0, y: 0 };
    let checked = 0;
    for (const t of times) {
      model.plant.run({ until: t });
      const snap = model.plant.snapshot();
      const s = rec.stateAt(t);
      const members = [
        ...Object.entries(snap.robots).flatMap(([g, f]) => f.robots.map((r) => [g, r] as const)),
        ...Object.entries(snap.crews).flatMap(([g, p]) => p.crews.map((c) => [g, c] as const)),
      ];
      for (const [group, m] of members) {
        if (m.position === null) continue;
        moverAt(s.movers[rec.index.mover.get(`${group}/${m.id}`)!]!, t, at);
        expect(at.x, `${group}/${m.id} x at ${t}`).toBeCloseTo(m.position.x, 6);
        expect(at.y, `${group}/${m.id} y at ${t}`).toBeCloseTo(m.position.y, 6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * 5);
  });
});

describe('seeking', () => {
  test('the demo run is long enough to have several keyframes', () => {
    expect(rec.frames.length).toBeGreaterThan(3 * KEYFRAME_EVERY);
  });

  test('a seek from any state to any time gives the state a fresh replay from 0 gives', () => {
    const end = rec.endS;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: end, noNaN: true }),
        fc.double({ min: 0, max: end, noNaN: true }),
        (a, b) => {
          const fromA = rec.seek(rec.stateAt(a), rec.frames.filter((f) => f.t <= a).length, b).state;
          expect(fromA).toEqual(rec.stateAt(b));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('time in each state adds up to the elapsed time on every server', () => {
    const t = 100_000;
    const s = rec.stateAt(t);
    for (const srv of s.servers) {
      const total = srv.timeIn.reduce((x, y) => x + y, 0) + (t - srv.since);
      expect(total).toBeCloseTo(t, 6);
    }
  });

  test('frames out of time order are refused, naming both times', () => {
    const r = new Recording(rec.info);
    r.append([{ k: 'buffer', t: 10, buffer: 'oven-in', level: 1 }]);
    expect(() => r.append([{ k: 'buffer', t: 5, buffer: 'oven-in', level: 0 }])).toThrow(
      /at 5 s comes after one at 10 s/,
    );
  });
});

describe('KPI series', () => {
  test('WIP samples are the WIP of the state at the sample time, and finished parts add up', () => {
    const { series } = rec;
    expect(series.t.length).toBeGreaterThan(100);
    for (const i of [10, 50, series.t.length - 1]) {
      const t = series.t[i]!;
      // The sample is taken before the frames at exactly its time.
      const before = rec.stateAt(t - 1e-9);
      expect(series.wip[i]).toBe(wip(before));
    }
    const finished = series.throughputPerH.reduce((x, y) => x + (y * rec.stepS) / 3600, 0);
    expect(finished).toBeCloseTo(rec.stateAt(series.t.at(-1)! - 1e-9).finished, 6);
  });
});
