/**
 * Traces: what a reader rebuilds equals what the plant was; bad files fail with their byte offset.
 * About 10 s in all (each property case runs a 30 h demo factory twice).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { type BuiltModel, buildPlant } from '../../src/scenario/index.js';
import { decodeFrames, FrameEncoder, TraceFormatError } from '../../src/stream/codec.js';
import { subscribeEncoded } from '../../src/stream/encode-events.js';
import { subscribeFrames } from '../../src/stream/frame-source.js';
import { openTrace } from '../../src/stream/open-trace.js';
import { TraceReader } from '../../src/stream/trace-reader.js';
import { TraceWriter } from '../../src/stream/trace-writer.js';
import { rounded, SnapshotProbe, scenarioFile, tempDir } from './_support.js';

const H = 3600;

function record(name: string, horizonH: number, keyframeEveryS = H, replication = 0) {
  const { scenario, text } = scenarioFile(name);
  const path = join(tempDir(), 'run.sftrace');
  const writer = new TraceWriter({ path, scenarioText: text, version: 'test', keyframeEveryS, replication });
  const result = runScenario(scenario, {
    replications: replication + 1,
    horizon: horizonH * H,
    observe: [writer],
  });
  return { path, writer, result, scenario, text };
}

describe('trace: state at any time', () => {
  for (const name of ['demo-factory.yaml', 'robot-cell.yaml', 'machine-shop.yaml', 'paint-shop.yaml']) {
    it(`stateAt(t) from a keyframe and the frames after it equals plant.snapshot() of a run stopped at t (${name})`, () => {
      const horizonH = 30;
      const { path, scenario } = record(name, horizonH, 2 * H);
      const reader = openTrace(path);
      fc.assert(
        fc.property(
          // Before the horizon: a run ends there without pausing, so there is no "stopped at t" to compare with.
          fc.uniqueArray(fc.double({ min: 0, max: horizonH * H, maxExcluded: true, noNaN: true }), {
            minLength: 1,
            maxLength: 8,
          }),
          (raw) => {
            const times = [...raw].sort((a, b) => a - b);
            const probe = new SnapshotProbe(times);
            runScenario(scenario, { replications: 1, horizon: horizonH * H, observe: [probe] });
            expect(probe.snapshots).toHaveLength(times.length);
            times.forEach((t, i) => {
              expect(rounded(reader.stateAt(t)), `at ${t} s`).toEqual(rounded(probe.snapshots[i]));
            });
          },
        ),
        { numRuns: 4 },
      );
    });
  }

  it("in the middle of every crew and robot trip, the rebuilt position and motion equal the plant's", () => {
    const { path, scenario } = record('demo-factory.yaml', 48, 2 * H);
    const reader = openTrace(path);
    const mids = new Set<number>();
    let crews = 0;
    for (const f of reader.frames(0, 48 * H)) {
      if (f.k === 'crew-move' || (f.k === 'robot-move' && mids.size < 60)) {
        mids.add((f.t + f.arriveT) / 2);
        if (f.k === 'crew-move') crews++;
      }
    }
    expect(crews).toBeGreaterThan(2);
    const times = [...mids].sort((a, b) => a - b);
    const probe = new SnapshotProbe(times);
    runScenario(scenario, { replications: 1, horizon: 48 * H, observe: [probe] });
    times.forEach((t, i) => {
      const got = reader.stateAt(t);
      expect(rounded({ r: got.robots, c: got.crews }), `at ${t} s`).toEqual(
        rounded({ r: probe.snapshots[i]!.robots, c: probe.snapshots[i]!.crews }),
      );
    });
  });

  it("in the middle of every operator's walk, the rebuilt position, motion and job equal the plant's", () => {
    const { path, scenario } = record('paint-shop.yaml', 30, 2 * H);
    const reader = openTrace(path);
    const mids = new Set<number>();
    const kinds = new Set<string>();
    for (const f of reader.frames(0, 30 * H)) {
      if (f.k === 'operator-move') mids.add((f.t + f.arriveT) / 2);
      if (f.k.startsWith('operator')) kinds.add(f.k);
    }
    expect([...kinds].sort()).toEqual(['operator', 'operator-job', 'operator-move']);
    const home = { x: 30, y: 10 };
    expect(reader.header.layout.operators).toEqual([
      {
        id: 'painters',
        kind: 'operators',
        speedMps: 1.2,
        operators: [
          { id: 'anna', skills: ['colour-change'], home, placement: 'scenario' },
          { id: 'ben', skills: ['colour-change'], home, placement: 'scenario' },
          { id: 'chris', skills: [], home, placement: 'scenario' },
        ],
      },
    ]);
    expect(mids.size).toBeGreaterThan(2);
    const times = [...mids].sort((a, b) => a - b);
    const probe = new SnapshotProbe(times);
    runScenario(scenario, { replications: 1, horizon: 30 * H, observe: [probe] });
    times.forEach((t, i) => {
      const want = probe.snapshots[i]!.operators.painters!.operators;
      // Under way at the middle of a walk: some operator is travelling on a motion.
      expect(want.some((o) => o.state === 'travelling' && o.motion !== null && o.job !== null)).toBe(true);
      expect(rounded(reader.stateAt(t).operators), `at ${t} s`).toEqual(
        rounded(probe.snapshots[i]!.operators),
      );
    });
  });

  it('a keyframe instant and the end are exact: stateAt at a keyframe time is that keyframe', () => {
    const { path } = record('demo-factory.yaml', 6);
    const reader = openTrace(path);
    const key = reader.keyframeAt(3 * H);
    expect(key.t).toBe(3 * H);
    expect(reader.stateAt(3 * H)).toEqual(key.snapshot);
    expect(reader.durationS).toBe(6 * H);
    expect(reader.endReason).toBe('horizon');
  });
});

describe('trace: frames and header', () => {
  it('frames come in time order, within [t0, t1], and their counts match the run', () => {
    const { scenario, text } = scenarioFile('demo-factory.yaml');
    const path = join(tempDir(), 'counts.sftrace');
    const writer = new TraceWriter({ path, scenarioText: text, version: 'test' });
    let plant: BuiltModel['plant'] | null = null;
    const grab = {
      start: (m: BuiltModel) => {
        plant = m.plant;
      },
    };
    runScenario(scenario, { replications: 1, horizon: 24 * H, observe: [writer, grab] });
    const reader = openTrace(path);
    let last = -1;
    const seen = { released: 0, finished: 0, scrapped: 0, assembled: 0, consumed: 0 };
    for (const f of reader.frames(0, 24 * H)) {
      expect(f.t).toBeGreaterThanOrEqual(last);
      last = f.t;
      if (f.k === 'released') seen[f.assembled ? 'assembled' : 'released']++;
      if (f.k === 'left') seen[f.why]++;
    }
    const p = plant!;
    expect(seen).toEqual({
      released: p.released,
      finished: p.finished,
      scrapped: p.scrapped,
      assembled: p.assembled,
      consumed: p.consumed,
    });
    expect(seen.finished).toBeGreaterThan(100);
    expect(reader.stateAt(24 * H).counters.wip).toBe(p.inSystem);
    for (const f of reader.frames(5 * H, 7 * H)) expect(f.t >= 5 * H && f.t <= 7 * H).toBe(true);
    expect(reader.header.scenarioText).toBe(text);
    expect(reader.header.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reader.header.seed).toBe(1);
    expect(reader.header.layout.stations.map((s) => s.id)).toEqual([
      'press',
      'oven',
      'smt',
      'assy',
      'adjust',
      'test',
    ]);
    expect(reader.header.layout.stations[0]).toMatchObject({
      position: { x: 0, y: 0 },
      size: { width: 3, depth: 2, height: 2.5 },
    });
  });

  it('the recorded replication is the one asked for: its seed is run.seed + replication', () => {
    const { path } = record('serial-line.yaml', 2, H, 1);
    expect(openTrace(path).header).toMatchObject({
      replication: 1,
      seed: scenarioFile('serial-line.yaml').scenario.run.seed + 1,
    });
  });

  for (const name of ['demo-factory.yaml', 'paint-shop.yaml']) {
    it(`the fast event encoder writes exactly the bytes of encode() over the frames of subscribeFrames (${name})`, () => {
      const { scenario } = scenarioFile(name);
      const model = buildPlant(scenario, 7);
      const fast = new FrameEncoder();
      const generic = new FrameEncoder();
      subscribeEncoded(model.plant, fast);
      subscribeFrames(model.plant, (f) => generic.encode(f));
      model.plant.run({ until: 20 * H });
      expect(fast.count).toBeGreaterThan(1000);
      expect(fast.count).toBe(generic.count);
      expect(fast.lastT).toBe(generic.lastT);
      expect(Buffer.from(fast.bytesView()).equals(Buffer.from(generic.bytesView()))).toBe(true);
    });
  }

  it('format 2 flags frames with the time of the frame before: the same frames as format 1, in fewer bytes', () => {
    const { scenario } = scenarioFile('demo-factory.yaml');
    const model = buildPlant(scenario, 3);
    const v1 = new FrameEncoder(1);
    const v2 = new FrameEncoder(2);
    subscribeEncoded(model.plant, v1);
    subscribeEncoded(model.plant, v2);
    model.plant.run({ until: 10 * H });
    const frames1 = decodeFrames(v1.bytesView(), 0, 1);
    const frames2 = decodeFrames(v2.bytesView(), 0, 2);
    expect(frames1.length).toBeGreaterThan(1000);
    expect(frames2).toEqual(frames1);
    // Most frames share their instant with the frame before (one event publishes several).
    expect(v2.length).toBeLessThan(0.8 * v1.length);
  });

  it('a same-time flag on the first frame of a block is a TraceFormatError naming the block', () => {
    const bytes = new Uint8Array([0x80 | 1, 0]);
    expect(() => decodeFrames(bytes, 1234, 2)).toThrow(TraceFormatError);
    expect(() => decodeFrames(bytes, 1234, 2)).toThrow(
      'same-time flag on the first frame of a block at byte 1 of the block that starts at byte 1234',
    );
  });

  it('a trace with deflated blocks reads back the same frames as a stored one', () => {
    const { scenario, text } = scenarioFile('demo-factory.yaml');
    const dir = tempDir();
    const paths = [0, 1].map((level) => {
      const path = join(dir, `level${level}.sftrace`);
      runScenario(scenario, {
        replications: 1,
        horizon: 6 * H,
        observe: [new TraceWriter({ path, scenarioText: text, version: 't', level })],
      });
      return path;
    });
    const [stored, deflated] = paths.map((p) => openTrace(p));
    expect(deflated!.blocks.every((b) => b.deflated && b.compressedBytes < b.rawBytes)).toBe(true);
    expect([...deflated!.frames(0, 6 * H, { keyframes: true })]).toEqual([
      ...stored!.frames(0, 6 * H, { keyframes: true }),
    ]);
  });

  it('same scenario, same seed: the same trace bytes', () => {
    const a = readFileSync(record('demo-factory.yaml', 4).path);
    const b = readFileSync(record('demo-factory.yaml', 4).path);
    expect(a.equals(b)).toBe(true);
  });
});

describe('trace: bad files', () => {
  const { path } = record('demo-factory.yaml', 4);
  const bytes = new Uint8Array(readFileSync(path));

  it('a trace cut anywhere fails with a TraceFormatError naming a byte offset inside the file, never another error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        let error: unknown;
        try {
          new TraceReader(bytes.subarray(0, cut));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(TraceFormatError);
        const e = error as TraceFormatError;
        expect(e.offset).toBeLessThanOrEqual(cut);
        expect(e.message).toMatch(/at byte \d+/);
      }),
      { numRuns: 200 },
    );
  });

  it('a flipped byte in a block is reported with the offset of its block', () => {
    const reader = new TraceReader(bytes);
    const block = reader.blocks[1]!;
    const bad = bytes.slice();
    bad[block.offset + 60] = bad[block.offset + 60]! ^ 0xff;
    const r = new TraceReader(bad);
    expect(() => r.stateAt(block.t0 + 1)).toThrow(`checksum mismatch) at byte ${block.offset}`);
  });

  it('a file that is not a trace, or of a newer format, says so at byte 0 or 8', () => {
    expect(() => new TraceReader(new TextEncoder().encode('name: demo\nrun: {}\n'))).toThrow(
      'not a shopfloor trace (bad magic at byte 0)',
    );
    const newer = bytes.slice();
    newer[8] = 99;
    expect(() => new TraceReader(newer)).toThrow('format version 99 at byte 8');
  });

  it('a run that fails leaves neither the trace nor its temporary file', () => {
    const { scenario, text } = scenarioFile('demo-factory.yaml');
    const dir = tempDir();
    const path = join(dir, 'failed.sftrace');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const writer = new TraceWriter({ path, scenarioText: text, version: 'test' });
    const boom = {
      start() {},
      nextStopS: (now: number) => (now < 2 * H ? 2 * H : Number.POSITIVE_INFINITY),
      at() {
        throw new Error('boom');
      },
    };
    expect(() => runScenario(scenario, { replications: 1, horizon: 4 * H, observe: [writer, boom] })).toThrow(
      'boom',
    );
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});
