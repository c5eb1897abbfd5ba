/**
 * The viewer opens real trace files (`shopfloor run … --trace`) through src/stream's browser-safe reader:
 * what it shows at any time is what the trace says. A 12 h demo-factory trace; about 1 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { TraceReader } from '../../src/stream/trace-reader.js';
import { TraceWriter } from '../../src/stream/trace-writer.js';
import { decodeRun, recordingOf } from '../../viz/src/feed/open-trace.js';
import { SERVER_STATES } from '../../viz/src/feed/types.js';
import { scenarioFile, tempDir } from '../stream/_support.js';

const H = 3600;

function recordDemo(): Uint8Array {
  const { scenario, text } = scenarioFile('demo-factory.yaml');
  const path = join(tempDir(), 'demo.sftrace');
  const writer = new TraceWriter({
    path,
    scenarioText: text,
    version: 'test',
    keyframeEveryS: H,
    replication: 0,
  });
  runScenario(scenario, { replications: 1, horizon: 12 * H, observe: [writer] });
  return readFileSync(path);
}

const bytes = recordDemo();
const reader = new TraceReader(bytes);

describe('the viewer opens .sftrace files', () => {
  test('the header is the trace header; frames are the first keyframe and every delta, in time order', () => {
    const run = decodeRun(bytes, 'demo.sftrace');
    expect(run.info).toEqual(reader.header);
    const counts = reader.counts();
    const all = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(run.frames.length).toBe(all - counts.keyframe! + 1);
    expect(run.frames[0]!.k).toBe('keyframe');
    expect(run.frames.filter((f) => f.k === 'keyframe')).toHaveLength(1);
    expect(run.frames.at(-1)!.k).toBe('end');
    for (let i = 1; i < run.frames.length; i++)
      expect(run.frames[i]!.t).toBeGreaterThanOrEqual(run.frames[i - 1]!.t);
  });

  test("at any time, every machine's state and the parts finished are those of the trace reader's stateAt", () => {
    const rec = recordingOf(decodeRun(bytes, 'demo.sftrace'));
    expect(rec.endedAt).toBe(reader.durationS);
    for (const t of [0.5, 1234.5, 3 * H + 17.25, 7.5 * H, 11.9 * H]) {
      const want = reader.stateAt(t);
      // The reader leaves out the frames at exactly t, the viewer includes them: ask just before.
      const got = rec.stateAt(t - 1e-9);
      for (const [id, station] of Object.entries(want.stations)) {
        const first = rec.index.firstServer.get(id)!;
        station.servers.forEach((s, i) => {
          expect(SERVER_STATES[got.servers[first + i]!.state], `${id}/${i} at ${t} s`).toBe(s.state);
        });
      }
      expect(got.finished, `finished at ${t} s`).toBe(want.counters.finished);
    }
  });

  test('a truncated trace is refused with an error naming the file and the byte offset', () => {
    expect(() => decodeRun(bytes.subarray(0, bytes.length - 100), 'cut.sftrace')).toThrow(
      /^cut\.sftrace: trace: truncated .*byte \d+/,
    );
    expect(() =>
      decodeRun(new TextEncoder().encode('{"header":{"layout":{}},"frames":[]}'), 'old.json'),
    ).toThrow(/^old\.json: trace: not a shopfloor trace/);
  });
});
