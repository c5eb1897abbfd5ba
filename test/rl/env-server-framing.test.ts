/** The env server's frames, in process (src/rl/server/framing.ts); instant. */

import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { EnvServer, serveEnv } from '../../src/rl/server/env-server.js';
import {
  decodeFrame,
  encodeFrame,
  encodeHeader,
  FrameError,
  FrameReader,
  frameOf,
  MAX_FRAME_BYTES,
  specsOf,
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

  test('a header encoded once gives the same bytes as encodeFrame, with zeroed padding whatever the buffer held', () => {
    const arrays = [
      { name: 'mask', data: Uint8Array.of(1, 1, 1) },
      { name: 'info', data: Float64Array.of(Number.NaN, 2) },
    ];
    const head = encodeHeader({ ok: true, id: 'e', arrays: specsOf(arrays) });
    // Fill the pool that allocUnsafe draws from with 0xff, so that unzeroed padding would show.
    for (let i = 0; i < 64; i++) Buffer.allocUnsafe(256).fill(0xff);
    const a = frameOf(head, arrays);
    expect(a).toEqual(encodeFrame({ ok: true, id: 'e' }, arrays));
    const at = 4 + head.length;
    expect(Array.from(a.subarray(at + 3, at + 8))).toEqual([0, 0, 0, 0, 0]);
  });

  test('frames that repeat a header decode their own arrays (the parsed header is reused)', () => {
    const one = decodeFrame(
      encodeFrame({ op: 'step', id: 'e' }, [{ name: 'actions', data: Int32Array.of(1) }]).subarray(4),
    );
    const two = decodeFrame(
      encodeFrame({ op: 'step', id: 'e' }, [{ name: 'actions', data: Int32Array.of(2) }]).subarray(4),
    );
    const other = decodeFrame(
      encodeFrame({ op: 'step', id: 'f' }, [{ name: 'actions', data: Int32Array.of(3) }]).subarray(4),
    );
    expect([one, two, other].map((m) => [m.header.id, m.arrays.get('actions')![0]])).toEqual([
      ['e', 1],
      ['e', 2],
      ['f', 3],
    ]);
    expect(two.header).toBe(one.header);
    expect(Object.isFrozen(one.header)).toBe(true);
  });

  test('serveEnv on streams answers frames handed over with their pending bytes first, then the stream', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const replies: Buffer[] = [];
    output.on('data', (d: Buffer) => replies.push(d));
    const pending = Buffer.concat([encodeFrame({ op: 'ping' }), encodeFrame({ op: 'fly' }).subarray(0, 5)]);
    const done = serveEnv(input, output, () => {}, { server: new EnvServer(), pending });
    input.write(encodeFrame({ op: 'fly' }).subarray(5));
    input.end();
    expect(await done).toBe(0);
    const all = Buffer.concat(replies);
    const headers: unknown[] = [];
    const reader = new FrameReader();
    reader.push(all);
    for (let f = reader.next(); f !== undefined; f = reader.next()) headers.push(decodeFrame(f).header);
    expect(headers).toEqual([
      { ok: true, op: 'ping', protocol: 2 },
      { ok: false, error: { code: 'UNKNOWN_OP', message: expect.stringMatching(/unknown op "fly"/) } },
    ]);
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
