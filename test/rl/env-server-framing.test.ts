/** The env server's frames, in process (src/rl/server/framing.ts); instant. */
import { describe, expect, test } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  FrameError,
  FrameReader,
  MAX_FRAME_BYTES,
} from '../../src/rl/server/framing.js';

describe('env-server frames', () => {
  test('a frame round-trips its header and arrays; header and every body are padded to 8 bytes', () => {
    const obs = Float32Array.of(0.1, 2, -3);
    const mask = Uint8Array.of(1, 0, 1);
    const f = encodeFrame({ ok: true, id: 'x' }, [
      { name: 'observations', data: obs, shape: [1, 3] },
      { name: 'mask', data: mask },
      { name: 'rewards', data: Float64Array.of(-1.5) },
      { name: 'actions', data: Int32Array.of(7, -2) },
    ]);
    const n = f.readUInt32LE(0);
    expect(f.length).toBe(4 + n);
    expect((4 + f.readUInt32LE(4)) % 8).toBe(0);
    expect(n % 8).toBe(0);
    const m = decodeFrame(f.subarray(4));
    expect(m.header).toEqual({ ok: true, id: 'x' });
    expect(m.arrays.get('observations')).toEqual(obs);
    expect(m.arrays.get('mask')).toEqual(mask);
    expect(m.arrays.get('rewards')).toEqual(Float64Array.of(-1.5));
    expect(m.arrays.get('actions')).toEqual(Int32Array.of(7, -2));
  });

  test('the reader splits frames across any chunking, and refuses a length past 64 MiB at once', () => {
    const a = encodeFrame({ op: 'ping' });
    const b = encodeFrame({ op: 'step', id: 'e' }, [{ name: 'actions', data: Int32Array.of(3) }]);
    const all = Buffer.concat([a, b]);
    const r = new FrameReader();
    const got: unknown[] = [];
    for (const byte of all) {
      r.push(Buffer.of(byte));
      for (let f = r.next(); f !== undefined; f = r.next()) got.push(decodeFrame(f).header);
    }
    expect(got).toEqual([{ op: 'ping' }, { op: 'step', id: 'e' }]);
    expect(r.pending).toBe(0);
    const big = new FrameReader();
    const len = Buffer.alloc(4);
    len.writeUInt32LE(MAX_FRAME_BYTES + 1, 0);
    big.push(len);
    expect(() => big.next()).toThrow(FrameError);
  });

  test.each([
    ['a header length past the frame', Buffer.from([200, 0, 0, 0, 0x7b, 0x7d, 0x20, 0x20])],
    ['bad JSON', Buffer.from([4, 0, 0, 0, 0x7b, 0x7b, 0x20, 0x20])],
    ['a header that is not an object', Buffer.from([4, 0, 0, 0, 0x5b, 0x5d, 0x20, 0x20])],
    ['an unknown dtype', encodeFrame({ arrays: [{ name: 'a', dtype: 'int64', shape: [0] }] }).subarray(4)],
    [
      'bodies shorter than the shapes say',
      encodeFrame({ arrays: [{ name: 'a', dtype: 'int32', shape: [1] }] }).subarray(4),
    ],
  ])('%s is a FrameError', (_name, body) => {
    expect(() => decodeFrame(body)).toThrow(FrameError);
  });
});
